import { describe, expect, it } from 'vitest';
import { APP_CLIENT, DEMO_PASSWORD, POOL_ID, SIGNED, call, outbox, passwordSignIn, useEmulator } from './helpers';

const emulator = useEmulator();
const url = () => emulator.current.url;

describe('GET /_emulator/outbox', () => {
  it('lists sent messages, newest last, with the documented fields', async () => {
    await call(url(), 'ForgotPassword', { ClientId: APP_CLIENT, Username: 'phone.user' });
    const messages = await outbox(url());
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

describe('POST /_emulator/clock', () => {
  it('moves the server clock forward, so tokens expire by it', async () => {
    const signedIn = await passwordSignIn(url(), 'demo.user', DEMO_PASSWORD);
    const accessToken = (signedIn.body.AuthenticationResult as Record<string, string>).AccessToken;
    const before = emulator.current.clock.now();
    const response = await fetch(`${url()}/_emulator/clock`, { method: 'POST', body: JSON.stringify({ advanceSeconds: 7200 }) });
    const body = (await response.json()) as { now: string };
    expect(Date.parse(body.now) - before).toBeGreaterThanOrEqual(7200 * 1000);
    expect((await call(url(), 'GetUser', { AccessToken: accessToken })).body.message).toBe('Access Token has expired');
  });

  it.each([{ advanceSeconds: -5 }, { advanceSeconds: 'soon' }, {}])('refuses %j', async (body) => {
    const response = await fetch(`${url()}/_emulator/clock`, { method: 'POST', body: JSON.stringify(body) });
    expect(response.status).toBe(400);
  });
});

describe('POST /_emulator/reset', () => {
  it('goes back to the seed: users, outbox and clock', async () => {
    await call(url(), 'AdminDeleteUser', { UserPoolId: POOL_ID, Username: 'demo.user' }, SIGNED);
    await call(url(), 'ForgotPassword', { ClientId: APP_CLIENT, Username: 'phone.user' });
    await fetch(`${url()}/_emulator/clock`, { method: 'POST', body: JSON.stringify({ advanceSeconds: 86400 }) });

    const response = await fetch(`${url()}/_emulator/reset`, { method: 'POST' });
    expect(response.status).toBe(200);
    expect((await passwordSignIn(url(), 'demo.user', DEMO_PASSWORD)).status).toBe(200);
    const messages = await outbox(url());
    expect(messages.map((message) => message.username)).toEqual(['reset.user']);
    expect(Math.abs(emulator.current.clock.now() - Date.now())).toBeLessThan(60_000);
  });

  it('answers 404 for an unknown developer endpoint', async () => {
    expect((await fetch(`${url()}/_emulator/nothing`)).status).toBe(404);
  });
});
