import { describe, expect, it } from 'vitest';
import { startEmulator } from '../server';
import { APP_CLIENT, useEmulator } from './helpers';

/**
 * docs/cognito-behaviour.md §0.1: browser pages of the origins given with --allow-origin (here the option
 * `allowedOrigins`) get the CORS answers loopback pages get; any other origin still gets none.
 */

const APP_ORIGIN = 'https://app.example.test';
const emulator = useEmulator({ allowedOrigins: [APP_ORIGIN, 'http://LAN.Example.test:8080/'] });
const url = () => emulator.current.url;

function preflight(origin: string, extra: Record<string, string> = {}) {
  return fetch(`${url()}/`, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type,x-amz-target,x-amz-user-agent,cache-control',
      ...extra,
    },
  });
}

function initiateAuthFrom(origin: string) {
  return fetch(`${url()}/`, {
    method: 'POST',
    headers: {
      Origin: origin,
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth',
    },
    body: JSON.stringify({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: APP_CLIENT, AuthParameters: { USERNAME: 'x', PASSWORD: 'y' } }),
  });
}

describe('an allowed origin', () => {
  it('gets the preflight granted, with credentials and Private Network Access', async () => {
    const response = await preflight(APP_ORIGIN, { 'Access-Control-Request-Private-Network': 'true' });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect((response.headers.get('access-control-allow-headers') ?? '').toLowerCase()).toContain('x-amz-target');
    expect(response.headers.get('access-control-allow-private-network')).toBe('true');
    expect(response.headers.get('vary')).toBe('Origin');
  });

  it('gets its origin echoed and the x-amzn headers exposed on the real response', async () => {
    const response = await initiateAuthFrom(APP_ORIGIN);
    expect(response.status).toBe(400);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(response.headers.get('access-control-expose-headers')).toContain('x-amzn-ErrorType');
  });

  it('is matched as the browser sends it: the option was normalised (case, default port, trailing slash)', async () => {
    const response = await preflight('http://lan.example.test:8080');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://lan.example.test:8080');
  });

  it('may use the developer endpoints, as a page on this machine may', async () => {
    const reset = await fetch(`${url()}/_emulator/reset`, { method: 'POST', headers: { Origin: APP_ORIGIN } });
    expect(reset.status).toBe(200);
    expect(reset.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
  });

  it('leaves loopback pages allowed', async () => {
    const response = await preflight('http://localhost:5173');
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });
});

describe('an origin that was not allowed', () => {
  it.each([
    'https://evil.example',
    'http://app.example.test',
    'https://app.example.test:8443',
    'https://app.example.test.evil.example',
    'null',
  ])('%s gets no CORS grant, on the preflight or the real response', async (origin) => {
    const refused = await preflight(origin);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    const response = await initiateAuthFrom(origin);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-expose-headers')).toBeNull();
  });

  it('cannot drive the developer endpoints', async () => {
    const reset = await fetch(`${url()}/_emulator/reset`, { method: 'POST', headers: { Origin: 'https://evil.example' } });
    expect(reset.status).toBe(403);
  });
});

describe('the option itself', () => {
  it.each(['*', 'null', 'app.example.test', 'https://app.example.test/path', 'https://user@app.example.test', 'ftp://app.example.test'])(
    'refuses %s: only whole http(s) origins are allowed',
    async (origin) => {
      await expect(startEmulator({ port: 0, allowedOrigins: [origin] })).rejects.toThrow(/is not an http\(s\) origin/);
    },
  );
});
