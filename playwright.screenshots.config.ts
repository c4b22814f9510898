import { defineConfig } from '@playwright/test';
import config, { chromium } from './playwright.config';

/**
 * `npm run screenshots`: e2e/screenshots.spec.ts alone, with the servers of the browser tests. It replays the
 * accessibility tours to save every screen and state, light, dark and 320 px wide, per language, under
 * screenshots/ (ignored by git) for a reviewer to look at; it checks nothing the tests do not, so `npm test`
 * leaves it out.
 */
export default defineConfig({
  ...config,
  projects: [{ name: 'screenshots', testMatch: /screenshots\.spec\.ts$/, use: chromium }],
});
