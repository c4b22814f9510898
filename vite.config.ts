import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { configFilePlugin } from './scripts/config-file-plugin';

export default defineConfig({
  plugins: [react(), configFilePlugin()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
