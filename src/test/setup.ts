import { afterEach, beforeEach, vi } from 'vitest';
import { initI18nForTests } from './i18n';

/** For every test of the app, with a DOM or without (vitest.config.ts); setup-dom.ts adds what DOM tests need. */

// Every test renders with the real English catalog, ready synchronously.
initI18nForTests();

// A console.error during a test is a bug the test did not look for: fail it.
let consoleErrors: unknown[][] = [];
beforeEach(() => {
  consoleErrors = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    consoleErrors.push(args);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  if (consoleErrors.length > 0) {
    throw new Error(`console.error was called:\n${consoleErrors.map((a) => a.map(String).join(' ')).join('\n')}`);
  }
});
