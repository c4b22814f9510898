import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * Bytes on the wire per route, read from a production build: the built index.html names the entry, Vite's
 * manifest (`build.manifest: true`) gives each chunk's static imports and CSS, and a route's lazy screen
 * module is a manifest key of its own once it is split off.
 */

/** One chunk of `.vite/manifest.json` (only the fields this reads). */
export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
}

export interface SizeRow {
  label: string;
  files: FileSize[];
  raw: number;
  gzip: number;
  brotli: number;
}

export interface RouteModule {
  /** What the table calls it, e.g. "/forgot-password". */
  label: string;
  /** The source module that the router loads lazily, relative to the project root. */
  module: string;
}

/** Levels a static host would use for precompressed files: gzip -9 and brotli quality 11. */
export function compressedSizes(bytes: Buffer): { gzip: number; brotli: number } {
  return {
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

export function readManifest(distDir: string): Manifest {
  return JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
}

/** Script and stylesheet URLs the built index.html loads by itself (entry script, modulepreloads, CSS). */
export function htmlAssetFiles(html: string): string[] {
  const files: string[] = [];
  const tag = /<(script|link)\b([^>]*)>/gi;
  for (const match of html.matchAll(tag)) {
    const attributes = match[2] ?? '';
    const url = /\b(?:src|href)="([^"]+)"/i.exec(attributes)?.[1];
    if (!url) continue;
    const isScript = match[1]?.toLowerCase() === 'script';
    const rel = /\brel="([^"]+)"/i.exec(attributes)?.[1] ?? '';
    if (isScript || rel === 'modulepreload' || rel === 'stylesheet') files.push(url.replace(/^\/+/, ''));
  }
  return files;
}

/** Every JS and CSS file a chunk needs before it runs: itself, its static imports (transitively) and their CSS. */
export function chunkClosure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  const seen = new Set<string>();
  const visit = (chunkKey: string) => {
    if (seen.has(chunkKey)) return;
    seen.add(chunkKey);
    const chunk = manifest[chunkKey];
    if (!chunk) return;
    into.add(chunk.file);
    for (const css of chunk.css ?? []) into.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(key);
  return into;
}

function keyOfFile(manifest: Manifest, file: string): string | undefined {
  return Object.entries(manifest).find(([, chunk]) => chunk.file === file)?.[0];
}

export function measureFiles(distDir: string, files: Iterable<string>): FileSize[] {
  return [...files]
    .filter((file) => /\.(m?js|css)$/.test(file))
    .sort()
    .map((file) => {
      const bytes = readFileSync(join(distDir, file));
      return { file, raw: bytes.length, ...compressedSizes(bytes) };
    });
}

export function sizeRow(label: string, files: FileSize[]): SizeRow {
  return {
    label,
    files,
    raw: files.reduce((sum, file) => sum + file.raw, 0),
    gzip: files.reduce((sum, file) => sum + file.gzip, 0),
    brotli: files.reduce((sum, file) => sum + file.brotli, 0),
  };
}

export interface RouteSizes {
  firstPage: SizeRow;
  /** What each other screen, and the SDK, adds on top of the first page. */
  additions: SizeRow[];
  /** Files of the first page, for comparing with what the browser was seen to load. */
  firstPageFiles: string[];
}

/**
 * The first page is what index.html loads plus what the app imports before it can paint the first route:
 * that route's screen (when lazy) and the language catalog (`startupModules`).
 */
export function routeSizes(
  distDir: string,
  options: { firstRoute: RouteModule; otherRoutes: RouteModule[]; startupModules: RegExp; extras: RouteModule[] },
): RouteSizes {
  const manifest = readManifest(distDir);
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const firstPage = new Set<string>();
  for (const file of htmlAssetFiles(html)) {
    const key = keyOfFile(manifest, file);
    if (key) chunkClosure(manifest, key, firstPage);
    else firstPage.add(file);
  }
  if (manifest[options.firstRoute.module]) chunkClosure(manifest, options.firstRoute.module, firstPage);
  for (const key of Object.keys(manifest)) {
    if (options.startupModules.test(key)) chunkClosure(manifest, key, firstPage);
  }

  const additions = [...options.otherRoutes, ...options.extras].map((route) => {
    const added = manifest[route.module] ? chunkClosure(manifest, route.module) : new Set<string>();
    for (const file of firstPage) added.delete(file);
    return sizeRow(route.label, measureFiles(distDir, added));
  });

  return {
    firstPage: sizeRow(`first page (${options.firstRoute.label})`, measureFiles(distDir, firstPage)),
    additions,
    firstPageFiles: [...firstPage].filter((file) => /\.(m?js|css)$/.test(file)).sort(),
  };
}
