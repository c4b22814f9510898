import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

/**
 * For the tests that run with a DOM (vitest.config.ts), after setup.ts. After-each hooks run last registered
 * first, so what is rendered is unmounted before setup.ts checks for console.error calls and restores the mocks.
 */
afterEach(() => {
  cleanup();
});
