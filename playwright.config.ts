import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/** Ports of their own, so a developer's `npm start` can keep running beside the tests. */
export const E2E_EMULATOR_PORT = 9329;
export const E2E_APP_PORT = 5273;

const systemChromium = '/usr/bin/chromium';
const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${E2E_APP_PORT}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: existsSync(systemChromium)
          ? { executablePath: systemChromium, args: chromiumFlags }
          : { args: chromiumFlags },
      },
    },
  ],
  webServer: [
    {
      command: `node_modules/.bin/tsx emulator/main.ts --port ${E2E_EMULATOR_PORT}`,
      url: `http://127.0.0.1:${E2E_EMULATOR_PORT}/_emulator/outbox`,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // The production build, as it ships, with a runtime config that points at the test pool.
      command: `node_modules/.bin/vite build --logLevel warn && node_modules/.bin/vite preview --port ${E2E_APP_PORT}`,
      url: `http://127.0.0.1:${E2E_APP_PORT}/`,
      env: { APP_CONFIG_FILE: 'e2e/config.e2e.json' },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
