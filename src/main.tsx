import './app/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProviders } from './app/app-providers';
import { AppRouter } from './app/router';
import { ConfigErrorPage, loadConfig } from './config';
import { initI18n } from './i18n';

async function start() {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element.');
  const root = createRoot(container);

  // The catalog and the config load in parallel; nothing renders before both are in. Only when neither a
  // remembered choice nor the browser names a language does the catalog wait for the config's default.
  const configLoading = loadConfig();
  const configDefault = async () => {
    const result = await configLoading;
    return result.ok ? result.config.defaultLanguage : undefined;
  };
  const [, configResult] = await Promise.all([initI18n({ configDefault }), configLoading]);

  if (!configResult.ok) {
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

void start();
