import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markForwardRefsPure } from './pure-react-router-plugin';

describe('markForwardRefsPure', () => {
  it('marks top-level forwardRef components pure and drops their displayName lines', () => {
    const code = [
      'var Link = React10.forwardRef(',
      '  function LinkWithRef(props, ref) { return null; }',
      ');',
      'Link.displayName = "Link";',
      'const Form = React.forwardRef(function FormImpl() {});',
      'Form.displayName = "Form";',
    ].join('\n');
    expect(markForwardRefsPure(code)).toBe(
      [
        'var Link = /* @__PURE__ */ React10.forwardRef(',
        '  function LinkWithRef(props, ref) { return null; }',
        ');',
        '',
        'const Form = /* @__PURE__ */ React.forwardRef(function FormImpl() {});',
        '',
      ].join('\n'),
    );
  });

  it('leaves code inside functions, and anything else, as it is', () => {
    const code = [
      'function useFetcher() {',
      '  let FetcherForm2 = React10.forwardRef((props, ref) => null);',
      '  FetcherForm2.displayName = "fetcher.Form";',
      '}',
      'Link.displayName = computeName();',
      'var value = other.forwardRef(x);',
    ].join('\n');
    expect(markForwardRefsPure(code)).toBe(code);
  });

  it('still finds what it looks for in the installed react-router', () => {
    const require = createRequire(import.meta.url);
    const dist = join(dirname(require.resolve('react-router/package.json')), 'dist', 'development');
    const changed = readdirSync(dist)
      .filter((file) => file.endsWith('.mjs'))
      .map((file) => readFileSync(join(dist, file), 'utf8'))
      .filter((code) => markForwardRefsPure(code) !== code);
    expect(changed.some((code) => markForwardRefsPure(code).includes('var NavLink = /* @__PURE__ */ React'))).toBe(true);
  });
});
