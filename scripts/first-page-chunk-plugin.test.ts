import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';
import { firstPageChunkPlugin } from './first-page-chunk-plugin';

/** A small app shaped like this one: an entry that loads `start.js`, which shares modules with two lazy screens. */
function fixture(): string {
  const root = mkdtempSync(join(tmpdir(), 'first-page-chunk-'));
  const files: Record<string, string> = {
    'main.js': `import { early } from './early.js';\nimport('./start.js').then((m) => m.start(early()));`,
    'early.js': `import { shared } from './early-shared.js';\nexport const early = () => shared('early');`,
    'early-shared.js': `export const shared = (value) => [value, document.title];`,
    'start.js': [
      `import { field } from './field.js';`,
      `import { layout } from './layout.js';`,
      `import { shared } from './early-shared.js';`,
      `export function start(value) {`,
      `  console.log(field(), layout(), shared(value));`,
      `  import('./lazy.js').then((m) => m.lazy());`,
      `  import('./other-lazy.js').then((m) => m.otherLazy());`,
      `}`,
    ].join('\n'),
    'field.js': `export const field = () => 'field:' + document.title;`,
    'layout.js': `export const layout = () => 'layout:' + document.title;`,
    'lazy.js': `import { field } from './field.js';\nimport { own } from './own.js';\nexport const lazy = () => console.log(field(), own());`,
    'other-lazy.js': `import { field } from './field.js';\nimport { own } from './own.js';\nexport const otherLazy = () => console.log(field(), own());`,
    'own.js': `export const own = () => 'own:' + document.title;`,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  return root;
}

async function chunks(root: string): Promise<Rolldown.OutputChunk[]> {
  const result = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [firstPageChunkPlugin('start.js')],
    build: { write: false, minify: false, modulePreload: false, rolldownOptions: { input: { main: join(root, 'main.js') } } },
  });
  const outputs = Array.isArray(result) ? result : [result];
  return outputs.flatMap((output) => ('output' in output ? output.output : [])).filter((item) => item.type === 'chunk');
}

const named = (all: Rolldown.OutputChunk[], module: string) =>
  all.find((chunk) => chunk.moduleIds.some((id) => id.endsWith(`/${module}`)));

describe('firstPageChunkPlugin', () => {
  it('builds the module and what it imports statically into one chunk, leaving the entry its own', async () => {
    const root = fixture();
    const all = await chunks(root);
    const start = named(all, 'start.js');
    const entry = named(all, 'main.js');
    expect(start?.name).toBe('start');
    // field.js is shared with the lazy screen, and is still built into the first page's chunk.
    expect(named(all, 'field.js')).toBe(start);
    expect(named(all, 'layout.js')).toBe(start);
    // What the entry imports itself stays in the entry's chunk, which does not wait for the rest statically.
    expect(named(all, 'early-shared.js')).toBe(entry);
    expect(entry?.imports).not.toContain(start?.fileName);
    // The lazy screens share what is only theirs, and take the shared module from the first page's chunk.
    const lazy = named(all, 'lazy.js');
    expect(named(all, 'own.js')).not.toBe(start);
    expect(lazy?.imports).toContain(start?.fileName);
  });
});
