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

/** The pool a comparison page signs in to, written into its build. */
export interface BenchPool {
  userPoolId: string;
  userPoolClientId: string;
  endpoint: string;
}

/** One comparison page of scripts/bench/, built for production under its base inside the app's build. */
async function buildPage(
  folder: string,
  base: string,
  outDir: string,
  options: { pool?: BenchPool; react?: boolean; define?: Record<string, string>; logLevel?: 'warn' | 'error' } = {},
): Promise<void> {
  await build({
    root: fileURLToPath(new URL(`./${folder}/`, import.meta.url)),
    configFile: false,
    mode: 'production',
    logLevel: options.logLevel ?? 'warn',
    base,
    plugins: options.react ? [react()] : [],
    define: { ...options.define, ...(options.pool ? { __BENCH_POOL__: JSON.stringify(options.pool) } : {}) },
    build: { outDir, emptyOutDir: true, manifest: true },
  });
}

/** The floor page (scripts/bench/floor): React and one form. */
export function buildFloor(outDir: string): Promise<void> {
  return buildPage('floor', FLOOR_BASE, outDir);
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

/** Amplify's Authenticator page (scripts/bench/amplify), against one pool. */
export function buildAmplify(outDir: string, pool: BenchPool): Promise<void> {
  // Amplify's own packages warn while they build; only errors are worth showing.
  return buildPage('amplify', AMPLIFY_BASE, outDir, { pool, logLevel: 'error' });
}

/**
 * The hand-made page (scripts/bench/hand-made): amazon-cognito-identity-js, react-hook-form, zod and
 * react-router, against one pool. The SDK's buffer reads Node's `global`, as in the app.
 */
export function buildHandMade(outDir: string, pool: BenchPool): Promise<void> {
  return buildPage('hand-made', HAND_MADE_BASE, outDir, { pool, react: true, define: { global: 'globalThis' } });
}
