import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { configFilePlugin } from './scripts/config-file-plugin.ts';
import { firstPageChunkPlugin } from './scripts/first-page-chunk-plugin.ts';
import { preloadChunksPlugin } from './scripts/preload-chunks-plugin.ts';
import { pureReactRouterPlugin } from './scripts/pure-react-router-plugin.ts';
import { securityHeadersForConfigFile } from './scripts/security-headers.ts';

export default defineConfig({
  // The entry starts the config and catalog requests, then imports the app (src/app/start.tsx): index.html
  // preloads the app so that it downloads alongside the entry, not after it, and the app is built as one chunk.
  // The build keeps only the react-router components the app uses.
  plugins: [
    react(),
    configFilePlugin(),
    preloadChunksPlugin(['src/app/start.tsx']),
    firstPageChunkPlugin('src/app/start.tsx'),
    pureReactRouterPlugin(),
  ],
  // amazon-cognito-identity-js bundles buffer@4, which reads Node's `global`; browsers only have globalThis.
  define: { global: 'globalThis' },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  // The production build is previewed as it is deployed: with the strict CSP and security headers
  // (scripts/security-headers.ts), connect-src taken from the config being served.
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: securityHeadersForConfigFile() },
});
