import { describe, expect, it, vi } from 'vitest';
import { fetchConfigDocument } from './fetch-config';
import { parseDocument } from './load-config';

/** What start-up does with the config: fetch it, then validate what came back. Never throws. */
async function loadConfig(url: string, fetchImpl: typeof fetch) {
  return parseDocument(await fetchConfigDocument(url, fetchImpl), url);
}

const validBody = { region: 'us-east-1', userPoolId: 'us-east-1_LocalDemo', userPoolClientId: 'abc123' };

function respond(response: Response | Error) {
  return vi.fn<typeof fetch>(() => (response instanceof Error ? Promise.reject(response) : Promise.resolve(response)));
}

describe('fetching and validating the config', () => {
  it('fetches the config without the HTTP cache and validates it', async () => {
    const fetchImpl = respond(Response.json(validBody));
    const result = await loadConfig('/config.json', fetchImpl);
    expect(result.ok && result.config.userPoolClientId).toBe('abc123');
    expect(fetchImpl).toHaveBeenCalledWith('/config.json', expect.objectContaining({ cache: 'no-store' }));
  });

  it('reports a config that cannot be fetched', async () => {
    const result = await loadConfig('/config.json', respond(new TypeError('Failed to fetch')));
    expect(result).toEqual({ ok: false, problem: { kind: 'unreachable', url: '/config.json' } });
  });

  it('reports an HTTP error with its status', async () => {
    const result = await loadConfig('/config.json', respond(new Response('not here', { status: 404 })));
    expect(result).toEqual({ ok: false, problem: { kind: 'unreachable', url: '/config.json', status: 404 } });
  });

  it('reports a body that is not JSON', async () => {
    const result = await loadConfig('/config.json', respond(new Response('<html>', { status: 200 })));
    expect(result).toEqual({ ok: false, problem: { kind: 'notJson', url: '/config.json' } });
  });

  it('reports invalid keys', async () => {
    const result = await loadConfig('/config.json', respond(Response.json({ ...validBody, tokenStorage: 'x' })));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem.kind === 'invalid' && result.problem.issues.map((issue) => issue.key)).toEqual([
      'tokenStorage',
    ]);
  });
});
