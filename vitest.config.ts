import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'emulator',
          environment: 'node',
          include: ['emulator/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
      {
        test: {
          // The CDK app (cdk synth in-process, offline) and the nginx config: node, no DOM.
          name: 'deploy',
          environment: 'node',
          include: ['deploy/**/*.test.ts'],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'app',
          environment: 'jsdom',
          globals: true,
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['src/test/setup.ts'],
        },
      },
    ],
  },
});
