/// <reference types="node" />
/**
 * The adapter against the real local user pool (emulator/), started as its own process the way
 * `npm run emulator` starts it. Each test makes its own users through the admin API.
 */
import {
  AdminCreateUserCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  SetUserPoolMfaConfigCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryStorage } from '../test/fake-auth-adapter';
import type { AdapterChallenge, AdapterSignInResult, AuthAdapter, ChallengeHandle, VerifiableAttribute } from './adapter';
import type { MfaCodeChallengeName, MfaMethod } from './challenges';
import { createCognitoAdapter } from './cognito';

const POOL_ID = 'us-east-1_LocalDemo';
const APP_CLIENT = 'localdemoappclient00000001';
/** The seed's second pool: MFA required, authenticator apps only. */
const MFA_POOL_ID = 'us-east-1_LocalMfa';
const MFA_APP_CLIENT = 'localmfaappclient000000001';
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

async function createConfirmedUser(attributes: Record<string, string> = {}, poolId = POOL_ID): Promise<TestUser> {
  const username = uniqueUsername('app');
  const email = `${username}@example.com`;
  await admin.send(
    new AdminCreateUserCommand({
      UserPoolId: poolId,
      Username: username,
      TemporaryPassword: TEMPORARY_PASSWORD,
      MessageAction: 'SUPPRESS',
      UserAttributes: Object.entries({ email, email_verified: 'true', name: 'App Test', ...attributes }).map(
        ([Name, Value]) => ({ Name, Value }),
      ),
    }),
  );
  await admin.send(
    new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: username, Password: PASSWORD, Permanent: true }),
  );
  return { username, email };
}

/** A user created by an administrator, who must choose a password; `name` is left for the challenge unless given. */
async function createUserWithTemporaryPassword(attributes: Record<string, string> = {}, poolId = POOL_ID): Promise<TestUser> {
  const username = uniqueUsername('new');
  const email = `${username}@example.com`;
  await admin.send(
    new AdminCreateUserCommand({
      UserPoolId: poolId,
      Username: username,
      TemporaryPassword: TEMPORARY_PASSWORD,
      MessageAction: 'SUPPRESS',
      UserAttributes: Object.entries({ email, email_verified: 'true', ...attributes }).map(([Name, Value]) => ({ Name, Value })),
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

type Flow = 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH';

function newAdapter(options: { flow?: Flow; storage?: Storage; pool?: 'demo' | 'mfaRequired' } = {}) {
  const storage = options.storage ?? createMemoryStorage();
  const mfaRequired = options.pool === 'mfaRequired';
  const adapter: AuthAdapter = createCognitoAdapter(
    {
      userPoolId: mfaRequired ? MFA_POOL_ID : POOL_ID,
      userPoolClientId: mfaRequired ? MFA_APP_CLIENT : APP_CLIENT,
      endpoint,
      authenticationFlowType: options.flow ?? 'USER_SRP_AUTH',
      tokenStorage: 'localStorage',
    },
    { storage },
  );
  return { adapter, storage };
}

function storedToken(storage: Storage, username: string, kind: 'accessToken' | 'refreshToken' | 'idToken', clientId = APP_CLIENT) {
  return storage.getItem(`CognitoIdentityServiceProvider.${clientId}.${username}.${kind}`);
}

/** A sign-in step's answer narrowed to the challenge `name`, or a failed test saying what came instead. */
function expectChallenge<N extends AdapterChallenge['name']>(
  result: AdapterSignInResult,
  name: N,
): { handle: ChallengeHandle; challenge: AdapterChallenge & { name: N } } {
  if (result.kind !== 'challenge') throw new Error(`expected ${name}, got ${result.kind}`);
  if (result.challenge.name !== name) throw new Error(`expected ${name}, got ${result.challenge.name}`);
  return { handle: result.handle, challenge: result.challenge as AdapterChallenge & { name: N } };
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

    const { handle, challenge } = expectChallenge(await adapter.signIn(user.username, TEMPORARY_PASSWORD), 'NEW_PASSWORD_REQUIRED');
    expect(challenge.requiredAttributes).toContain('name');
    expect(challenge.userAttributes).toMatchObject({ email: user.email });
    expect(handle.username).toBe(user.username);
    expect(handle.session.length).toBeGreaterThanOrEqual(20);

    const done = await adapter.completeNewPassword(handle, NEW_PASSWORD, { name: 'Chosen Name' });
    expect(done).toMatchObject({ kind: 'signedIn', user: { username: user.username, attributes: { name: 'Chosen Name' } } });

    const { adapter: later } = newAdapter();
    expect(await later.signIn(user.username, NEW_PASSWORD)).toMatchObject({ kind: 'signedIn' });
  });

  it('keeps the challenge usable after a weak new password', async () => {
    const user = await createUserWithTemporaryPassword();
    const { adapter } = newAdapter();
    const { handle } = expectChallenge(await adapter.signIn(user.username, TEMPORARY_PASSWORD), 'NEW_PASSWORD_REQUIRED');

    await expect(adapter.completeNewPassword(handle, 'weakpassword', { name: 'N' })).rejects.toMatchObject({
      code: 'InvalidPasswordException',
    });
    expect(await adapter.completeNewPassword(handle, NEW_PASSWORD, { name: 'N' })).toMatchObject({
      kind: 'signedIn',
    });
  });

  it('resumes a challenge after a reload from the saved username and Session', async () => {
    const user = await createUserWithTemporaryPassword();
    const before = newAdapter().adapter;
    const { handle: pending } = expectChallenge(await before.signIn(user.username, TEMPORARY_PASSWORD), 'NEW_PASSWORD_REQUIRED');
    const saved = { username: pending.username, session: pending.session };

    const after = newAdapter().adapter; // a fresh page: nothing in memory
    const handle = after.resumeChallenge(saved);
    expect(handle).toMatchObject(saved);
    expect(await after.completeNewPassword(handle, NEW_PASSWORD, { name: 'Resumed' })).toMatchObject({ kind: 'signedIn' });
  });

  it('reports an expired challenge Session with Cognito’s message', async () => {
    const user = await createUserWithTemporaryPassword();
    const { adapter } = newAdapter();
    const { handle } = expectChallenge(await adapter.signIn(user.username, TEMPORARY_PASSWORD), 'NEW_PASSWORD_REQUIRED');
    try {
      await advancePoolClock(3 * 60 + 1);
      await expect(adapter.completeNewPassword(handle, NEW_PASSWORD, { name: 'Late' })).rejects.toMatchObject({
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

// ---------------------------------------------------------------------------------------------------------------
// Second factors. The demo pool makes MFA optional with SMS, email and authenticator apps; the seed's second pool
// requires it with authenticator apps only (so a user without one must set it up while signing in).
// ---------------------------------------------------------------------------------------------------------------

const PHONE = '+15555550177';
const MASKED_PHONE = '+*******0177';

async function configurePoolsForMfa(): Promise<void> {
  await admin.send(
    new SetUserPoolMfaConfigCommand({
      UserPoolId: POOL_ID,
      MfaConfiguration: 'OPTIONAL',
      SmsMfaConfiguration: {
        SmsAuthenticationMessage: 'Your sign-in code is {####}',
        SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/local-sms', ExternalId: 'local' },
      },
      SoftwareTokenMfaConfiguration: { Enabled: true },
      EmailMfaConfiguration: { Message: 'Your sign-in code is {####}', Subject: 'Your sign-in code' },
    }),
  );
  await admin.send(
    new SetUserPoolMfaConfigCommand({
      UserPoolId: MFA_POOL_ID,
      MfaConfiguration: 'ON',
      SoftwareTokenMfaConfiguration: { Enabled: true },
    }),
  );
}

/** A confirmed user of the demo pool with a phone number, and `methods` turned on by an administrator. */
async function createMfaUser(methods: ('SMS_MFA' | 'EMAIL_OTP')[]): Promise<TestUser> {
  const user = await createConfirmedUser({ phone_number: PHONE, phone_number_verified: 'true' });
  await admin.send(
    new AdminSetUserMFAPreferenceCommand({
      UserPoolId: POOL_ID,
      Username: user.username,
      ...(methods.includes('SMS_MFA') ? { SMSMfaSettings: { Enabled: true } } : {}),
      ...(methods.includes('EMAIL_OTP') ? { EmailMfaSettings: { Enabled: true } } : {}),
    }),
  );
  return user;
}

/**
 * An authenticator app's code for `secret`, as otpauth computes it. Cognito accepts each 30-second step once per
 * user and allows one step of drift, so each call moves to a later step than the last one used for this secret
 * (at most the next step, which the pool still accepts).
 */
const lastStepUsed = new Map<string, number>();
function authenticatorCode(secret: string): string {
  const current = TOTP.counter({ period: 30 });
  const step = Math.max(current, (lastStepUsed.get(secret) ?? -1) + 1);
  if (step > current + 1) throw new Error('this test used more authenticator codes than the pool accepts in a minute');
  lastStepUsed.set(secret, step);
  return TOTP.generate({ secret: Secret.fromBase32(secret), digits: 6, period: 30, timestamp: step * 30_000 });
}

/** A six-digit code that is not `code`. */
function wrongCode(code: string): string {
  return String((Number(code) + 500_000) % 1_000_000).padStart(6, '0');
}

/** The tokens CIJ keeps for this client, by key (empty before a sign-in completes). */
function tokenKeys(storage: Storage): string[] {
  return Array.from({ length: storage.length }, (_, index) => storage.key(index) ?? '').filter((key) =>
    key.startsWith('CognitoIdentityServiceProvider.'),
  );
}

/**
 * A signed-in user sets up an authenticator app through the adapter, as the account page does, and turns it on.
 * Returns the app's secret.
 */
async function setUpAuthenticator(adapter: AuthAdapter, options: { preferred: boolean }): Promise<string> {
  const { secret } = await adapter.startAuthenticatorSetup();
  await adapter.confirmAuthenticatorSetup(authenticatorCode(secret), 'Test phone');
  await adapter.setMfaPreference({ SOFTWARE_TOKEN_MFA: { enabled: true, preferred: options.preferred } });
  return secret;
}

/** A demo-pool user who signs in with an authenticator app (set up through the adapter). */
async function createAuthenticatorUser(): Promise<TestUser & { secret: string }> {
  const user = await createConfirmedUser();
  const { adapter } = newAdapter();
  expect(await adapter.signIn(user.username, PASSWORD)).toMatchObject({ kind: 'signedIn' });
  const secret = await setUpAuthenticator(adapter, { preferred: true });
  await adapter.signOut();
  return { ...user, secret };
}

/** What answers a code challenge: the code sent to the outbox, or the authenticator's. */
async function codeFor(name: MfaCodeChallengeName, user: TestUser & { secret?: string }): Promise<string> {
  if (name !== 'SOFTWARE_TOKEN_MFA') return latestCodeFor(user.username);
  if (!user.secret) throw new Error('this user has no authenticator');
  return authenticatorCode(user.secret);
}

const FLOWS: Flow[] = ['USER_SRP_AUTH', 'USER_PASSWORD_AUTH'];

describe('cognito adapter: second factors at sign-in', () => {
  beforeEach(configurePoolsForMfa);

  it.each(FLOWS)('%s: SMS_MFA with the code the pool sent, then signed in', async (flow) => {
    const user = await createMfaUser(['SMS_MFA']);
    const { adapter, storage } = newAdapter({ flow });

    const { handle, challenge } = expectChallenge(await adapter.signIn(user.username, PASSWORD), 'SMS_MFA');
    expect(challenge).toEqual({ name: 'SMS_MFA', destination: MASKED_PHONE });
    expect(handle.username).toBe(user.username);
    expect(handle.session.length).toBeGreaterThanOrEqual(20);
    expect(tokenKeys(storage)).toEqual([]);

    const result = await adapter.answerMfaCode(handle, 'SMS_MFA', await latestCodeFor(user.username));
    expect(result).toMatchObject({ kind: 'signedIn', user: { username: user.username, attributes: { email: user.email } } });
    expect(storedToken(storage, user.username, 'refreshToken')).toBeTruthy();
    expect(await adapter.currentSession()).toMatchObject({ username: user.username });
  });

  it.each(FLOWS)('%s: EMAIL_OTP stores no token before the answer, and the tokens after it', async (flow) => {
    const user = await createMfaUser(['EMAIL_OTP']);
    const { adapter, storage } = newAdapter({ flow });

    const { handle, challenge } = expectChallenge(await adapter.signIn(user.username, PASSWORD), 'EMAIL_OTP');
    expect(challenge).toEqual({ name: 'EMAIL_OTP', destination: expect.stringMatching(/^a\*+@e\*+$/) });
    expect(challenge.destination).not.toContain(user.username);
    expect(handle.username).toBe(user.username);
    expect(tokenKeys(storage)).toEqual([]);
    expect(await adapter.currentSession()).toBeNull();

    const result = await adapter.answerMfaCode(handle, 'EMAIL_OTP', await latestCodeFor(user.username));
    expect(result).toMatchObject({ kind: 'signedIn', user: { username: user.username, attributes: { email: user.email } } });
    expect(storedToken(storage, user.username, 'idToken')).toBeTruthy();
    expect(storedToken(storage, user.username, 'accessToken')).toBeTruthy();
    expect(storedToken(storage, user.username, 'refreshToken')).toBeTruthy();
    expect(storage.getItem(`CognitoIdentityServiceProvider.${APP_CLIENT}.LastAuthUser`)).toBe(user.username);
    expect(await adapter.currentSession()).toEqual(result.kind === 'signedIn' ? result.user : null);
  });

  it.each(FLOWS)('%s: SOFTWARE_TOKEN_MFA with the authenticator’s code', async (flow) => {
    const user = await createAuthenticatorUser();
    const { adapter, storage } = newAdapter({ flow });

    const { handle, challenge } = expectChallenge(await adapter.signIn(user.username, PASSWORD), 'SOFTWARE_TOKEN_MFA');
    expect(challenge).toEqual({ name: 'SOFTWARE_TOKEN_MFA' });
    expect(tokenKeys(storage)).toEqual([]);

    expect(await adapter.answerMfaCode(handle, 'SOFTWARE_TOKEN_MFA', authenticatorCode(user.secret))).toMatchObject({
      kind: 'signedIn',
      user: { username: user.username },
    });
    expect(storedToken(storage, user.username, 'refreshToken')).toBeTruthy();
  });

  it.each<MfaCodeChallengeName>(['SMS_MFA', 'EMAIL_OTP', 'SOFTWARE_TOKEN_MFA'])(
    '%s: a wrong code is refused and the challenge still takes the right one',
    async (name) => {
      const user = name === 'SOFTWARE_TOKEN_MFA' ? await createAuthenticatorUser() : await createMfaUser([name]);
      const { adapter, storage } = newAdapter();
      const { handle } = expectChallenge(await adapter.signIn(user.username, PASSWORD), name);
      const code = await codeFor(name, user);

      await expect(adapter.answerMfaCode(handle, name, wrongCode(code))).rejects.toMatchObject({
        code: 'CodeMismatchException',
        message: 'Invalid code or auth state for the user.',
      });
      expect(tokenKeys(storage)).toEqual([]);
      expect(await adapter.answerMfaCode(handle, name, code)).toMatchObject({ kind: 'signedIn' });
    },
  );

  it.each<MfaMethod>(['SMS_MFA', 'EMAIL_OTP', 'SOFTWARE_TOKEN_MFA'])(
    'SELECT_MFA_TYPE: choosing %s leads to its challenge, then signed in',
    async (method) => {
      const user = await createConfirmedUser({ phone_number: PHONE, phone_number_verified: 'true' });
      const setup = newAdapter();
      await setup.adapter.signIn(user.username, PASSWORD);
      // Three methods on, none preferred: Cognito lets the user choose.
      const secret = await setUpAuthenticator(setup.adapter, { preferred: false });
      await setup.adapter.setMfaPreference({ SMS_MFA: { enabled: true }, EMAIL_OTP: { enabled: true } });
      await setup.adapter.signOut();

      const { adapter, storage } = newAdapter();
      const { handle, challenge } = expectChallenge(await adapter.signIn(user.username, PASSWORD), 'SELECT_MFA_TYPE');
      expect([...challenge.methods].sort()).toEqual(['EMAIL_OTP', 'SMS_MFA', 'SOFTWARE_TOKEN_MFA']);
      const selectSession = handle.session;

      const chosen = await adapter.chooseMfaMethod(handle, method);
      const next = expectChallenge(chosen, method);
      expect(next.handle.username).toBe(user.username);
      expect(next.handle.session).not.toBe(selectSession);
      expect(tokenKeys(storage)).toEqual([]);

      const code = await codeFor(method, { ...user, secret });
      expect(await adapter.answerMfaCode(next.handle, method, code)).toMatchObject({
        kind: 'signedIn',
        user: { username: user.username },
      });
      expect(storedToken(storage, user.username, 'refreshToken')).toBeTruthy();
    },
  );

  it('SMS_MFA after NEW_PASSWORD_REQUIRED', async () => {
    const user = await createUserWithTemporaryPassword({ name: 'New With Phone', phone_number: PHONE, phone_number_verified: 'true' });
    await admin.send(
      new AdminSetUserMFAPreferenceCommand({ UserPoolId: POOL_ID, Username: user.username, SMSMfaSettings: { Enabled: true } }),
    );
    const { adapter } = newAdapter();
    const { handle } = expectChallenge(await adapter.signIn(user.username, TEMPORARY_PASSWORD), 'NEW_PASSWORD_REQUIRED');

    const next = expectChallenge(await adapter.completeNewPassword(handle, NEW_PASSWORD, {}), 'SMS_MFA');
    expect(next.challenge.destination).toBe(MASKED_PHONE);
    expect(await adapter.answerMfaCode(next.handle, 'SMS_MFA', await latestCodeFor(user.username))).toMatchObject({
      kind: 'signedIn',
    });
  });

  it('EMAIL_OTP after NEW_PASSWORD_REQUIRED, with no token stored until the code is answered', async () => {
    const user = await createUserWithTemporaryPassword({ name: 'New With Email' });
    await admin.send(
      new AdminSetUserMFAPreferenceCommand({ UserPoolId: POOL_ID, Username: user.username, EmailMfaSettings: { Enabled: true } }),
    );
    const { adapter, storage } = newAdapter();
    const { handle } = expectChallenge(await adapter.signIn(user.username, TEMPORARY_PASSWORD), 'NEW_PASSWORD_REQUIRED');

    const next = expectChallenge(await adapter.completeNewPassword(handle, NEW_PASSWORD, {}), 'EMAIL_OTP');
    expect(tokenKeys(storage)).toEqual([]);
    expect(await adapter.answerMfaCode(next.handle, 'EMAIL_OTP', await latestCodeFor(user.username))).toMatchObject({
      kind: 'signedIn',
    });
    expect(storedToken(storage, user.username, 'refreshToken')).toBeTruthy();
  });

  it.each(FLOWS.flatMap((flow) => (['SMS_MFA', 'EMAIL_OTP'] as const).map((name) => ({ flow, name }))))(
    '$flow, $name: a username typed in other letter case still finishes as the pool’s user',
    async ({ flow, name }) => {
      const user = await createMfaUser([name]);
      const { adapter } = newAdapter({ flow });
      const { handle } = expectChallenge(await adapter.signIn(user.username.toUpperCase(), PASSWORD), name);
      expect(await adapter.answerMfaCode(handle, name, await latestCodeFor(user.username))).toMatchObject({
        kind: 'signedIn',
        user: { username: user.username },
      });
      expect(await adapter.currentSession()).toMatchObject({ username: user.username });
    },
  );

  it('a session from EMAIL_OTP (stored by the adapter itself) refreshes and revokes like any other', async () => {
    const user = await createMfaUser(['EMAIL_OTP']);
    const { adapter, storage } = newAdapter();
    const { handle } = expectChallenge(await adapter.signIn(user.username, PASSWORD), 'EMAIL_OTP');
    await adapter.answerMfaCode(handle, 'EMAIL_OTP', await latestCodeFor(user.username));
    const refreshToken = storedToken(storage, user.username, 'refreshToken');

    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2 * 3600_000 });
    expect(await adapter.currentSession()).toMatchObject({ username: user.username, attributes: { email: user.email } });
    vi.useRealTimers();

    await adapter.signOut();
    expect(tokenKeys(storage).filter((key) => key.endsWith('Token'))).toEqual([]);
    const refresh = await callPool('InitiateAuth', {
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: APP_CLIENT,
      AuthParameters: { REFRESH_TOKEN: refreshToken },
    });
    expect(refresh.body.__type).toBe('NotAuthorizedException');
  });

  it('MFA_SETUP after NEW_PASSWORD_REQUIRED: associate, verify (a wrong code first), signed in', async () => {
    const user = await createUserWithTemporaryPassword({ name: 'Must Set Up' }, MFA_POOL_ID);
    const { adapter, storage } = newAdapter({ pool: 'mfaRequired' });
    const { handle } = expectChallenge(await adapter.signIn(user.username, TEMPORARY_PASSWORD), 'NEW_PASSWORD_REQUIRED');

    const setup = expectChallenge(await adapter.completeNewPassword(handle, NEW_PASSWORD, {}), 'MFA_SETUP');
    expect(setup.challenge).toEqual({ name: 'MFA_SETUP', methods: ['SOFTWARE_TOKEN_MFA'] });

    const setupSession = setup.handle.session;
    const associated = await adapter.associateAuthenticator(setup.handle);
    expect(associated.secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(associated.handle.session).not.toBe(setupSession);
    expect(tokenKeys(storage)).toEqual([]);

    const code = authenticatorCode(associated.secret);
    await expect(adapter.verifyAuthenticator(associated.handle, wrongCode(code), 'Test phone')).rejects.toMatchObject({
      code: 'EnableSoftwareTokenMFAException',
    });
    expect(await adapter.verifyAuthenticator(associated.handle, code, 'Test phone')).toMatchObject({
      kind: 'signedIn',
      user: { username: user.username },
    });
    expect(storedToken(storage, user.username, 'refreshToken', MFA_APP_CLIENT)).toBeTruthy();

    // Set up during sign-in, the authenticator is what the next sign-in asks for.
    const later = newAdapter({ pool: 'mfaRequired' }).adapter;
    const next = expectChallenge(await later.signIn(user.username, NEW_PASSWORD), 'SOFTWARE_TOKEN_MFA');
    expect(await later.answerMfaCode(next.handle, 'SOFTWARE_TOKEN_MFA', authenticatorCode(associated.secret))).toMatchObject({
      kind: 'signedIn',
    });
  });
});

describe('cognito adapter: resuming a second factor after a reload', () => {
  beforeEach(configurePoolsForMfa);

  it.each<'SMS_MFA' | 'EMAIL_OTP'>(['SMS_MFA', 'EMAIL_OTP'])('%s: answered from the saved username and Session', async (name) => {
    const user = await createMfaUser([name]);
    const { handle } = expectChallenge(await newAdapter().adapter.signIn(user.username, PASSWORD), name);
    const saved = { username: handle.username, session: handle.session };

    const { adapter, storage } = newAdapter(); // a fresh page: nothing in memory
    const resumed = adapter.resumeChallenge(saved);
    expect(resumed).toMatchObject(saved);
    expect(await adapter.answerMfaCode(resumed, name, await latestCodeFor(user.username))).toMatchObject({
      kind: 'signedIn',
      user: { username: user.username },
    });
    expect(storedToken(storage, user.username, 'refreshToken')).toBeTruthy();
  });

  it.each<MfaCodeChallengeName>(['SMS_MFA', 'EMAIL_OTP', 'SOFTWARE_TOKEN_MFA'])(
    '%s: answered with a plain { username, session } handle, as the on-demand adapter passes after a reload',
    async (name) => {
      const user = name === 'SOFTWARE_TOKEN_MFA' ? await createAuthenticatorUser() : await createMfaUser([name]);
      const { handle } = expectChallenge(await newAdapter().adapter.signIn(user.username, PASSWORD), name);
      const plain: ChallengeHandle = { username: handle.username, session: handle.session };

      const { adapter } = newAdapter();
      expect(await adapter.answerMfaCode(plain, name, await codeFor(name, user))).toMatchObject({
        kind: 'signedIn',
        user: { username: user.username },
      });
    },
  );

  it('SELECT_MFA_TYPE: chosen after the reload, then answered', async () => {
    const user = await createMfaUser(['SMS_MFA', 'EMAIL_OTP']);
    const { handle } = expectChallenge(await newAdapter().adapter.signIn(user.username, PASSWORD), 'SELECT_MFA_TYPE');

    const { adapter } = newAdapter();
    const resumed = adapter.resumeChallenge({ username: handle.username, session: handle.session });
    const next = expectChallenge(await adapter.chooseMfaMethod(resumed, 'EMAIL_OTP'), 'EMAIL_OTP');
    expect(await adapter.answerMfaCode(next.handle, 'EMAIL_OTP', await latestCodeFor(user.username))).toMatchObject({
      kind: 'signedIn',
    });
  });

  it('MFA_SETUP: a reload forgets the key, so a new one is asked for with the saved Session', async () => {
    const user = await createUserWithTemporaryPassword({ name: 'Reloads' }, MFA_POOL_ID);
    const before = newAdapter({ pool: 'mfaRequired' }).adapter;
    const { handle } = expectChallenge(await before.signIn(user.username, TEMPORARY_PASSWORD), 'NEW_PASSWORD_REQUIRED');
    const setup = expectChallenge(await before.completeNewPassword(handle, NEW_PASSWORD, {}), 'MFA_SETUP');
    const first = await before.associateAuthenticator(setup.handle);

    const { adapter } = newAdapter({ pool: 'mfaRequired' });
    const resumed = adapter.resumeChallenge({ username: first.handle.username, session: first.handle.session });
    const second = await adapter.associateAuthenticator(resumed);
    expect(second.secret).not.toBe(first.secret);
    expect(await adapter.verifyAuthenticator(second.handle, authenticatorCode(second.secret), 'Test phone')).toMatchObject({
      kind: 'signedIn',
    });
  });

  it.each<'SMS_MFA' | 'EMAIL_OTP'>(['SMS_MFA', 'EMAIL_OTP'])('%s: an expired Session is reported with Cognito’s message', async (name) => {
    const user = await createMfaUser([name]);
    const { adapter } = newAdapter();
    const { handle } = expectChallenge(await adapter.signIn(user.username, PASSWORD), name);
    const code = await latestCodeFor(user.username);
    try {
      await advancePoolClock(3 * 60 + 1);
      await expect(adapter.answerMfaCode(handle, name, code)).rejects.toMatchObject({
        code: 'NotAuthorizedException',
        message: 'Invalid session for the user, session is expired.',
      });
    } finally {
      await resetPool();
    }
  });
});

describe('cognito adapter: account settings', () => {
  beforeEach(configurePoolsForMfa);

  async function signedIn(attributes: Record<string, string> = {}) {
    const user = await createConfirmedUser(attributes);
    const { adapter, storage } = newAdapter();
    expect(await adapter.signIn(user.username, PASSWORD)).toMatchObject({ kind: 'signedIn' });
    return { user, adapter, storage };
  }

  it('reads the account: attributes as the pool has them, and no second factor yet', async () => {
    const { user, adapter } = await signedIn({ phone_number: PHONE, phone_number_verified: 'false' });
    expect(await adapter.getAccountDetails()).toEqual({
      attributes: expect.objectContaining({
        email: user.email,
        email_verified: 'true',
        phone_number: PHONE,
        phone_number_verified: 'false',
        name: 'App Test',
        sub: expect.any(String),
      }),
      mfa: { enabled: [], preferred: null },
    });
  });

  it('turns email codes on as the preferred method, and off again', async () => {
    const { user, adapter } = await signedIn();
    await adapter.setMfaPreference({ EMAIL_OTP: { enabled: true, preferred: true } });
    expect((await adapter.getAccountDetails()).mfa).toEqual({ enabled: ['EMAIL_OTP'], preferred: 'EMAIL_OTP' });
    expectChallenge(await newAdapter().adapter.signIn(user.username, PASSWORD), 'EMAIL_OTP');

    await adapter.setMfaPreference({ EMAIL_OTP: { enabled: false } });
    expect((await adapter.getAccountDetails()).mfa).toEqual({ enabled: [], preferred: null });
    expect(await newAdapter().adapter.signIn(user.username, PASSWORD)).toMatchObject({ kind: 'signedIn' });
  });

  it('turns SMS codes on, and prefers one method over another', async () => {
    const { adapter } = await signedIn({ phone_number: PHONE, phone_number_verified: 'true' });
    await adapter.setMfaPreference({ SMS_MFA: { enabled: true, preferred: true }, EMAIL_OTP: { enabled: true } });
    expect((await adapter.getAccountDetails()).mfa).toEqual({
      enabled: expect.arrayContaining(['SMS_MFA', 'EMAIL_OTP']),
      preferred: 'SMS_MFA',
    });
    await adapter.setMfaPreference({ EMAIL_OTP: { enabled: true, preferred: true } });
    expect((await adapter.getAccountDetails()).mfa.preferred).toBe('EMAIL_OTP');
  });

  it('refuses a method the user cannot receive', async () => {
    const { adapter } = await signedIn();
    await expect(adapter.setMfaPreference({ SMS_MFA: { enabled: true } })).rejects.toMatchObject({
      code: 'InvalidParameterException',
      message: expect.stringMatching(/^User does not have delivery config set to turn on SMS_MFA/),
    });
    await expect(adapter.setMfaPreference({ SOFTWARE_TOKEN_MFA: { enabled: true } })).rejects.toMatchObject({
      code: 'InvalidParameterException',
      message: expect.stringMatching(/^User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA/),
    });
  });

  it('sets up an authenticator: a wrong code is refused, the right one verifies it without turning it on', async () => {
    const { user, adapter } = await signedIn();
    const { secret } = await adapter.startAuthenticatorSetup();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

    const code = authenticatorCode(secret);
    await expect(adapter.confirmAuthenticatorSetup(wrongCode(code), 'Test phone')).rejects.toMatchObject({
      code: 'EnableSoftwareTokenMFAException',
    });
    await adapter.confirmAuthenticatorSetup(code, 'Test phone');
    // Verified is not on: sign-in still needs no code until the preference says so.
    expect((await adapter.getAccountDetails()).mfa).toEqual({ enabled: [], preferred: null });
    expect(await newAdapter().adapter.signIn(user.username, PASSWORD)).toMatchObject({ kind: 'signedIn' });

    await adapter.setMfaPreference({ SOFTWARE_TOKEN_MFA: { enabled: true, preferred: true } });
    expect((await adapter.getAccountDetails()).mfa).toEqual({ enabled: ['SOFTWARE_TOKEN_MFA'], preferred: 'SOFTWARE_TOKEN_MFA' });
    const later = newAdapter().adapter;
    const { handle } = expectChallenge(await later.signIn(user.username, PASSWORD), 'SOFTWARE_TOKEN_MFA');
    expect(await later.answerMfaCode(handle, 'SOFTWARE_TOKEN_MFA', authenticatorCode(secret))).toMatchObject({ kind: 'signedIn' });
  });

  interface VerificationCase {
    attribute: VerifiableAttribute;
    medium: 'EMAIL' | 'SMS';
    destination: RegExp;
    attributes: Record<string, string>;
  }
  it.each<VerificationCase>([
    { attribute: 'email', medium: 'EMAIL', destination: /^a\*+@e\*+$/, attributes: { email_verified: 'false' } },
    {
      attribute: 'phone_number',
      medium: 'SMS',
      destination: /^\+\*+0177$/,
      attributes: { phone_number: PHONE, phone_number_verified: 'false' },
    },
  ])('verifies the $attribute: code sent, a wrong one refused, the right one accepted', async (verification) => {
    const { attribute, medium, destination, attributes } = verification;
    const { user, adapter } = await signedIn(attributes);
    expect(await adapter.sendAttributeVerificationCode(attribute)).toEqual({
      destination: expect.stringMatching(destination),
      medium,
      attributeName: attribute,
    });
    const code = await latestCodeFor(user.username);

    await expect(adapter.verifyAttribute(attribute, wrongCode(code))).rejects.toMatchObject({ code: 'CodeMismatchException' });
    expect((await adapter.getAccountDetails()).attributes[`${attribute}_verified`]).toBe('false');

    await adapter.verifyAttribute(attribute, code);
    expect((await adapter.getAccountDetails()).attributes[`${attribute}_verified`]).toBe('true');
  });

  it('refreshes expired tokens before an account call', async () => {
    const { user, adapter, storage } = await signedIn();
    const firstAccessToken = storedToken(storage, user.username, 'accessToken');
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2 * 3600_000 });

    await adapter.setMfaPreference({ EMAIL_OTP: { enabled: true } });
    expect((await adapter.getAccountDetails()).mfa.enabled).toEqual(['EMAIL_OTP']);
    expect(storedToken(storage, user.username, 'accessToken')).not.toBe(firstAccessToken);
  });

  it('refuses every account call without a session', async () => {
    const { adapter } = newAdapter();
    await expect(adapter.getAccountDetails()).rejects.toMatchObject({ code: 'NoSession' });
    await expect(adapter.setMfaPreference({ EMAIL_OTP: { enabled: true } })).rejects.toMatchObject({ code: 'NoSession' });
    await expect(adapter.startAuthenticatorSetup()).rejects.toMatchObject({ code: 'NoSession' });
    await expect(adapter.confirmAuthenticatorSetup('123456', 'Test phone')).rejects.toMatchObject({ code: 'NoSession' });
    await expect(adapter.sendAttributeVerificationCode('email')).rejects.toMatchObject({ code: 'NoSession' });
    await expect(adapter.verifyAttribute('email', '123456')).rejects.toMatchObject({ code: 'NoSession' });
  });
});

/**
 * An app client with refresh-token rotation (emulator/seed.json's local-demo-rotating: grace period 60 s, no
 * ALLOW_REFRESH_TOKEN_AUTH). docs/cognito-behaviour.md §4.21.
 */
describe('cognito adapter on a client with refresh-token rotation', () => {
  const ROTATING_CLIENT = 'localdemorotatingclient001';
  const TWO_HOURS_LATER = () => Date.now() + 2 * 3600_000;

  function rotatingAdapter(refreshTokenRotation: boolean) {
    const storage = createMemoryStorage();
    const adapter = createCognitoAdapter(
      {
        userPoolId: POOL_ID,
        userPoolClientId: ROTATING_CLIENT,
        endpoint,
        authenticationFlowType: 'USER_PASSWORD_AUTH',
        tokenStorage: 'localStorage',
        refreshTokenRotation,
      },
      { storage },
    );
    return { adapter, storage };
  }

  /** The X-Amz-Target operations this page sends from now on. */
  function recordOperations(): () => string[] {
    const realFetch = globalThis.fetch;
    const operations: string[] = [];
    vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      const target = new Headers(init?.headers).get('X-Amz-Target') ?? '';
      operations.push(target.split('.').pop() ?? '');
      return realFetch(input, init);
    });
    return () => operations;
  }

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('keeps the user signed in: refreshes with GetTokensFromRefreshToken and stores the rotated refresh token', async () => {
    const user = await createConfirmedUser();
    const { adapter, storage } = rotatingAdapter(true);
    await adapter.signIn(user.username, PASSWORD);
    const firstRefreshToken = storedToken(storage, user.username, 'refreshToken', ROTATING_CLIENT);
    const firstAccessToken = storedToken(storage, user.username, 'accessToken', ROTATING_CLIENT);

    vi.useFakeTimers({ toFake: ['Date'], now: TWO_HOURS_LATER() });
    const operations = recordOperations();
    expect(await adapter.currentSession()).toMatchObject({ username: user.username, attributes: { email: user.email } });

    expect(operations()).toEqual(['GetTokensFromRefreshToken']);
    const secondRefreshToken = storedToken(storage, user.username, 'refreshToken', ROTATING_CLIENT);
    expect(secondRefreshToken).toBeTruthy();
    expect(secondRefreshToken).not.toBe(firstRefreshToken);
    expect(storedToken(storage, user.username, 'accessToken', ROTATING_CLIENT)).not.toBe(firstAccessToken);

    // The token it replaced is spent once the grace period is over; the stored one renews again.
    await advancePoolClock(61);
    const reuse = await callPool('GetTokensFromRefreshToken', { ClientId: ROTATING_CLIENT, RefreshToken: firstRefreshToken });
    expect(reuse.body.__type).toBe('RefreshTokenReuseException');
    vi.setSystemTime(Date.now() + 2 * 3600_000);
    expect(await adapter.getAccountDetails()).toMatchObject({ attributes: { email: user.email } });
    expect(storedToken(storage, user.username, 'refreshToken', ROTATING_CLIENT)).not.toBe(secondRefreshToken);
    await resetPool();
  });

  it('sends one refresh for calls that find the tokens expired at the same time', async () => {
    const user = await createConfirmedUser();
    const { adapter } = rotatingAdapter(true);
    await adapter.signIn(user.username, PASSWORD);

    vi.useFakeTimers({ toFake: ['Date'], now: TWO_HOURS_LATER() });
    const operations = recordOperations();
    const [session, details] = await Promise.all([adapter.currentSession(), adapter.getAccountDetails()]);

    expect(session).toMatchObject({ username: user.username });
    expect(details.attributes.email).toBe(user.email);
    expect(operations().filter((operation) => operation === 'GetTokensFromRefreshToken')).toHaveLength(1);
  });

  it('ends the session when the refresh token was rotated out elsewhere (RefreshTokenReuseException)', async () => {
    const user = await createConfirmedUser();
    const { adapter, storage } = rotatingAdapter(true);
    await adapter.signIn(user.username, PASSWORD);
    const refreshToken = storedToken(storage, user.username, 'refreshToken', ROTATING_CLIENT);
    // Another copy of the token renews first, and the grace period passes.
    expect((await callPool('GetTokensFromRefreshToken', { ClientId: ROTATING_CLIENT, RefreshToken: refreshToken })).status).toBe(200);
    await advancePoolClock(61);

    vi.useFakeTimers({ toFake: ['Date'], now: TWO_HOURS_LATER() });
    const operations = recordOperations();
    expect(await adapter.currentSession()).toBeNull();
    // Not a failure that may pass: one request, no retries, and the stored tokens are gone.
    expect(operations()).toEqual(['GetTokensFromRefreshToken']);
    expect(storedToken(storage, user.username, 'refreshToken', ROTATING_CLIENT)).toBeNull();
    await resetPool();
  });

  it('without refreshTokenRotation, CIJ’s REFRESH_TOKEN_AUTH is refused and the user is signed out: the setting is needed', async () => {
    const user = await createConfirmedUser();
    const { adapter } = rotatingAdapter(false);
    await adapter.signIn(user.username, PASSWORD);

    vi.useFakeTimers({ toFake: ['Date'], now: TWO_HOURS_LATER() });
    const operations = recordOperations();
    expect(await adapter.currentSession()).toBeNull();
    expect(operations()).toEqual(['InitiateAuth']);
  });
});
