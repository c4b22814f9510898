import { describe, expect, it } from 'vitest';
import { APP_CLIENT, DEMO_PASSWORD, POOL_ID, SIGNED, call, expectError, outbox, passwordSignIn, useEmulator } from './helpers';

const emulator = useEmulator();
const url = () => emulator.current.url;

describe('GET /_emulator/outbox', () => {
  it('lists sent messages, newest last, with the documented fields', async () => {
    await call(url(), 'ForgotPassword', { ClientId: APP_CLIENT, Username: 'phone.user' });
    // The demo pool's messages: the seed's email pool has a reset code of its own waiting too.
    const messages = (await outbox(url())).filter((message) => message.poolId === POOL_ID);
    expect(messages.map((message) => message.kind)).toEqual(['AdminResetUserPassword', 'ForgotPassword']);
    for (const message of messages) {
      expect(Object.keys(message).sort()).toEqual(
        ['code', 'destination', 'id', 'kind', 'medium', 'poolId', 'sentAt', 'temporaryPassword', 'username'].sort(),
      );
    }
    expect(messages[1]).toMatchObject({ username: 'phone.user', medium: 'SMS', destination: '+15555550123', poolId: POOL_ID });
  });
});

describe('GET /_emulator/', () => {
  it('shows the outbox newest first as HTML, escaping what it shows', async () => {
    await call(
      url(),
      'AdminCreateUser',
      {
        UserPoolId: POOL_ID,
        Username: 'html.user',
        TemporaryPassword: 'Temp<b>Passw0rd!',
        UserAttributes: [{ Name: 'email', Value: 'html.user@example.com' }],
        DesiredDeliveryMediums: ['EMAIL'],
      },
      SIGNED,
    );
    const response = await fetch(`${url()}/_emulator/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain('Temp&#60;b&#62;Passw0rd!');
    expect(html).not.toContain('<b>');
    const [seededCode] = await outbox(url());
    expect(html.indexOf('html.user')).toBeLessThan(html.indexOf(seededCode.code ?? 'missing'));
  });

  it('redirects /_emulator to the page', async () => {
    const response = await fetch(`${url()}/_emulator`, { redirect: 'manual' });
    expect(response.status).toBe(308);
    expect(response.headers.get('location')).toBe('/_emulator/');
  });
});

/** POST to a developer endpoint; a JSON body is sent as application/json unless headers say otherwise. */
function post(path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url()}/_emulator/${path}`, {
    method: 'POST',
    headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe('POST /_emulator/clock', () => {
  it('moves the server clock forward, so tokens expire by it', async () => {
    const signedIn = await passwordSignIn(url(), 'demo.user', DEMO_PASSWORD);
    const accessToken = (signedIn.body.AuthenticationResult as Record<string, string>).AccessToken;
    const before = emulator.current.clock.now();
    const response = await post('clock', { advanceSeconds: 7200 });
    const body = (await response.json()) as { now: string };
    expect(Date.parse(body.now) - before).toBeGreaterThanOrEqual(7200 * 1000);
    expect((await call(url(), 'GetUser', { AccessToken: accessToken })).body.message).toBe('Access Token has expired');
  });

  it.each([{ advanceSeconds: -5 }, { advanceSeconds: 'soon' }, {}])('refuses %j', async (body) => {
    const response = await post('clock', body);
    expect(response.status).toBe(400);
  });

  it('accepts application/json with a charset, and a loopback Origin', async () => {
    const before = emulator.current.clock.now();
    const response = await post('clock', { advanceSeconds: 60 }, {
      'Content-Type': 'application/json; charset=utf-8',
      Origin: 'http://localhost:5173',
    });
    expect(response.status).toBe(200);
    expect(emulator.current.clock.now() - before).toBeGreaterThanOrEqual(60_000);
  });

  // A page on any site can send these without a CORS preflight: they must not move the clock.
  it.each([
    ['text/plain (the type fetch gives a string body)', { 'Content-Type': 'text/plain;charset=UTF-8' }, 415],
    ['a form', { 'Content-Type': 'application/x-www-form-urlencoded' }, 415],
    ['JSON from another site', { 'Content-Type': 'application/json', Origin: 'https://attacker.example' }, 403],
    ['JSON from a sandboxed page (Origin: null)', { 'Content-Type': 'application/json', Origin: 'null' }, 403],
  ])('refuses %s', async (_label, headers, status) => {
    const before = emulator.current.clock.now();
    const response = await fetch(`${url()}/_emulator/clock`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ advanceSeconds: 86400 }),
    });
    expect(response.status).toBe(status);
    expect(emulator.current.clock.now() - before).toBeLessThan(60_000);
  });
});

describe('POST /_emulator/reset', () => {
  it('goes back to the seed: users, outbox and clock', async () => {
    await call(url(), 'AdminDeleteUser', { UserPoolId: POOL_ID, Username: 'demo.user' }, SIGNED);
    await call(url(), 'ForgotPassword', { ClientId: APP_CLIENT, Username: 'phone.user' });
    expect((await post('clock', { advanceSeconds: 86400 })).status).toBe(200);

    const response = await post('reset');
    expect(response.status).toBe(200);
    expect((await passwordSignIn(url(), 'demo.user', DEMO_PASSWORD)).status).toBe(200);
    const messages = await outbox(url());
    // The seed's own: each pool's user whose administrator reset the password (docs/cognito-behaviour.md §10.5).
    expect(messages.map((message) => `${message.poolId} ${message.destination}`)).toEqual([
      `${POOL_ID} reset.user@example.com`,
      'us-east-1_LocalEmail reset@example.com',
    ]);
    expect(Math.abs(emulator.current.clock.now() - Date.now())).toBeLessThan(60_000);
  });

  it('accepts a page on this machine', async () => {
    await call(url(), 'AdminDeleteUser', { UserPoolId: POOL_ID, Username: 'demo.user' }, SIGNED);
    expect((await post('reset', undefined, { Origin: 'http://127.0.0.1:5173' })).status).toBe(200);
    expect((await passwordSignIn(url(), 'demo.user', DEMO_PASSWORD)).status).toBe(200);
  });

  it('refuses a page on another site, and leaves the pool as it was', async () => {
    await call(url(), 'AdminDeleteUser', { UserPoolId: POOL_ID, Username: 'demo.user' }, SIGNED);
    const response = await post('reset', undefined, { Origin: 'https://attacker.example' });
    expect(response.status).toBe(403);
    expect(expectError(await passwordSignIn(url(), 'demo.user', DEMO_PASSWORD)).type).toBe('NotAuthorizedException');
  });

  it('answers 404 for an unknown developer endpoint', async () => {
    expect((await fetch(`${url()}/_emulator/nothing`)).status).toBe(404);
  });
});
