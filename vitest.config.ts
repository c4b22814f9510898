import { configDefaults, defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * The app's tests (src/): a test that renders or uses the browser's objects (window, document, localStorage,
 * sessionStorage, requestAnimationFrame…) is `*.test.tsx`, or `*.dom.test.ts` when it has no JSX, and runs in
 * jsdom; every other `*.test.ts` runs in plain Node, where such an object is undefined and the test fails at once.
 */
const DOM_TESTS = ['src/**/*.test.tsx', 'src/**/*.dom.test.ts'];

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
          environment: 'node',
          globals: true,
          include: ['src/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...DOM_TESTS],
          setupFiles: ['src/test/setup.ts'],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'app-dom',
          environment: 'jsdom',
          globals: true,
          include: DOM_TESTS,
          setupFiles: ['src/test/setup.ts', 'src/test/setup-dom.ts'],
        },
      },
    ],
  },
});
