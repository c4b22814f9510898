/**
 * `npm run bench`: builds for production, prints bytes per route and cold-load timings at 4× CPU throttle,
 * and writes the same figures as JSON under bench-results/. A benchmark, not a test: it reports and never
 * fails on a budget (it exits non-zero only when it cannot measure at all).
 *
 * Options (environment): BENCH_RUNS (loads per figure, at least 7; default 9), BENCH_PORT (preview port,
 * default 4199). The local user pool listens on a free port of its own.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { preview } from 'vite';
import { startEmulator } from '../../emulator/server.ts';
import { FLOOR_BASE, ROOT, buildApp, buildFloor } from './build.ts';
import { checkBudgets, formatReport, type BenchResult } from './report.ts';
import { chunkClosure, measureFiles, readManifest, routeSizes, sizeRow } from './sizes.ts';
import { pairedRatio, summarize } from './stats.ts';
import {
  CPU_THROTTLE_RATE,
  launchBrowser,
  measureInputVisible,
  measurePendingPaint,
  type PendingResult,
  type PendingScenario,
} from './timings.ts';

const MIN_RUNS = 7;
const runs = Math.max(MIN_RUNS, Number(process.env.BENCH_RUNS ?? 9) || MIN_RUNS);
const previewPort = Number(process.env.BENCH_PORT ?? 4199);

const WORK_DIR = join(ROOT, 'node_modules', '.tmp', 'bench');
const DIST_DIR = join(WORK_DIR, 'dist');
const FLOOR_DIR = join(DIST_DIR, FLOOR_BASE);
const RESULTS_DIR = join(ROOT, 'bench-results');

/** A demo user of emulator/seed.json; the bench starts its own pool from that seed. */
const DEMO_USER = { username: 'demo.user', password: 'Demo-Passw0rd!' };

/** Screens the router loads on demand, by source module; a module that is not split off adds nothing. */
const FIRST_ROUTE = { label: '/sign-in', module: 'src/screens/sign-in/sign-in-route.tsx' };
const OTHER_ROUTES = [
  { label: '/new-password', module: 'src/screens/new-password/new-password-route.tsx' },
  { label: '/forgot-password', module: 'src/screens/forgot-password/forgot-password-route.tsx' },
  { label: '/reset-password', module: 'src/screens/reset-password/reset-password-route.tsx' },
  { label: '/account', module: 'src/screens/account/account-route.tsx' },
  { label: '/change-password', module: 'src/screens/change-password/change-password-route.tsx' },
];
const EXTRAS = [{ label: 'Cognito SDK (on first use)', module: 'src/auth/cognito.ts' }];
/** Loaded before the first paint: the English catalog (the bench's browser asks for English). */
const STARTUP_MODULES = /(^|\/)locales\/en([/.]|$)/;

function log(message: string) {
  process.stderr.write(`${message}\n`);
}

interface Timings {
  app: number[];
  floor: number[];
  pending: Record<PendingScenario, PendingResult[]>;
  /** JS and CSS the first (unrecorded) load of sign-in fetched before its input showed. */
  observedFirstPage: string[];
  chromium: string;
}

/** Cold loads of sign-in and of the floor, interleaved, then sign-in clicks against the local pool. */
async function measureTimings(base: string): Promise<Timings> {
  const appUrl = `${base}/sign-in`;
  const floorUrl = `${base}${FLOOR_BASE}`;
  const browser = await launchBrowser();
  try {
    // One load of each first, unrecorded: the servers' first answers include their own warm-up.
    const warmUp = await measureInputVisible(browser, appUrl, 'main form input');
    await measureInputVisible(browser, floorUrl);

    const app: number[] = [];
    const floor: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      log(`input visible: run ${run + 1} of ${runs}`);
      // Alternate which page goes first, so neither always follows the other.
      const order = run % 2 === 0 ? ['app', 'floor'] : ['floor', 'app'];
      for (const which of order) {
        if (which === 'app') app.push((await measureInputVisible(browser, appUrl, 'main form input')).ms);
        else floor.push((await measureInputVisible(browser, floorUrl)).ms);
      }
    }

    const pending: Record<PendingScenario, PendingResult[]> = { afterIdle: [], atFirstPaint: [] };
    for (let run = 0; run < runs; run += 1) {
      log(`pending state: run ${run + 1} of ${runs}`);
      for (const scenario of ['afterIdle', 'atFirstPaint'] as const) {
        pending[scenario].push(await measurePendingPaint(browser, appUrl, DEMO_USER, scenario));
      }
    }

    const observedFirstPage = [...new Set(warmUp.assetsBefore.map((path) => path.replace(/^\/+/, '')))].sort();
    return { app, floor, pending, observedFirstPage, chromium: `Chromium ${browser.version()}` };
  } finally {
    await browser.close();
  }
}

/** Serves the build as `npm run preview` does (security headers included), against a local pool of its own. */
async function withPreviewAndPool<T>(use: (base: string) => Promise<T>): Promise<T> {
  const emulator = await startEmulator({ port: 0 });
  try {
    const configFile = join(WORK_DIR, 'config.json');
    const shippedConfig = JSON.parse(readFileSync(join(ROOT, 'public', 'config.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(configFile, JSON.stringify({ ...shippedConfig, endpoint: `${emulator.url}/` }));
    // Read by vite.config.ts when the preview server starts: the served /config.json and the CSP's connect-src.
    process.env.APP_CONFIG_FILE = configFile;
    const server = await preview({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: DIST_DIR },
      preview: { host: '127.0.0.1', port: previewPort, strictPort: true, open: false },
    });
    try {
      return await use(`http://127.0.0.1:${previewPort}`);
    } finally {
      await server.close();
    }
  } finally {
    await emulator.close();
  }
}

async function main() {
  log('building the app and the floor page for production…');
  await buildApp(DIST_DIR);
  await buildFloor(FLOOR_DIR);

  const sizes = routeSizes(DIST_DIR, {
    firstRoute: FIRST_ROUTE,
    otherRoutes: OTHER_ROUTES,
    startupModules: STARTUP_MODULES,
    extras: EXTRAS,
  });
  const floorSize = sizeRow('floor page (React + one form)', measureFiles(FLOOR_DIR, chunkClosure(readManifest(FLOOR_DIR), 'index.html')));

  const timings = await withPreviewAndPool(measureTimings);
  const observed = timings.observedFirstPage;
  const partial: Omit<BenchResult, 'budgets'> = {
    date: new Date().toISOString(),
    chromium: timings.chromium,
    cpuThrottleRate: CPU_THROTTLE_RATE,
    runs,
    sizes: {
      firstPage: sizes.firstPage,
      additions: sizes.additions,
      floor: floorSize,
      observedFirstPageFiles: observed,
      firstPageMismatch: [
        ...observed.filter((file) => !sizes.firstPageFiles.includes(file)).map((file) => `+${file}`),
        ...sizes.firstPageFiles.filter((file) => !observed.includes(file)).map((file) => `-${file}`),
      ],
    },
    timings: {
      inputVisibleApp: summarize(timings.app),
      inputVisibleFloor: summarize(timings.floor),
      inputVisibleRatio: pairedRatio(timings.app, timings.floor),
      pendingAfterIdle: summarize(timings.pending.afterIdle.map((result) => result.ms)),
      pendingAtFirstPaint: summarize(timings.pending.atFirstPaint.map((result) => result.ms)),
      pendingDomAfterIdle: summarize(timings.pending.afterIdle.map((result) => result.domMs)),
      pendingDomAtFirstPaint: summarize(timings.pending.atFirstPaint.map((result) => result.domMs)),
    },
  };
  const result: BenchResult = { ...partial, budgets: checkBudgets(partial) };

  mkdirSync(RESULTS_DIR, { recursive: true });
  const json = `${JSON.stringify(result, null, 2)}\n`;
  writeFileSync(join(RESULTS_DIR, `bench-${result.date.replace(/[:.]/g, '-')}.json`), json);
  writeFileSync(join(RESULTS_DIR, 'latest.json'), json);
  process.stdout.write(`${formatReport(result)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
