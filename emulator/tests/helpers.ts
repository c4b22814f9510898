import { CognitoIdentityProviderClient, type CognitoIdentityProviderServiceException } from '@aws-sdk/client-cognito-identity-provider';
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  type CognitoUserSession,
  type ICognitoStorage,
} from 'amazon-cognito-identity-js';
import { readFileSync } from 'node:fs';
import { afterAll, beforeEach, vi } from 'vitest';
import { Secret, TOTP } from 'otpauth';
import type { SeedInput } from '../seed-schema';
import type { OutboxMessage } from '../store';
import { DEFAULT_SEED_PATH, startEmulator, type EmulatorOptions, type RunningEmulator } from '../server';

/** Shared test plumbing: a server per test file, real clients pointed at it, raw HTTP for the wire details. */

// Real clients over real HTTP: the client-side SRP arithmetic of amazon-cognito-identity-js alone can take a
// second per sign-in on a busy two-core machine, so these tests get more room than vitest's 5 s default.
vi.setConfig({ testTimeout: 20_000, hookTimeout: 30_000 });

export const POOL_ID = 'us-east-1_LocalDemo';
export const APP_CLIENT = 'localdemoappclient00000001';
export const LEGACY_CLIENT = 'localdemolegacyclient00001';
export const SECRET_CLIENT = 'localdemosecretclient00001';
export const SECRET_CLIENT_SECRET = 'localdemo0secret0client0secret0not0for0production01';
export const DEMO_PASSWORD = 'Demo-Passw0rd!';
export const NEW_USER_TEMP_PASSWORD = 'Temp-Passw0rd1!';
export const RESET_USER_OLD_PASSWORD = 'Old-Passw0rd1!';
/** The seed's second pool: MFA required, authenticator apps only (docs/cognito-behaviour.md, MFA). */
export const MFA_POOL_ID = 'us-east-1_LocalMfa';
export const MFA_APP_CLIENT = 'localmfaappclient000000001';
/** The authenticator secret of the seed's totp.user and choose.user (README prints it too). */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/**
 * Starts one emulator on a random port for the test file, resets it to the seed before every test (unless the
 * tests run concurrently and keep to their own users) and closes it after the file.
 */
export function useEmulator(
  options: Omit<EmulatorOptions, 'port'> & { resetBeforeEach?: boolean } = {},
): { readonly current: RunningEmulator } {
  const { resetBeforeEach = true, ...emulatorOptions } = options;
  const holder: { current?: RunningEmulator } = {};
  const started = startEmulator({ ...emulatorOptions, port: 0 }).then((emulator) => {
    holder.current = emulator;
    return emulator;
  });
  beforeEach(async () => {
    const emulator = await started;
    if (resetBeforeEach) emulator.reset();
  });
  afterAll(async () => {
    await (await started).close();
  });
  return {
    get current(): RunningEmulator {
      if (!holder.current) throw new Error('the emulator has not started yet');
      return holder.current;
    },
  };
}

/** Each pool gets its own storage so cached sessions of one test never leak into another. */
class MemoryStorage implements ICognitoStorage {
  private readonly items = new Map<string, string>();
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  clear(): void {
    this.items.clear();
  }
}

export function cognitoUser(url: string, username: string, clientId = APP_CLIENT, poolId = POOL_ID): CognitoUser {
  const pool = new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint: url, Storage: new MemoryStorage() });
  return new CognitoUser({ Username: username, Pool: pool, Storage: new MemoryStorage() });
}

/** The error amazon-cognito-identity-js reports: `code` is the `__type`. */
export interface CognitoClientError {
  code: string;
  message: string;
}

export type SignInOutcome =
  | { kind: 'signedIn'; session: CognitoUserSession; user: CognitoUser }
  | { kind: 'newPasswordRequired'; userAttributes: Record<string, string>; requiredAttributes: string[]; user: CognitoUser }
  | { kind: 'failed'; error: CognitoClientError; user: CognitoUser }
  /** An MFA challenge, through the callback amazon-cognito-identity-js calls for it. */
  | { kind: MfaCallback; challengeName: string; parameters: Record<string, string>; user: CognitoUser };

export type MfaCallback = 'mfaRequired' | 'totpRequired' | 'selectMFAType' | 'mfaSetup';

/** Every callback of authenticateUser and its follow-ups, each settling the outcome. */
function outcomeCallbacks(user: CognitoUser, resolve: (outcome: SignInOutcome) => void) {
  const mfa = (kind: MfaCallback) => (challengeName: string, parameters: Record<string, string>) =>
    resolve({ kind, challengeName, parameters, user });
  return {
    onSuccess: (session: CognitoUserSession) => resolve({ kind: 'signedIn', session, user }),
    onFailure: (error: CognitoClientError) => resolve({ kind: 'failed', error, user }),
    newPasswordRequired: (userAttributes: Record<string, string>, requiredAttributes: string[]) =>
      resolve({ kind: 'newPasswordRequired', userAttributes, requiredAttributes, user }),
    mfaRequired: mfa('mfaRequired'),
    totpRequired: mfa('totpRequired'),
    selectMFAType: mfa('selectMFAType'),
    mfaSetup: mfa('mfaSetup'),
  };
}

/** authenticateUser with the library's default flow (USER_SRP_AUTH) or USER_PASSWORD_AUTH. */
export function signIn(
  url: string,
  username: string,
  password: string,
  options: { clientId?: string; poolId?: string; flow?: 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH' } = {},
): Promise<SignInOutcome> {
  const user = cognitoUser(url, username, options.clientId, options.poolId);
  if (options.flow) user.setAuthenticationFlowType(options.flow);
  return new Promise((resolve) => {
    user.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), outcomeCallbacks(user, resolve));
  });
}

export function completeNewPassword(
  user: CognitoUser,
  newPassword: string,
  attributes: Record<string, string>,
): Promise<SignInOutcome> {
  return new Promise((resolve) => {
    user.completeNewPasswordChallenge(newPassword, attributes, outcomeCallbacks(user, resolve));
  });
}

/** sendMFACode: the SMS_MFA code, or with 'SOFTWARE_TOKEN_MFA' the authenticator's. */
export function sendMfaCode(user: CognitoUser, code: string, mfaType?: 'SOFTWARE_TOKEN_MFA'): Promise<SignInOutcome> {
  return new Promise((resolve) => {
    user.sendMFACode(code, outcomeCallbacks(user, resolve), mfaType);
  });
}

/** sendMFASelectionAnswer: settles with the chosen factor's callback (or a failure). */
export function sendMfaSelection(user: CognitoUser, answer: 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA'): Promise<SignInOutcome> {
  return new Promise((resolve) => {
    user.sendMFASelectionAnswer(answer, outcomeCallbacks(user, resolve));
  });
}

/**
 * A pool clock that stands still (10 s into a 30-second TOTP step, near real time) until a test moves it: an
 * authenticator code computed in a test stays the pool's current one however slow the machine is, so tests of
 * code windows and reuse never straddle a step boundary.
 */
export function frozenClockBase(): () => number {
  const frozen = Math.floor(Date.now() / 30_000) * 30_000 + 10_000;
  return () => frozen;
}

/**
 * The code an authenticator app shows for `secret` at the pool's time now (plus `offsetSeconds`): otpauth's
 * defaults are an authenticator app's (RFC 6238, SHA-1, 6 digits, 30 s), computed apart from the pool's own check.
 */
export function authenticatorCode(emulator: RunningEmulator, secret: string, offsetSeconds = 0): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: emulator.clock.now() + offsetSeconds * 1000 });
}

/**
 * A signed-in amazon-cognito-identity-js user. USER_PASSWORD_AUTH by default: the SRP flow has its own tests and
 * costs the client a few hundred milliseconds of big-integer arithmetic per sign-in.
 */
export async function signedIn(url: string, username: string, password: string, clientId = APP_CLIENT) {
  const outcome = await signIn(url, username, password, { clientId, flow: 'USER_PASSWORD_AUTH' });
  if (outcome.kind !== 'signedIn') throw new Error(`expected ${username} to sign in, got ${JSON.stringify(outcome)}`);
  return outcome;
}

/** Turns a Node-style callback API into a promise of `{ error } | { result }`. */
export function settle<T>(call: (callback: (error: unknown, result?: T) => void) => void): Promise<{ error?: CognitoClientError; result?: T }> {
  return new Promise((resolve) => {
    call((error, result) => resolve(error ? { error: error as CognitoClientError } : { result }));
  });
}

export function adminClient(url: string): CognitoIdentityProviderClient {
  // The SDK's notice about future Node versions is noise in test output.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  return new CognitoIdentityProviderClient({
    region: 'us-east-1',
    endpoint: url,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
}

export interface RawResponse {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
  text: string;
}

/** One JSON 1.1 call, unsigned unless headers say otherwise. */
export async function call(
  url: string,
  operation: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  const response = await fetch(`${url}/`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`,
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, text };
}

/** A SigV4-shaped header: the emulator checks the shape, not the signature. */
export const SIGNED = {
  Authorization:
    'AWS4-HMAC-SHA256 Credential=local/20261122/us-east-1/cognito-idp/aws4_request, SignedHeaders=host;x-amz-date, Signature=00',
  'X-Amz-Date': '20261122T000000Z',
};

/**
 * The service error the AWS SDK threw (or Amplify, whose AuthError has the same `name` and `message`), as
 * `{ name, message }`; fails when the call succeeded.
 */
export async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    const serviceError = error as CognitoIdentityProviderServiceException;
    return { name: serviceError.name, message: serviceError.message };
  }
  throw new Error('expected the call to fail');
}

/** A code of the same shape that is certainly not `code`. */
export function otherCode(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, '0');
}

export function expectError(response: RawResponse): { type: string; message: string } {
  return { type: String(response.body.__type), message: String(response.body.message) };
}

export async function outbox(url: string): Promise<OutboxMessage[]> {
  const response = await fetch(`${url}/_emulator/outbox`);
  return ((await response.json()) as { messages: OutboxMessage[] }).messages;
}

export async function latestCode(url: string, username: string): Promise<string> {
  const messages = (await outbox(url)).filter((message) => message.username === username && message.code);
  const latest = messages.at(-1);
  if (!latest?.code) throw new Error(`no code in the outbox for ${username}`);
  return latest.code;
}

export async function advanceClock(url: string, seconds: number): Promise<void> {
  const response = await fetch(`${url}/_emulator/clock`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ advanceSeconds: seconds }),
  });
  if (!response.ok) throw new Error(`clock: ${response.status}`);
}

export async function passwordSignIn(url: string, username: string, password: string, clientId = APP_CLIENT) {
  return call(url, 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: clientId,
    AuthParameters: { USERNAME: username, PASSWORD: password },
  });
}

/**
 * The demo seed plus what some tests need and the demo does not have: an unconfirmed user, a client without
 * USER_PASSWORD_AUTH, a client limited in the attributes it may write, one with short token lifetimes, and one
 * without token revocation.
 */
export function extendedSeed(): SeedInput {
  const seed = JSON.parse(readFileSync(DEFAULT_SEED_PATH, 'utf8')) as SeedInput;
  const pool = seed.UserPools[0];
  pool.Users = [
    ...(pool.Users ?? []),
    {
      Username: 'unconfirmed.user',
      Password: DEMO_PASSWORD,
      UserStatus: 'UNCONFIRMED',
      Attributes: { email: 'unconfirmed.user@example.com', email_verified: 'false', name: 'Unconfirmed' },
    },
  ];
  pool.Clients = [
    ...pool.Clients,
    { ClientId: SRP_ONLY_CLIENT, ClientName: 'srp-only', ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'], PreventUserExistenceErrors: 'ENABLED' },
    {
      ClientId: LIMITED_WRITE_CLIENT,
      ClientName: 'limited-write',
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      PreventUserExistenceErrors: 'ENABLED',
      WriteAttributes: ['email', 'name'],
    },
    {
      ClientId: SHORT_TOKENS_CLIENT,
      ClientName: 'short-tokens',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      PreventUserExistenceErrors: 'ENABLED',
      AuthSessionValidity: 15,
      AccessTokenValidity: 5,
      IdTokenValidity: 10,
      RefreshTokenValidity: 60,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' },
    },
    {
      ClientId: NO_REVOCATION_CLIENT,
      ClientName: 'no-revocation',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: false,
    },
  ];
  return seed;
}

export const SRP_ONLY_CLIENT = 'localtestsrponlyclient0001';
export const NO_REVOCATION_CLIENT = 'localtestnorevocation00001';
export const LIMITED_WRITE_CLIENT = 'localtestlimitedwrite00001';
export const SHORT_TOKENS_CLIENT = 'localtestshorttokens000001';

export interface RecordedRequest {
  operation: string;
  body: Record<string, unknown>;
}

/**
 * Wraps the global fetch that amazon-cognito-identity-js uses, to record its requests and optionally rewrite
 * one before it leaves. Call `restore()` when done.
 */
export function interceptCognitoRequests(
  rewrite: (request: RecordedRequest) => Promise<Record<string, unknown> | undefined> | Record<string, unknown> | undefined = () =>
    undefined,
): { requests: RecordedRequest[]; restore(): void } {
  const original = globalThis.fetch;
  const requests: RecordedRequest[] = [];
  globalThis.fetch = async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const target = new Headers(init?.headers).get('x-amz-target') ?? '';
    if (target && typeof init?.body === 'string') {
      const request = { operation: target.split('.').pop() ?? '', body: JSON.parse(init.body) as Record<string, unknown> };
      const replaced = await rewrite(request);
      if (replaced) request.body = replaced;
      requests.push(request);
      return original(input, { ...init, body: JSON.stringify(request.body) });
    }
    return original(input, init);
  };
  return { requests, restore: () => void (globalThis.fetch = original) };
}

/** ConfirmForgotPassword with the newest code the outbox holds for the user. */
export async function confirmWithLatestCode(url: string, username: string, password: string, clientId = APP_CLIENT) {
  return call(url, 'ConfirmForgotPassword', {
    ClientId: clientId,
    Username: username,
    ConfirmationCode: await latestCode(url, username),
    Password: password,
  });
}
