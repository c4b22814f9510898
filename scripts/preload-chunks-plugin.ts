import { resolve } from 'node:path';
import type { HtmlTagDescriptor, Plugin } from 'vite';

/**
 * Writes `<link rel="modulepreload">` (and the stylesheets) for chunks the entry only imports dynamically,
 * into the built index.html, and marks the entry script `async`. The entry (src/main.tsx) starts the config
 * and catalog requests before it imports the rest of the app; with these hints the browser fetches that rest
 * in parallel with the entry instead of after it has run, and `async` lets the small entry run the moment it
 * arrives rather than after the preloaded chunks have been compiled (measured: config.json asked for about
 * 100 ms sooner at 4× CPU; docs/decisions/010-first-screen-without-a-serial-start-up.md). Plain links and a
 * script file on the app's own origin: the strict CSP allows them. `modules` are paths from the project root,
 * e.g. `src/app/start.tsx`.
 */
export function preloadChunksPlugin(modules: readonly string[]): Plugin {
  let root = process.cwd();
  let base = '/';
  return {
    name: 'app-preload-chunks',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle;
        if (!bundle) return html;
        const tags: HtmlTagDescriptor[] = [];
        const seen = new Set<string>();
        const url = (fileName: string) => `${base}${fileName}`;
        const visit = (fileName: string) => {
          const chunk = bundle[fileName];
          if (seen.has(fileName) || chunk?.type !== 'chunk') return;
          seen.add(fileName);
          // Vite already links the entry's own static imports; a second link would only repeat them.
          if (!html.includes(url(fileName))) {
            tags.push({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: url(fileName) }, injectTo: 'head' });
          }
          for (const css of chunk.viteMetadata?.importedCss ?? []) {
            if (seen.has(css) || html.includes(url(css))) continue;
            seen.add(css);
            tags.push({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: url(css) }, injectTo: 'head' });
          }
          for (const imported of chunk.imports) visit(imported);
        };
        for (const module of modules) {
          const id = resolve(root, module);
          // The module's own chunk, or the chunk it was built into (scripts/first-page-chunk-plugin.ts).
          const chunk = Object.values(bundle).find(
            (output) => output.type === 'chunk' && (output.facadeModuleId === id || output.moduleIds.includes(id)),
          );
          if (!chunk) throw new Error(`preloadChunksPlugin: no chunk is built from ${module}.`);
          visit(chunk.fileName);
        }
        const entry = /<script type="module" crossorigin src=/;
        if (!entry.test(html)) throw new Error('preloadChunksPlugin: index.html has no module entry script.');
        return { html: html.replace(entry, '<script type="module" async crossorigin src='), tags };
      },
    },
  };
}
