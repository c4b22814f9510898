import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkClosure, htmlAssetFiles, routeSizes, type Manifest } from './sizes';

const manifest: Manifest = {
  'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_shared.js'], dynamicImports: ['src/a.tsx', 'src/locales/en.ts'], css: ['assets/index.css'] },
  '_shared.js': { file: 'assets/shared.js', css: ['assets/shared.css'] },
  'src/a.tsx': { file: 'assets/a.js', isDynamicEntry: true, imports: ['_shared.js', '_forms.js'] },
  '_forms.js': { file: 'assets/forms.js' },
  'src/locales/en.ts': { file: 'assets/en.js', isDynamicEntry: true },
  'src/sdk.ts': { file: 'assets/sdk.js', isDynamicEntry: true },
};

describe('htmlAssetFiles', () => {
  it('finds the entry script, module preloads and stylesheets, not other links', () => {
    const html = `<link rel="icon" href="/favicon.ico"><script type="module" crossorigin src="/assets/index.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/shared.js"><link rel="stylesheet" href="/assets/index.css">`;
    expect(htmlAssetFiles(html)).toEqual(['assets/index.js', 'assets/shared.js', 'assets/index.css']);
  });
});

describe('chunkClosure', () => {
  it('follows static imports and their CSS, not dynamic imports', () => {
    expect([...chunkClosure(manifest, 'index.html')].sort()).toEqual([
      'assets/index.css',
      'assets/index.js',
      'assets/shared.css',
      'assets/shared.js',
    ]);
  });
});

describe('routeSizes', () => {
  it('counts the first page with its startup modules, and for another route only what it adds', () => {
    const dist = mkdtempSync(join(tmpdir(), 'bench-sizes-'));
    mkdirSync(join(dist, '.vite'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, '.vite', 'manifest.json'), JSON.stringify(manifest));
    writeFileSync(join(dist, 'index.html'), '<script type="module" src="/assets/index.js"></script>');
    for (const chunk of Object.values(manifest)) {
      writeFileSync(join(dist, chunk.file), 'x'.repeat(100));
      for (const css of chunk.css ?? []) writeFileSync(join(dist, css), 'y'.repeat(10));
    }
    const sizes = routeSizes(dist, {
      firstRoute: { label: '/', module: 'src/first.tsx' },
      otherRoutes: [{ label: '/a', module: 'src/a.tsx' }],
      startupModules: /locales\/en/,
      extras: [{ label: 'sdk', module: 'src/sdk.ts' }],
    });
    expect(sizes.firstPageFiles).toEqual(['assets/en.js', 'assets/index.css', 'assets/index.js', 'assets/shared.css', 'assets/shared.js']);
    expect(sizes.firstPage.raw).toBe(320);
    expect(sizes.additions.map((row) => [row.label, row.files.map((file) => file.file)])).toEqual([
      ['/a', ['assets/a.js', 'assets/forms.js']],
      ['sdk', ['assets/sdk.js']],
    ]);
    expect(sizes.additions[0]?.gzip).toBeGreaterThan(0);
  });
});
