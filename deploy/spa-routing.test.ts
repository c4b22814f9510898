import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SPA_ROUTING_SOURCE } from './site-stack';
import { APP_ROUTES, FILES, loadHandler, viewerRequest } from './test-support';

describe('the SPA routing function (deploy/spa-routing.js)', () => {
  const handler = loadHandler();

  it.each(APP_ROUTES)('answers the app route %s with /index.html', (uri) => {
    expect(handler(viewerRequest(uri)).uri).toBe('/index.html');
  });

  it.each(FILES)('leaves the file %s alone, so a missing one stays a 404', (uri) => {
    expect(handler(viewerRequest(uri)).uri).toBe(uri);
  });

  it('leaves everything under /assets/ alone, with or without an extension', () => {
    expect(handler(viewerRequest('/assets/')).uri).toBe('/assets/');
    expect(handler(viewerRequest('/assets/no-extension')).uri).toBe('/assets/no-extension');
  });

  it('keeps the query string and headers (only the path changes)', () => {
    const request = handler(viewerRequest('/sign-in'));
    expect(request.querystring).toEqual({ lang: { value: 'ja' } });
    expect(request.headers).toEqual({ host: { value: 'account.example.com' } });
  });

  it("fits CloudFront Functions' limits: 10 KB of code, no module syntax", () => {
    const source = readFileSync(SPA_ROUTING_SOURCE, 'utf8');
    expect(Buffer.byteLength(source)).toBeLessThan(10 * 1024);
    expect(source).not.toMatch(/^\s*(import|export)\b/m);
  });
});
