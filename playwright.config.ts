import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * Ports of their own, so a developer's `npm start` can keep running beside the tests;
 * E2E_EMULATOR_PORT and E2E_APP_PORT let two runs share a machine.
 */
export const E2E_EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 9329);
export const E2E_APP_PORT = Number(process.env.E2E_APP_PORT ?? 5273);

/** The test runtime config: e2e/config.e2e.json pointed at this run's local pool. */
const workDir = `node_modules/.tmp/e2e-${E2E_APP_PORT}`;
const configFile = `${workDir}/config.json`;
mkdirSync(workDir, { recursive: true });
writeFileSync(
  configFile,
  JSON.stringify({
    ...JSON.parse(readFileSync('e2e/config.e2e.json', 'utf8')),
    endpoint: `http://127.0.0.1:${E2E_EMULATOR_PORT}/`,
  }),
);

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
      command: `node_modules/.bin/vite build --logLevel warn --outDir ${workDir}/dist --emptyOutDir && node_modules/.bin/vite preview --port ${E2E_APP_PORT} --outDir ${workDir}/dist`,
      url: `http://127.0.0.1:${E2E_APP_PORT}/`,
      env: { APP_CONFIG_FILE: configFile },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
