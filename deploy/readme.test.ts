import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from '../scripts/security-headers';
import { readConfigFile } from './site-config';
import { EXAMPLE_CONFIG_FILE } from './write-nginx-conf';

/**
 * README's header lists are the generator's (scripts/security-headers.ts) for deploy/config.example.json, so
 * what the README tells a host to send cannot drift from what preview, CloudFront and nginx send.
 */

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const headers = securityHeaders(readConfigFile(EXAMPLE_CONFIG_FILE), { https: true });

function section(title: string): string {
  const start = readme.indexOf(`\n### ${title}\n`);
  expect(start, `README has a section "${title}"`).toBeGreaterThan(0);
  const end = readme.indexOf('\n## ', start + 1);
  const next = readme.indexOf('\n### ', start + 1);
  return readme.slice(start, Math.min(...[end, next].filter((index) => index > 0)));
}

describe("README's deploy section", () => {
  it("lists exactly the generator's headers, in its order, in the Security headers table", () => {
    const rows = section('Security headers')
      .split('\n')
      .map((line) => /^\| `([\w-]+)` \| `(.+)` \|$/.exec(line))
      .filter((match) => match !== null)
      .map((match) => [match[1], match[2]]);
    expect(rows).toEqual(Object.entries(headers));
  });

  it("gives every header a snippet sets the generator's value ($CSP standing for the table's policy)", () => {
    const deploySection = readme.slice(readme.indexOf('## Deploy against your user pool'), readme.indexOf('### What an administrator does'));
    const snippetLines = [...deploySection.matchAll(/^```\w*\n([\s\S]*?)^```$/gm)].flatMap(([, body]) => body.split('\n'));
    let checked = 0;
    for (const line of snippetLines) {
      for (const [name, value] of Object.entries(headers)) {
        // Netlify's `Name: value`, Apache's `Header always set Name "value"`.
        const set = new RegExp(`^(?:Header always set )?${name}(?:: (.*)| "(.*)")$`).exec(line.trim());
        if (!set) continue;
        checked += 1;
        expect(set[1] ?? set[2], line.trim()).toBe(name === 'Content-Security-Policy' ? '$CSP' : value);
      }
    }
    expect(checked, 'header lines found in the snippets').toBe(2 * Object.keys(headers).length);
  });

  it('documents commands that exist', () => {
    const scripts = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> })
      .scripts;
    for (const [, name] of readme.matchAll(/npm run ([\w:-]+)/g)) expect(scripts, `npm run ${name}`).toHaveProperty([name]);
  });
});
