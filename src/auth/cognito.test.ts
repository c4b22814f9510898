/// <reference types="node" />
/**
 * The adapter against the real local user pool (emulator/), started as its own process the way
 * `npm run emulator` starts it. Each test makes its own users through the admin API.
 */
import {
  AdminCreateUserCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMemoryStorage } from '../test/fake-auth-adapter';
import type { AuthAdapter } from './adapter';
import { createCognitoAdapter } from './cognito';

const POOL_ID = 'us-east-1_LocalDemo';
const APP_CLIENT = 'localdemoappclient00000001';
const PASSWORD = 'Demo-Passw0rd!';
const NEW_PASSWORD = 'Fresh-Passw0rd2#';
const TEMPORARY_PASSWORD = 'Temp-Passw0rd1!';
// (Not `new URL(…, import.meta.url)`: under jsdom, URL is jsdom's and node:url refuses it.)
const repoRoot = resolve(import.meta.dirname, '../..');

let emulator: ChildProcessWithoutNullStreams;
let endpoint = '';
let admin: CognitoIdentityProviderClient;

/** Starts `tsx emulator/main.ts --port 0` and reads the address it prints. */
async function startLocalPool(): Promise<{ child: ChildProcessWithoutNullStreams; url: string }> {
  const child = spawn(resolve(repoRoot, 'node_modules/.bin/tsx'), ['emulator/main.ts', '--port', '0'], { cwd: repoRoot });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`the local user pool exited (${code}):\n${output}`)));
  });
  return { child, url };
}

beforeAll(async () => {
  const started = await startLocalPool();
  emulator = started.child;
  endpoint = `${started.url}/`;
  admin = new CognitoIdentityProviderClient({
    region: 'us-east-1',
    endpoint: started.url,
    // The local pool wants a SigV4-shaped request for admin operations; it does not check the key.
    credentials: { accessKeyId: 'LOCALTESTKEY', secretAccessKey: 'local-test-secret' },
  });
}, 30_000);

afterAll(async () => {
  admin?.destroy();
  if (emulator && emulator.exitCode === null) {
    emulator.kill('SIGTERM');
    await once(emulator, 'exit');
  }
});

afterEach(() => {
  vi.useRealTimers();
});

let userCounter = 0;
function uniqueUsername(prefix: string): string {
  userCounter += 1;
  return `${prefix}.${Date.now().toString(36)}${userCounter}`;
}

interface TestUser {
  username: string;
  email: string;
}

async function createConfirmedUser(attributes: Record<string, string> = {}): Promise<TestUser> {
  const username = uniqueUsername('app');
  const email = `${username}@example.com`;
  await admin.send(
    new AdminCreateUserCommand({
      UserPoolId: POOL_ID,
      Username: username,
      TemporaryPassword: TEMPORARY_PASSWORD,
      MessageAction: 'SUPPRESS',
      UserAttributes: Object.entries({ email, email_verified: 'true', name: 'App Test', ...attributes }).map(
        ([Name, Value]) => ({ Name, Value }),
      ),
    }),
  );
  await admin.send(
    new AdminSetUserPasswordCommand({ UserPoolId: POOL_ID, Username: username, Password: PASSWORD, Permanent: true }),
  );
  return { username, email };
}

/** A user created by an administrator, who must choose a password; `name` is left for the challenge. */
async function createUserWithTemporaryPassword(): Promise<TestUser> {
  const username = uniqueUsername('new');
  const email = `${username}@example.com`;
  await admin.send(
    new AdminCreateUserCommand({
      UserPoolId: POOL_ID,
      Username: username,
      TemporaryPassword: TEMPORARY_PASSWORD,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
      ],
    }),
  );
  return { username, email };
}

interface OutboxMessage {
  username: string;
  kind: string;
  code?: string | null;
}

async function latestCodeFor(username: string): Promise<string> {
  const response = await fetch(`${endpoint}_emulator/outbox`);
  const { messages } = (await response.json()) as { messages: OutboxMessage[] };
  const code = messages.filter((message) => message.username === username && message.code).at(-1)?.code;
  if (!code) throw new Error(`no code in the outbox for ${username}`);
  return code;
}

async function advancePoolClock(seconds: number): Promise<void> {
  const response = await fetch(`${endpoint}_emulator/clock`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ advanceSeconds: seconds }),
  });
  expect(response.ok).toBe(true);
}

async function resetPool(): Promise<void> {
  await fetch(`${endpoint}_emulator/reset`, { method: 'POST' });
}

/** A raw call as the SDK would make it, to check what the pool thinks of a token. */
async function callPool(operation: string, body: Record<string, unknown>): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`,
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json().catch(() => ({}))) as Record<string, unknown> };
}

function newAdapter(options: { flow?: 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH'; storage?: Storage } = {}) {
  const storage = options.storage ?? createMemoryStorage();
  const adapter: AuthAdapter = createCognitoAdapter(
    {
      userPoolId: POOL_ID,
      userPoolClientId: APP_CLIENT,
      endpoint,
      authenticationFlowType: options.flow ?? 'USER_SRP_AUTH',
      tokenStorage: 'localStorage',
    },
    { storage },
  );
  return { adapter, storage };
}

function storedToken(storage: Storage, username: string, kind: 'accessToken' | 'refreshToken' | 'idToken') {
  return storage.getItem(`CognitoIdentityServiceProvider.${APP_CLIENT}.${username}.${kind}`);
}

describe('cognito adapter against the local user pool', () => {
  it('signs in with SRP and reads the user from the ID token', async () => {
    const user = await createConfirmedUser({ 'custom:department': 'Sales' });
    const { adapter, storage } = newAdapter();

    const result = await adapter.signIn(user.username, PASSWORD);

    expect(result).toEqual({
      kind: 'signedIn',
      user: {
        username: user.username,
        attributes: expect.objectContaining({
          email: user.email,
          email_verified: 'true',
          name: 'App Test',
          'custom:department': 'Sales',
          sub: expect.any(String),
        }),
      },
    });
    // Token claims are not user attributes.
    expect(result.kind === 'signedIn' && Object.keys(result.user.attributes)).not.toContain('token_use');
    expect(storage.getItem(`CognitoIdentityServiceProvider.${APP_CLIENT}.LastAuthUser`)).toBe(user.username);
    expect(await adapter.currentSession()).toEqual(result.kind === 'signedIn' ? result.user : null);
  });

  it('lets a frame pass before the SRP work starts, so the pending state can paint', async () => {
    const user = await createConfirmedUser();
    const { adapter } = newAdapter();
    const order: string[] = [];
    const requestFrame = window.requestAnimationFrame.bind(window);
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) =>
      requestFrame((time) => {
        order.push('frame');
        callback(time);
      }),
    );
    const realFetch = globalThis.fetch;
    vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      order.push('request');
      return realFetch(input, init);
    });

    expect(await adapter.signIn(user.username, PASSWORD)).toMatchObject({ kind: 'signedIn' });
    expect(order.slice(0, 2)).toEqual(['frame', 'request']);
    vi.restoreAllMocks();
  });

  it('still signs in where frames never come (a hidden tab)', async () => {
    const user = await createConfirmedUser();
    const { adapter } = newAdapter();
    const frameRequests = vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);

    expect(await adapter.signIn(user.username, PASSWORD)).toMatchObject({ kind: 'signedIn' });
    expect(frameRequests).toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  it('signs in with USER_PASSWORD_AUTH when configured', async () => {
    const user = await createConfirmedUser();
    const { adapter } = newAdapter({ flow: 'USER_PASSWORD_AUTH' });
    expect(await adapter.signIn(user.username, PASSWORD)).toMatchObject({ kind: 'signedIn' });
  });

  it('rejects a wrong password with Cognito’s code and message', async () => {
    const user = await createConfirmedUser();
    const { adapter } = newAdapter();
    await expect(adapter.signIn(user.username, 'Wrong-Passw0rd!')).rejects.toMatchObject({
      code: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('answers an unknown user like a wrong password (PreventUserExistenceErrors ENABLED)', async () => {
    const { adapter } = newAdapter();
    await expect(adapter.signIn(uniqueUsername('nobody'), PASSWORD)).rejects.toMatchObject({
      code: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('reports a disabled user', async () => {
    const { adapter } = newAdapter();
    await expect(adapter.signIn('disabled.user', PASSWORD)).rejects.toMatchObject({
      code: 'NotAuthorizedException',
      message: 'User is disabled.',
    });
  });

  it('returns NEW_PASSWORD_REQUIRED with its attributes, then completes it', async () => {
    const user = await createUserWithTemporaryPassword();
    const { adapter } = newAdapter();

    const challenge = await adapter.signIn(user.username, TEMPORARY_PASSWORD);
    if (challenge.kind !== 'newPasswordRequired') throw new Error(`expected a challenge, got ${challenge.kind}`);
    expect(challenge.requiredAttributes).toContain('name');
    expect(challenge.userAttributes).toMatchObject({ email: user.email });
    expect(challenge.handle.username).toBe(user.username);
    expect(challenge.handle.session.length).toBeGreaterThanOrEqual(20);

    const done = await adapter.completeNewPassword(challenge.handle, NEW_PASSWORD, { name: 'Chosen Name' });
    expect(done).toMatchObject({ kind: 'signedIn', user: { username: user.username, attributes: { name: 'Chosen Name' } } });

    const { adapter: later } = newAdapter();
    expect(await later.signIn(user.username, NEW_PASSWORD)).toMatchObject({ kind: 'signedIn' });
  });

  it('keeps the challenge usable after a weak new password', async () => {
    const user = await createUserWithTemporaryPassword();
    const { adapter } = newAdapter();
    const challenge = await adapter.signIn(user.username, TEMPORARY_PASSWORD);
    if (challenge.kind !== 'newPasswordRequired') throw new Error('expected a challenge');

    await expect(adapter.completeNewPassword(challenge.handle, 'weakpassword', { name: 'N' })).rejects.toMatchObject({
      code: 'InvalidPasswordException',
    });
    expect(await adapter.completeNewPassword(challenge.handle, NEW_PASSWORD, { name: 'N' })).toMatchObject({
      kind: 'signedIn',
    });
  });

  it('resumes a challenge after a reload from the saved username and Session', async () => {
    const user = await createUserWithTemporaryPassword();
    const before = newAdapter().adapter;
    const challenge = await before.signIn(user.username, TEMPORARY_PASSWORD);
    if (challenge.kind !== 'newPasswordRequired') throw new Error('expected a challenge');
    const saved = { username: challenge.handle.username, session: challenge.handle.session };

    const after = newAdapter().adapter; // a fresh page: nothing in memory
    const handle = after.resumeChallenge(saved);
    expect(handle).toMatchObject(saved);
    expect(await after.completeNewPassword(handle, NEW_PASSWORD, { name: 'Resumed' })).toMatchObject({ kind: 'signedIn' });
  });

  it('reports an expired challenge Session with Cognito’s message', async () => {
    const user = await createUserWithTemporaryPassword();
    const { adapter } = newAdapter();
    const challenge = await adapter.signIn(user.username, TEMPORARY_PASSWORD);
    if (challenge.kind !== 'newPasswordRequired') throw new Error('expected a challenge');
    try {
      await advancePoolClock(3 * 60 + 1);
      await expect(adapter.completeNewPassword(challenge.handle, NEW_PASSWORD, { name: 'Late' })).rejects.toMatchObject({
        code: 'NotAuthorizedException',
        message: 'Invalid session for the user, session is expired.',
      });
    } finally {
      await resetPool(); // back to real time (and the seed); every test makes its own users
    }
  });

  it('reports an administrator reset as passwordResetRequired, then resets with the code', async () => {
    const user = await createConfirmedUser();
    await admin.send(new AdminResetUserPasswordCommand({ UserPoolId: POOL_ID, Username: user.username }));
    const { adapter } = newAdapter();

    expect(await adapter.signIn(user.username, PASSWORD)).toEqual({ kind: 'passwordResetRequired' });

    await adapter.confirmForgotPassword(user.username, await latestCodeFor(user.username), NEW_PASSWORD);
    expect(await adapter.signIn(user.username, NEW_PASSWORD)).toMatchObject({ kind: 'signedIn' });
  });

  it('sends a reset code, refuses a wrong one, accepts the right one', async () => {
    const user = await createConfirmedUser();
    const { adapter } = newAdapter();

    const delivery = await adapter.forgotPassword(user.username);
    expect(delivery).toEqual({ destination: expect.stringMatching(/^a\*+@e\*+/), medium: 'EMAIL', attributeName: 'email' });
    expect(delivery.destination).not.toContain(user.username);

    const code = await latestCodeFor(user.username);
    const wrongCode = code === '000000' ? '111111' : '000000';
    await expect(adapter.confirmForgotPassword(user.username, wrongCode, NEW_PASSWORD)).rejects.toMatchObject({
      code: 'CodeMismatchException',
    });
    await adapter.confirmForgotPassword(user.username, code, NEW_PASSWORD);
    expect(await adapter.signIn(user.username, NEW_PASSWORD)).toMatchObject({ kind: 'signedIn' });
  });

  it('reports an account with no verified contact', async () => {
    const { adapter } = newAdapter();
    await expect(adapter.forgotPassword('no.contact')).rejects.toMatchObject({
      code: 'InvalidParameterException',
      message: 'Cannot reset password for the user as there is no registered/verified email or phone_number',
    });
  });

  it('changes the password: wrong current password first, then the right one', async () => {
    const user = await createConfirmedUser();
    const { adapter } = newAdapter();
    await adapter.signIn(user.username, PASSWORD);

    await expect(adapter.changePassword('Wrong-Passw0rd!', NEW_PASSWORD)).rejects.toMatchObject({
      code: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    await expect(adapter.changePassword(PASSWORD, 'weak')).rejects.toMatchObject({ code: 'InvalidPasswordException' });
    await adapter.changePassword(PASSWORD, NEW_PASSWORD);

    expect(await newAdapter().adapter.signIn(user.username, NEW_PASSWORD)).toMatchObject({ kind: 'signedIn' });
  });

  it('refuses to change the password without a session', async () => {
    await expect(newAdapter().adapter.changePassword(PASSWORD, NEW_PASSWORD)).rejects.toMatchObject({ code: 'NoSession' });
  });

  it('has no session before signing in', async () => {
    expect(await newAdapter().adapter.currentSession()).toBeNull();
  });

  it('refreshes expired tokens through the SDK', async () => {
    const user = await createConfirmedUser();
    const { adapter, storage } = newAdapter();
    await adapter.signIn(user.username, PASSWORD);
    const firstAccessToken = storedToken(storage, user.username, 'accessToken');

    // Two hours later on this device: the 1-hour access and ID tokens have expired, the refresh token has not.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2 * 3600_000 });
    const session = await adapter.currentSession();

    expect(session).toMatchObject({ username: user.username, attributes: { email: user.email } });
    expect(storedToken(storage, user.username, 'accessToken')).not.toBe(firstAccessToken);
  });

  /** Counts the InitiateAuth requests (a refresh is one) this page sends; `dropFirst` fails the first as offline. */
  function countRefreshes({ dropFirst = false } = {}) {
    const realFetch = globalThis.fetch;
    let refreshes = 0;
    vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      const target = new Headers(init?.headers).get('X-Amz-Target') ?? '';
      if (target.endsWith('.InitiateAuth')) {
        refreshes += 1;
        if (dropFirst && refreshes === 1) return Promise.reject(new TypeError('Failed to fetch'));
      }
      return realFetch(input, init);
    });
    return () => refreshes;
  }

  it('gives up at once on a refresh token revoked elsewhere: one request, no retries', async () => {
    const user = await createConfirmedUser();
    const phone = newAdapter();
    const laptop = newAdapter();
    await phone.adapter.signIn(user.username, PASSWORD);
    await laptop.adapter.signIn(user.username, PASSWORD);
    await phone.adapter.globalSignOut();

    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2 * 3600_000 });
    const refreshes = countRefreshes();
    expect(await laptop.adapter.currentSession()).toBeNull();
    expect(refreshes()).toBe(1);
    expect(storedToken(laptop.storage, user.username, 'refreshToken')).toBeNull();
    vi.restoreAllMocks();
  });

  it('retries a refresh whose connection dropped, and keeps the user signed in', async () => {
    const user = await createConfirmedUser();
    const { adapter } = newAdapter();
    await adapter.signIn(user.username, PASSWORD);

    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2 * 3600_000 });
    const refreshes = countRefreshes({ dropFirst: true });
    expect(await adapter.currentSession()).toMatchObject({ username: user.username });
    expect(refreshes()).toBe(2);
    vi.restoreAllMocks();
  });

  it('signs out locally at once and revokes the refresh token', async () => {
    const user = await createConfirmedUser();
    const { adapter, storage } = newAdapter();
    await adapter.signIn(user.username, PASSWORD);
    const refreshToken = storedToken(storage, user.username, 'refreshToken');
    expect(refreshToken).toBeTruthy();

    await adapter.signOut();

    expect(storedToken(storage, user.username, 'refreshToken')).toBeNull();
    expect(await adapter.currentSession()).toBeNull();
    const refresh = await callPool('InitiateAuth', {
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: APP_CLIENT,
      AuthParameters: { REFRESH_TOKEN: refreshToken },
    });
    expect(refresh.status).toBe(400);
    expect(refresh.body.__type).toBe('NotAuthorizedException');
  });

  it('signs out everywhere: this device forgets its tokens, another device is refused', async () => {
    const user = await createConfirmedUser();
    const phone = newAdapter();
    const laptop = newAdapter();
    await phone.adapter.signIn(user.username, PASSWORD);
    await laptop.adapter.signIn(user.username, PASSWORD);
    const laptopAccessToken = storedToken(laptop.storage, user.username, 'accessToken');

    await phone.adapter.globalSignOut();

    expect(await phone.adapter.currentSession()).toBeNull();
    const getUser = await callPool('GetUser', { AccessToken: laptopAccessToken });
    expect(getUser.body).toMatchObject({ __type: 'NotAuthorizedException', message: 'Access Token has been revoked' });
    await expect(laptop.adapter.changePassword(PASSWORD, NEW_PASSWORD)).rejects.toMatchObject({
      code: 'NotAuthorizedException',
      message: 'Access Token has been revoked',
    });
  });

  it('refuses to sign out everywhere without a session', async () => {
    await expect(newAdapter().adapter.globalSignOut()).rejects.toMatchObject({ code: 'NoSession' });
  });
});
