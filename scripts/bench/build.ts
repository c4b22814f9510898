import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** The project root (two levels up from scripts/bench/). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where the floor page lands inside the app's build, so one preview server (with its headers) serves both. */
export const FLOOR_BASE = '/bench-floor/';

/** The production build, exactly as `npm run build` makes it, plus the manifest the size table reads. */
export async function buildApp(outDir: string): Promise<void> {
  await build({
    root: ROOT,
    configFile: `${ROOT}vite.config.ts`,
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
