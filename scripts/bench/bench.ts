/**
 * `npm run bench`: builds for production, prints bytes per route and cold-load timings at 4× CPU throttle,
 * and writes the same figures as JSON under bench-results/. A benchmark, not a test: it reports and never
 * fails on a budget (it exits non-zero only when it cannot measure at all).
 *
 * In the same interleaved run it loads, beside the app: the floor page (React and one form), a hand-made page
 * (amazon-cognito-identity-js, react-hook-form, zod and react-router), Amplify's Authenticator when its
 * packages are installed (devDependencies), and any other checkouts of this app named in BENCH_COMPARE, so a
 * change is measured against the tree before it on the same machine at the same time.
 *
 * Options (environment): BENCH_RUNS (loads per figure, at least 7; default 9), BENCH_PORT (preview port,
 * default 4199; each BENCH_COMPARE checkout is served on the ports after it), BENCH_COMPARE (comma-separated
 * `label=path` or `path` of other checkouts, each with its node_modules), BENCH_AMPLIFY=0 (leave Amplify out),
 * BENCH_HAND_MADE=0 (leave the hand-made page out).
 * The local user pool listens on a free port of its own.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import { startEmulator } from '../../emulator/server.ts';
import {
  AMPLIFY_BASE,
  FLOOR_BASE,
  HAND_MADE_BASE,
  ROOT,
  amplifyInstalled,
  buildAmplify,
  buildApp,
  buildFloor,
  buildHandMade,
} from './build.ts';
import { checkBudgets, formatReport, type BenchResult, type TargetResult } from './report.ts';
import { chunkClosure, measureFiles, readManifest, routeSizes, sizeRow, type SizeRow } from './sizes.ts';
import { pairedRatio, summarize } from './stats.ts';
import {
  CPU_THROTTLE_RATE,
  launchBrowser,
  measureInputVisible,
  measurePendingPaint,
  measureSignedIn,
  type PendingResult,
  type PendingScenario,
  type SignedInResult,
  type SignInPage,
} from './timings.ts';

const MIN_RUNS = 7;
const runs = Math.max(MIN_RUNS, Number(process.env.BENCH_RUNS ?? 9) || MIN_RUNS);
const previewPort = Number(process.env.BENCH_PORT ?? 4199);

const WORK_DIR = join(ROOT, 'node_modules', '.tmp', 'bench');
const DIST_DIR = join(WORK_DIR, 'dist');
const FLOOR_DIR = join(DIST_DIR, FLOOR_BASE);
const AMPLIFY_DIR = join(DIST_DIR, AMPLIFY_BASE);
const HAND_MADE_DIR = join(DIST_DIR, HAND_MADE_BASE);
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

/** Other checkouts of this app to measure beside this one (BENCH_COMPARE). */
const compareRoots = (process.env.BENCH_COMPARE ?? '')
  .split(',')
  .map((entry) => entry.trim())
  .filter(Boolean)
  .map((entry, index) => {
    const [label, path] = entry.includes('=') ? entry.split('=', 2) : [basename(entry), entry];
    return { label: label ?? `compare ${index + 1}`, root: resolve(path ?? entry), distDir: join(WORK_DIR, `compare-${index + 1}`) };
  });
const withAmplify = process.env.BENCH_AMPLIFY !== '0' && amplifyInstalled();
const withHandMade = process.env.BENCH_HAND_MADE !== '0';

/** This app's sign-in page as the harness drives it, on a given origin. */
function appPage(base: string): SignInPage {
  return {
    url: `${base}/sign-in`,
    inputSelector: 'main form input',
    usernameSelector: 'main form input[autocomplete="username"]',
    passwordSelector: 'main form input[autocomplete="current-password"]',
    submitSelector: 'main form button[type="submit"]',
    signedInSelector: 'main h1',
    signedInPath: '/account',
  };
}

function amplifyPage(base: string): SignInPage {
  return {
    url: `${base}${AMPLIFY_BASE}`,
    inputSelector: 'form input',
    usernameSelector: 'form input[name="username"]',
    passwordSelector: 'form input[name="password"]',
    submitSelector: 'form button[type="submit"]',
    signedInSelector: '[data-bench-signed-in]',
  };
}

/** The hand-made page: its sign-in route at its base, then its /account route. */
function handMadePage(base: string): SignInPage {
  return {
    url: `${base}${HAND_MADE_BASE}`,
    inputSelector: 'main form input',
    usernameSelector: 'main form input[autocomplete="username"]',
    passwordSelector: 'main form input[autocomplete="current-password"]',
    submitSelector: 'main form button[type="submit"]',
    signedInSelector: 'main h1',
    signedInPath: `${HAND_MADE_BASE}account`,
  };
}

/** A page measured beside the floor: this app, a checkout of it, the hand-made page or Amplify's Authenticator. */
interface Target {
  label: string;
  page: SignInPage;
  /** This app or a checkout of it: the pending-state probe knows its form. */
  isApp: boolean;
  /** The first page's size, for a page other than this app or a checkout of it. */
  size?: SizeRow;
}

interface Measured {
  inputVisible: number[];
  /** When each of those loads asked for /config.json (this app and its checkouts only). */
  configRequested: number[];
  pending: Record<PendingScenario, PendingResult[]>;
  signedIn: SignedInResult[];
}

interface Timings {
  floor: number[];
  byTarget: Measured[];
  /** JS and CSS the first (unrecorded) load of sign-in fetched before its input showed. */
  observedFirstPage: string[];
  chromium: string;
}

/** Cold loads of every target and of the floor, interleaved, then sign-in clicks against the local pool. */
async function measureTimings(targets: Target[], floorUrl: string): Promise<Timings> {
  const browser = await launchBrowser();
  try {
    // One load of each first, unrecorded: the servers' first answers include their own warm-up.
    const warmUps = [];
    for (const target of targets) warmUps.push(await measureInputVisible(browser, target.page.url, target.page.inputSelector));
    await measureInputVisible(browser, floorUrl);

    const floor: number[] = [];
    const byTarget: Measured[] = targets.map(() => ({ inputVisible: [], configRequested: [], pending: { afterIdle: [], atFirstPaint: [] }, signedIn: [] }));
    const pages = [...targets.map((target, index) => ({ target, index })), { target: null, index: -1 }];
    for (let run = 0; run < runs; run += 1) {
      log(`input visible: run ${run + 1} of ${runs}`);
      // Rotate which page goes first, so none always follows the same one.
      const order = pages.map((_, position) => pages[(position + run) % pages.length]!);
      for (const { target, index } of order) {
        if (target === null) floor.push((await measureInputVisible(browser, floorUrl)).ms);
        else {
          const measured = byTarget[index]!;
          const load = await measureInputVisible(browser, target.page.url, target.page.inputSelector);
          measured.inputVisible.push(load.ms);
          if (load.configRequestedMs !== null) measured.configRequested.push(load.configRequestedMs);
        }
      }
    }

    for (let run = 0; run < runs; run += 1) {
      log(`pending state: run ${run + 1} of ${runs}`);
      for (const [index, target] of targets.entries()) {
        if (!target.isApp) continue;
        for (const scenario of ['afterIdle', 'atFirstPaint'] as const) {
          byTarget[index]!.pending[scenario].push(await measurePendingPaint(browser, target.page.url, DEMO_USER, scenario));
        }
      }
    }

    for (let run = 0; run < runs; run += 1) {
      log(`sign-in click → signed in: run ${run + 1} of ${runs}`);
      for (const [index, target] of targets.entries()) {
        byTarget[index]!.signedIn.push(await measureSignedIn(browser, target.page, DEMO_USER));
      }
    }

    const observedFirstPage = [...new Set((warmUps[0]?.assetsBefore ?? []).map((path) => path.replace(/^\/+/, '')))].sort();
    return { floor, byTarget, observedFirstPage, chromium: `Chromium ${browser.version()}` };
  } finally {
    await browser.close();
  }
}

async function main() {
  log('building the app and the floor page for production…');
  await buildApp(DIST_DIR);
  await buildFloor(FLOOR_DIR);
  for (const compare of compareRoots) {
    log(`building ${compare.root} (${compare.label}) for production…`);
    await buildApp(compare.distDir, compare.root);
  }

  const sizes = routeSizes(DIST_DIR, {
    firstRoute: FIRST_ROUTE,
    otherRoutes: OTHER_ROUTES,
    startupModules: STARTUP_MODULES,
    extras: EXTRAS,
  });
  const floorSize = sizeRow('floor page (React + one form)', measureFiles(FLOOR_DIR, chunkClosure(readManifest(FLOOR_DIR), 'index.html')));
  const compareSizes = compareRoots.map(
    (compare) =>
      routeSizes(compare.distDir, { firstRoute: FIRST_ROUTE, otherRoutes: [], startupModules: STARTUP_MODULES, extras: [] }).firstPage,
  );

  const emulator = await startEmulator({ port: 0 });
  const servers: PreviewServer[] = [];
  try {
    const configFile = join(WORK_DIR, 'config.json');
    const shippedConfig = JSON.parse(readFileSync(join(ROOT, 'public', 'config.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(configFile, JSON.stringify({ ...shippedConfig, endpoint: `${emulator.url}/` }));
    // Read by vite.config.ts when a preview server starts: the served /config.json and the CSP's connect-src.
    process.env.APP_CONFIG_FILE = configFile;

    const pool = { userPoolId: String(shippedConfig.userPoolId), userPoolClientId: String(shippedConfig.userPoolClientId) };
    let handMadeSize: SizeRow | undefined;
    if (withHandMade) {
      log('building the hand-made page for production…');
      await buildHandMade(HAND_MADE_DIR, { ...pool, endpoint: `${emulator.url}/` });
      const files = chunkClosure(readManifest(HAND_MADE_DIR), 'index.html');
      handMadeSize = sizeRow('hand-made page (SDK + react-hook-form + zod + router)', measureFiles(HAND_MADE_DIR, files));
    }
    let amplifySize: SizeRow | undefined;
    if (withAmplify) {
      log("building Amplify's Authenticator page for production…");
      await buildAmplify(AMPLIFY_DIR, { ...pool, endpoint: emulator.url });
      amplifySize = sizeRow("Amplify's Authenticator page", measureFiles(AMPLIFY_DIR, chunkClosure(readManifest(AMPLIFY_DIR), 'index.html')));
    }

    // Each build served as `npm run preview` serves it (security headers included), each on its own port.
    const serve = async (outDir: string, port: number) => {
      const server = await preview({
        root: ROOT,
        configFile: join(ROOT, 'vite.config.ts'),
        logLevel: 'warn',
        build: { outDir },
        preview: { host: '127.0.0.1', port, strictPort: true, open: false },
      });
      servers.push(server);
      return `http://127.0.0.1:${port}`;
    };
    const base = await serve(DIST_DIR, previewPort);
    const targets: Target[] = [{ label: 'sign-in', page: appPage(base), isApp: true }];
    for (const [index, compare] of compareRoots.entries()) {
      targets.push({ label: compare.label, page: appPage(await serve(compare.distDir, previewPort + 1 + index)), isApp: true });
    }
    if (withHandMade) {
      targets.push({ label: 'hand-made (SDK + RHF + zod + router)', page: handMadePage(base), isApp: false, size: handMadeSize });
    }
    if (withAmplify) targets.push({ label: 'Amplify Authenticator', page: amplifyPage(base), isApp: false, size: amplifySize });

    const timings = await measureTimings(targets, `${base}${FLOOR_BASE}`);
    const observed = timings.observedFirstPage;
    const targetResults: TargetResult[] = targets.map((target, index) => {
      const measured = timings.byTarget[index]!;
      const size = index === 0 ? sizes.firstPage : target.isApp ? compareSizes[index - 1] : target.size;
      return {
        label: target.label,
        firstPage: size,
        inputVisible: summarize(measured.inputVisible),
        inputVisibleRatio: pairedRatio(measured.inputVisible, timings.floor),
        configRequested: measured.configRequested.length > 0 ? summarize(measured.configRequested) : undefined,
        pendingAfterIdle: target.isApp ? summarize(measured.pending.afterIdle.map((result) => result.ms)) : undefined,
        pendingAtFirstPaint: target.isApp ? summarize(measured.pending.atFirstPaint.map((result) => result.ms)) : undefined,
        signedIn: summarize(measured.signedIn.map((result) => result.ms)),
        longestTask: summarize(measured.signedIn.map((result) => result.longestTaskMs)),
      };
    });
    const app = timings.byTarget[0]!;
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
        inputVisibleApp: summarize(app.inputVisible),
        inputVisibleFloor: summarize(timings.floor),
        inputVisibleRatio: pairedRatio(app.inputVisible, timings.floor),
        pendingAfterIdle: summarize(app.pending.afterIdle.map((result) => result.ms)),
        pendingAtFirstPaint: summarize(app.pending.atFirstPaint.map((result) => result.ms)),
        pendingDomAfterIdle: summarize(app.pending.afterIdle.map((result) => result.domMs)),
        pendingDomAtFirstPaint: summarize(app.pending.atFirstPaint.map((result) => result.domMs)),
        signedIn: summarize(app.signedIn.map((result) => result.ms)),
        longestTaskDuringSignIn: summarize(app.signedIn.map((result) => result.longestTaskMs)),
      },
      targets: targetResults,
      amplify: withAmplify ? 'measured' : 'left out (BENCH_AMPLIFY=0, or @aws-amplify/ui-react and aws-amplify not installed)',
    };
    const result: BenchResult = { ...partial, budgets: checkBudgets(partial) };

    mkdirSync(RESULTS_DIR, { recursive: true });
    const json = `${JSON.stringify(result, null, 2)}\n`;
    writeFileSync(join(RESULTS_DIR, `bench-${result.date.replace(/[:.]/g, '-')}.json`), json);
    writeFileSync(join(RESULTS_DIR, 'latest.json'), json);
    process.stdout.write(`${formatReport(result)}\n`);
  } finally {
    for (const server of servers) await server.close();
    await emulator.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
