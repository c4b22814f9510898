import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import {
  E2E_APP_PORT,
  E2E_EMAIL_APP_PORT,
  E2E_EMULATOR_PORT,
  E2E_MFA_APP_PORT,
  E2E_NGINX_APP_PORT,
  E2E_ROTATION_APP_PORT,
} from './e2e/ports';
import { findNginx, nginxWebServer } from './e2e/nginx-server';

export { E2E_APP_PORT, E2E_EMULATOR_PORT };

const workDir = `node_modules/.tmp/e2e-${E2E_APP_PORT}`;
mkdirSync(workDir, { recursive: true });

/** A test runtime config (e2e/config*.e2e.json) pointed at this run's local pool; returns the file written. */
function writeRunConfig(source: string, name: string): string {
  const file = `${workDir}/${name}`;
  writeFileSync(
    file,
    JSON.stringify({ ...JSON.parse(readFileSync(source, 'utf8')), endpoint: `http://127.0.0.1:${E2E_EMULATOR_PORT}/` }),
  );
  return file;
}
const configFile = writeRunConfig('e2e/config.e2e.json', 'config.json');
/** The same build in front of the pool that requires MFA (its own app client). */
const mfaConfigFile = writeRunConfig('e2e/config.mfa.e2e.json', 'config.mfa.json');
/** The same build in front of the demo pool's app client with refresh-token rotation (`refreshTokenRotation`). */
const rotationConfigFile = writeRunConfig('e2e/config.rotation.e2e.json', 'config.rotation.json');
/** The same build in front of the pool whose users sign in with an email address (docs/cognito-behaviour.md §10). */
const emailConfigFile = writeRunConfig('e2e/config.email.e2e.json', 'config.email.json');

/**
 * deploy/nginx.conf's server block in a real nginx, in front of the same build: the `nginx` project runs the
 * hardening tests and e2e/nginx.spec.ts against it. .ci/run installs nginx; elsewhere the project is left out
 * when nginx is missing.
 */
const nginx = findNginx();
if (!nginx && process.env.CI) throw new Error('nginx is not installed: .ci/run installs it (Debian package nginx).');

/** One more `vite preview` of the same build, serving its own runtime config. */
function previewServer(port: number, appConfigFile: string) {
  return {
    command: `node_modules/.bin/vite preview --port ${port} --outDir ${workDir}/dist`,
    url: `http://127.0.0.1:${port}/`,
    env: { APP_CONFIG_FILE: appConfigFile, APP_CONFIG_ENDPOINT: '' },
    reuseExistingServer: false,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  };
}

const systemChromium = '/usr/bin/chromium';
const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: existsSync(systemChromium) ? { executablePath: systemChromium, args: chromiumFlags } : { args: chromiumFlags },
};

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
  /**
   * The emulator's clock is one per process and every test shares it. Tests that move it
   * (server-clock.spec.ts) run in their own project that depends on `chromium` (and `nginx`), so they start
   * only once every other test has finished and cannot expire another test's challenge session or code.
   * Browser-clock tests (`page.clock`) are private to their page and run with the rest.
   * screenshots.spec.ts checks nothing the accessibility tests do not: it runs only in `npm run screenshots`
   * (playwright.screenshots.config.ts).
   */
  projects: [
    {
      name: 'chromium',
      testIgnore: [/server-clock\.spec\.ts$/, /nginx\.spec\.ts$/, /screenshots\.spec\.ts$/],
      use: chromium,
    },
    {
      name: 'server-clock',
      testMatch: /server-clock\.spec\.ts$/,
      dependencies: ['chromium', ...(nginx ? ['nginx'] : [])],
      use: chromium,
    },
    ...(nginx
      ? [
          {
            name: 'nginx',
            testMatch: [/hardening\.spec\.ts$/, /nginx\.spec\.ts$/],
            // Of hardening.spec.ts, what depends on the server: its headers, and the app under its policy.
            grep: /nginx\.spec\.ts|security headers|the browser enforces the policy/,
            use: { ...chromium, baseURL: `http://127.0.0.1:${E2E_NGINX_APP_PORT}` },
          },
        ]
      : []),
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
      env: { APP_CONFIG_FILE: configFile, APP_CONFIG_ENDPOINT: '' },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    // Web servers start one after the other, each once the previous answers: the build above is done.
    previewServer(E2E_MFA_APP_PORT, mfaConfigFile),
    previewServer(E2E_EMAIL_APP_PORT, emailConfigFile),
    previewServer(E2E_ROTATION_APP_PORT, rotationConfigFile),
    ...(nginx ? [nginxWebServer({ nginx, port: E2E_NGINX_APP_PORT, distDir: `${workDir}/dist`, configFile, workDir })] : []),
  ],
});
