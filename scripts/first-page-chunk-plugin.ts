import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Builds everything a module imports statically (and the module itself) into one chunk, apart from what the
 * entry itself imports. For `src/app/start.tsx`: the app that the first screen needs, which index.html preloads
 * whole anyway (scripts/preload-chunks-plugin.ts). Left to itself the bundler cuts that code into a chunk per
 * set of lazy screens that share a part of it (the field, the announcer, React's JSX runtime, …): on the first
 * page each part then costs its own request, its own imports and exports, and gzip compresses each apart.
 * Measured: −3.9 KB gzip on the first page, and 6 files instead of 15
 * (docs/decisions/011-first-page-without-react-hook-form-in-one-chunk.md).
 * The lazy screens import what they share with the first page from this chunk, which is already loaded.
 */
export function firstPageChunkPlugin(module: string, chunkName = 'start'): Plugin {
  let root = process.cwd();
  const firstPage = new Set<string>();
  return {
    name: 'app-first-page-chunk',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    buildEnd(error) {
      if (error) return;
      firstPage.clear();
      const staticClosure = (id: string, into: Set<string>) => {
        if (into.has(id)) return;
        const info = this.getModuleInfo(id);
        if (!info) return;
        into.add(id);
        for (const imported of info.importedIds) staticClosure(imported, into);
      };
      // What an entry imports statically stays in the entry's chunk, where it runs first.
      const entries = new Set<string>();
      for (const id of this.getModuleIds()) {
        if (this.getModuleInfo(id)?.isEntry) staticClosure(id, entries);
      }
      const start = resolve(root, module);
      if (!this.getModuleInfo(start)) throw new Error(`firstPageChunkPlugin: ${module} is not part of the build.`);
      staticClosure(start, firstPage);
      for (const id of entries) firstPage.delete(id);
    },
    outputOptions(options) {
      const splitting = typeof options.codeSplitting === 'object' ? options.codeSplitting : {};
      return {
        ...options,
        codeSplitting: {
          ...splitting,
          groups: [
            ...(splitting.groups ?? []),
            // Not the modules' dependencies that the entry has: those stay in the entry's chunk.
            { name: chunkName, test: (id: string) => firstPage.has(id), includeDependenciesRecursively: false },
          ],
        },
      };
    },
  };
}
