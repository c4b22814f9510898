import { expect, test, type APIRequestContext } from '@playwright/test';
import { securityHeaders } from '../scripts/security-headers';
import { EMULATOR_URL } from './fixtures';

/**
 * deploy/nginx.conf's server block, in a real nginx in front of the production build (the `nginx` project,
 * e2e/nginx-server.ts): what CloudFront does by its function and object metadata, nginx does by its locations.
 * hardening.spec.ts runs here too, for the headers and the app under its policy.
 */

const IMMUTABLE = 'public, max-age=31536000, immutable';

async function entryScript(request: APIRequestContext): Promise<string> {
  const html = await (await request.get('/')).text();
  const script = /<script[^>]*\bsrc="([^"]+)"/.exec(html)?.[1];
  expect(script, 'index.html loads its entry script from a file').toMatch(/^\/assets\//);
  return script as string;
}

test("the app's routes are answered with index.html, revalidated on every load", async ({ request }) => {
  const index = await request.get('/index.html');
  expect(index.status()).toBe(200);
  const html = await index.text();
  for (const route of ['/', '/sign-in', '/account', '/account/change-password', '/forgot-password', '/no-such-screen']) {
    const response = await request.get(route);
    expect(response.status(), route).toBe(200);
    expect(response.headers()['content-type'], route).toContain('text/html');
    expect(response.headers()['cache-control'], route).toBe('no-cache');
    expect(await response.text(), route).toBe(html);
  }
});

test('hashed assets are kept a year; a missing one is a 404, neither index.html nor cached as immutable', async ({ request }) => {
  const script = await request.get(await entryScript(request));
  expect(script.status()).toBe(200);
  expect(script.headers()['content-type']).toContain('javascript');
  expect(script.headers()['cache-control']).toBe(IMMUTABLE);

  const missing = await request.get('/assets/index-0000000.js');
  expect(missing.status()).toBe(404);
  expect(missing.headers()['cache-control']).toBeUndefined();
  expect(await missing.text()).not.toContain('<div id="root"');
});

test('config.json, theme.css and favicon.svg are files, revalidated; a missing file is a 404', async ({ request }) => {
  const config = await request.get('/config.json');
  expect(config.status()).toBe(200);
  expect(config.headers()['content-type']).toContain('application/json');
  expect(config.headers()['cache-control']).toBe('no-cache');
  // The run's config (the local test pool), beside index.html as a deployment puts its own.
  expect(((await config.json()) as { endpoint?: string }).endpoint).toBe(`${EMULATOR_URL}/`);

  for (const [path, type] of [
    ['/theme.css', 'text/css'],
    ['/favicon.svg', 'image/svg+xml'],
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['content-type'], path).toContain(type);
    expect(response.headers()['cache-control'], path).toBe('no-cache');
  }
  for (const path of ['/missing.png', '/.well-known/missing.txt', '/assets/']) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});

test('every answer, errors included, carries exactly the generated headers for the served config, HSTS too', async ({ request }) => {
  const config: unknown = await (await request.get('/config.json')).json();
  const expected = securityHeaders(config as Parameters<typeof securityHeaders>[0], { https: true });
  for (const path of ['/sign-in', await entryScript(request), '/config.json', '/assets/missing.js', '/missing.png']) {
    const headers = (await request.get(path)).headers();
    const sent = Object.fromEntries(Object.keys(expected).map((name) => [name, headers[name.toLowerCase()]]));
    expect(sent, path).toEqual(expected);
  }
});
