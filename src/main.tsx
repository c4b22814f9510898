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

  // The catalog and the config load in parallel; nothing renders before both are in.
  const [, configResult] = await Promise.all([initI18n(), loadConfig()]);

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
