import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { configFilePlugin, withEndpoint, type ConfigFileOptions } from './config-file-plugin';

describe('withEndpoint', () => {
  it("replaces the config's endpoint and keeps everything else", () => {
    const body = JSON.stringify({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9229/', tokenStorage: 'localStorage' });
    expect(JSON.parse(withEndpoint(body, 'http://127.0.0.1:9239/'))).toEqual({
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:9239/',
      tokenStorage: 'localStorage',
    });
  });

  it('leaves a file that is not a JSON object as it is, for the app to report', () => {
    expect(withEndpoint('{ not json', 'http://127.0.0.1:9239/')).toBe('{ not json');
    expect(withEndpoint('[1]', 'http://127.0.0.1:9239/')).toBe('[1]');
  });
});

describe('configFilePlugin in a dev server', () => {
  let server: ViteDevServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function served(options: ConfigFileOptions): Promise<unknown> {
    const root = mkdtempSync(join(tmpdir(), 'config-file-plugin-'));
    mkdirSync(join(root, 'public'));
    writeFileSync(join(root, 'public', 'config.json'), JSON.stringify({ userPoolId: 'public', endpoint: 'http://127.0.0.1:9229/' }));
    writeFileSync(join(root, 'other.json'), JSON.stringify({ userPoolId: 'other', endpoint: 'http://127.0.0.1:9229/' }));
    const configFile = options.configFile && join(root, options.configFile);
    server = await createServer({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [configFilePlugin({ configFile, endpoint: options.endpoint })],
      server: { host: '127.0.0.1', port: 0, watch: null, ws: false },
    });
    await server.listen();
    const response = await fetch(new URL('/config.json', server.resolvedUrls?.local[0]));
    expect(response.headers.get('content-type')).toContain('application/json');
    return response.json();
  }

  it('serves public/config.json with the endpoint it is given (APP_CONFIG_ENDPOINT)', async () => {
    expect(await served({ endpoint: 'http://127.0.0.1:9239/' })).toEqual({ userPoolId: 'public', endpoint: 'http://127.0.0.1:9239/' });
  });

  it('serves another file in its place (APP_CONFIG_FILE), with or without a new endpoint', async () => {
    expect(await served({ configFile: 'other.json' })).toEqual({ userPoolId: 'other', endpoint: 'http://127.0.0.1:9229/' });
    await server?.close();
    expect(await served({ configFile: 'other.json', endpoint: 'http://127.0.0.1:9239/' })).toEqual({
      userPoolId: 'other',
      endpoint: 'http://127.0.0.1:9239/',
    });
  });
});
