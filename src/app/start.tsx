import './app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { parseDocument } from '../config/load-config';
import type { EarlyStart } from '../early-start';
import { DEFAULT_LANGUAGE, initI18nWithCatalog, loadCatalog } from '../i18n';
import { AppProviders } from './app-providers';
import { AppRouter } from './router';

/** Renders the app once the config and the catalog that src/main.tsx requested are in. */
export async function start({ configDocument, language, catalog }: EarlyStart) {
  // The entry script is async (it may run before the page is parsed): wait for #root to be in the document.
  if (document.readyState === 'loading') {
    await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
  }
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element.');
  const root = createRoot(container);

  const configResult = parseDocument(await configDocument);
  const chosen = await language;
  if (!configResult.ok && chosen.fromConfig && chosen.language !== DEFAULT_LANGUAGE) {
    // An invalid config's default does not count: its error page is in English, as when it names no language.
    initI18nWithCatalog(DEFAULT_LANGUAGE, await loadCatalog(DEFAULT_LANGUAGE));
  } else {
    initI18nWithCatalog(chosen.language, await catalog);
  }

  if (!configResult.ok) {
    // Only a broken deployment needs the error page and its wording: it stays out of the first page.
    const { ConfigErrorPage } = await import('../config/config-error-page');
    root.render(
      <StrictMode>
        <ConfigErrorPage problem={configResult.problem} />
      </StrictMode>,
    );
    return;
  }

  root.render(
    <StrictMode>
      <AppProviders config={configResult.config}>
        <AppRouter />
      </AppProviders>
    </StrictMode>,
  );
}
