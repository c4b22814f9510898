import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

/** The project root (two levels up from scripts/bench/). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where the floor page lands inside the app's build, so one preview server (with its headers) serves both. */
export const FLOOR_BASE = '/bench-floor/';

/** Where Amplify's Authenticator page lands inside the app's build, beside the floor. */
export const AMPLIFY_BASE = '/bench-amplify/';

/** Where the hand-made page (SDK + react-hook-form + zod + react-router) lands inside the app's build. */
export const HAND_MADE_BASE = '/bench-hand-made/';

/**
 * The production build, exactly as `npm run build` makes it, plus the manifest the size table reads. `root`
 * is another checkout (BENCH_COMPARE) when a change is compared with the tree before it.
 */
export async function buildApp(outDir: string, root = ROOT): Promise<void> {
  await build({
    root,
    configFile: `${root.replace(/\/?$/, '/')}vite.config.ts`,
    mode: 'production',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, manifest: true },
  });
}

/** The floor page (scripts/bench/floor): React and one form, built for production the same way. */
export async function buildFloor(outDir: string): Promise<void> {
  await build({
    root: fileURLToPath(new URL('./floor/', import.meta.url)),
    configFile: false,
    mode: 'production',
    logLevel: 'warn',
    base: FLOOR_BASE,
    build: { outDir, emptyOutDir: true, manifest: true },
  });
}

/** Whether Amplify's packages are installed (devDependencies): the comparison is left out without them. */
export function amplifyInstalled(): boolean {
  try {
    const require = createRequire(import.meta.url);
    require.resolve('@aws-amplify/ui-react');
    require.resolve('aws-amplify');
    return true;
  } catch {
    return false;
  }
}

/** Amplify's Authenticator page (scripts/bench/amplify), built for production against one pool. */
export async function buildAmplify(
  outDir: string,
  pool: { userPoolId: string; userPoolClientId: string; endpoint: string },
): Promise<void> {
  await build({
    root: fileURLToPath(new URL('./amplify/', import.meta.url)),
    configFile: false,
    mode: 'production',
    logLevel: 'error',
    base: AMPLIFY_BASE,
    define: { __BENCH_POOL__: JSON.stringify(pool) },
    build: { outDir, emptyOutDir: true, manifest: true },
  });
}

/**
 * The hand-made page (scripts/bench/hand-made): amazon-cognito-identity-js, react-hook-form, zod and
 * react-router, built for production against one pool. The SDK's buffer reads Node's `global`, as in the app.
 */
export async function buildHandMade(
  outDir: string,
  pool: { userPoolId: string; userPoolClientId: string; endpoint: string },
): Promise<void> {
  await build({
    root: fileURLToPath(new URL('./hand-made/', import.meta.url)),
    configFile: false,
    mode: 'production',
    logLevel: 'warn',
    base: HAND_MADE_BASE,
    plugins: [react()],
    define: { global: 'globalThis', __BENCH_POOL__: JSON.stringify(pool) },
    build: { outDir, emptyOutDir: true, manifest: true },
  });
}
