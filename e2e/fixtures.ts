import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  GetUserCommand,
  InitiateAuthCommand,
  UserNotFoundException,
  VerifySoftwareTokenCommand,
  type AttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import { test as base, expect } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { TOTP } from 'otpauth';
import { E2E_EMAIL_APP_PORT, E2E_EMULATOR_PORT, E2E_MFA_APP_PORT, E2E_ROTATION_APP_PORT } from './ports';

/**
 * Fixtures for the browser tests: an administrator's client for the test pool, users made per test and
 * deleted afterwards, the emulator's outbox (where codes land instead of an inbox) and its clock.
 */

export const EMULATOR_URL = `http://127.0.0.1:${E2E_EMULATOR_PORT}`;
export const POOL_ID = 'us-east-1_LocalDemo';
/** The app client the SPA uses (e2e/config.e2e.json). */
export const APP_CLIENT_ID = 'localdemoappclient00000001';

/** The pool that requires MFA (authenticator apps only), its app client, and the app server in front of it. */
export const MFA_POOL_ID = 'us-east-1_LocalMfa';
export const MFA_APP_CLIENT_ID = 'localmfaappclient000000001';
export const MFA_APP_URL = `http://127.0.0.1:${E2E_MFA_APP_PORT}`;
/** The same build in front of the pool whose users sign in with an email address. */
export const EMAIL_APP_URL = `http://127.0.0.1:${E2E_EMAIL_APP_PORT}`;
/** The same build in front of the demo pool's app client with refresh-token rotation. */
export const ROTATION_APP_URL = `http://127.0.0.1:${E2E_ROTATION_APP_PORT}`;

/** Which pool a test user lives in. */
export type TestPool = 'demo' | 'mfaRequired';
const POOLS: Readonly<Record<TestPool, { poolId: string; clientId: string }>> = {
  demo: { poolId: POOL_ID, clientId: APP_CLIENT_ID },
  mfaRequired: { poolId: MFA_POOL_ID, clientId: MFA_APP_CLIENT_ID },
};

export function poolIdOf(pool: TestPool): string {
  return POOLS[pool].poolId;
}

/** The administrator's view of the pool, as the AWS SDK sees it. The emulator accepts any credentials. */
export function createAdminClient(): CognitoIdentityProviderClient {
  // The project runs on Node 20 (package.json engines); the SDK's notice that its releases from 2027 on will
  // need Node 22 would otherwise interrupt every worker's test output.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  return new CognitoIdentityProviderClient({
    endpoint: EMULATOR_URL,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    // A retried call would hide what the pool answered (and a throttling retry only slows the suite down).
    maxAttempts: 1,
  });
}

/** A password the pool's policy accepts (upper, lower, digit, symbol, 8+), different every call. */
export function uniquePassword(): string {
  return `Pw-${randomBytes(6).toString('hex')}-Aa1!`;
}

/** What state the administrator leaves the new user in. */
export type UserSetup =
  /** A normal user with a permanent password. */
  | 'confirmed'
  /** Created by AdminCreateUser with a temporary password (FORCE_CHANGE_PASSWORD). */
  | 'temporaryPassword'
  /** Confirmed first, then given a temporary password with AdminSetUserPassword Permanent=false. */
  | 'temporaryPasswordFromSetPassword'
  /** Confirmed, then AdminResetUserPassword (RESET_REQUIRED, a code in the outbox). */
  | 'resetByAdmin'
  /** Confirmed, then AdminDisableUser. */
  | 'disabled';

export interface MakeUserOptions {
  setup?: UserSetup;
  /** The `name` attribute; `null` leaves it unset, so the first sign-in asks for it. Default: a name. */
  name?: string | null;
  /** Whether the email address counts as verified (a reset code needs a verified contact). Default true. */
  emailVerified?: boolean;
  /** A verified phone number (E.164), for SMS codes. Default: none. */
  phoneNumber?: string;
  /** Default: the demo pool (MFA optional). */
  pool?: TestPool;
}

export interface TestUser {
  username: string;
  email: string;
  pool: TestPool;
  /** The password that signs in now: the permanent one, or the temporary one for a temporary-password user. */
  password: string;
}

export interface MakeUser {
  (options?: MakeUserOptions): Promise<TestUser>;
}

export interface OutboxMessage {
  id: string;
  poolId: string;
  username: string;
  kind: string;
  medium: 'EMAIL' | 'SMS';
  destination: string;
  code: string | null;
  temporaryPassword: string | null;
  sentAt: string;
}

export interface Outbox {
  /** Every message, oldest first. */
  all(): Promise<OutboxMessage[]>;
  /**
   * Waits for the newest message of `kind` for `username` (sent after `newerThan`, when given) and returns it.
   * Messages arrive as the pool answers, so this polls rather than reading once.
   */
  latest(username: string, kind: string, options?: { newerThan?: OutboxMessage }): Promise<OutboxMessage>;
  /** The code in the newest message, as `latest` finds it. */
  latestCode(username: string, kind: string, options?: { newerThan?: OutboxMessage }): Promise<string>;
}

export interface EmulatorClock {
  /**
   * Moves the emulator's clock forward for EVERY test using the emulator (it is one process). Only tests in the
   * `server-clock` project may call this: see playwright.config.ts.
   */
  advance(seconds: number): Promise<void>;
}

interface Fixtures {
  admin: CognitoIdentityProviderClient;
  makeUser: MakeUser;
  outbox: Outbox;
  emulatorClock: EmulatorClock;
}

function uniqueUsername(workerIndex: number): string {
  // Lower case: the pool is case-insensitive and the outbox reports the name as created.
  return `e2e.w${workerIndex}.${randomBytes(5).toString('hex')}`;
}

async function readOutbox(): Promise<OutboxMessage[]> {
  const response = await fetch(`${EMULATOR_URL}/_emulator/outbox`);
  expect(response.ok, `GET /_emulator/outbox answered ${response.status}`).toBe(true);
  const body = (await response.json()) as { messages: OutboxMessage[] };
  return body.messages;
}

function newestMatching(
  messages: readonly OutboxMessage[],
  username: string,
  kind: string,
  newerThan: OutboxMessage | undefined,
): OutboxMessage | undefined {
  const start = newerThan ? messages.findIndex((message) => message.id === newerThan.id) + 1 : 0;
  return messages
    .slice(start)
    .filter((message) => message.username === username && message.kind === kind)
    .at(-1);
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern.
  admin: async ({}, use) => {
    const client = createAdminClient();
    await use(client);
    client.destroy();
  },

  makeUser: async ({ admin }, use, testInfo) => {
    const created: { poolId: string; username: string }[] = [];

    const makeUser: MakeUser = async ({ setup = 'confirmed', name = 'Test Person', emailVerified = true, phoneNumber, pool = 'demo' } = {}) => {
      const poolId = POOLS[pool].poolId;
      const username = uniqueUsername(testInfo.workerIndex);
      const email = `${username}@example.com`;
      const temporaryPassword = uniquePassword();
      const attributes: AttributeType[] = [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: String(emailVerified) },
      ];
      if (name !== null) attributes.push({ Name: 'name', Value: name });
      if (phoneNumber) attributes.push({ Name: 'phone_number', Value: phoneNumber }, { Name: 'phone_number_verified', Value: 'true' });

      await admin.send(
        new AdminCreateUserCommand({
          UserPoolId: poolId,
          Username: username,
          TemporaryPassword: temporaryPassword,
          // The test knows the temporary password; an invitation in the outbox would only be noise.
          MessageAction: 'SUPPRESS',
          UserAttributes: attributes,
        }),
      );
      created.push({ poolId, username });
      if (setup === 'temporaryPassword') return { username, email, pool, password: temporaryPassword };

      const password = uniquePassword();
      await admin.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: username, Password: password, Permanent: true }));
      switch (setup) {
        case 'confirmed':
          return { username, email, pool, password };
        case 'temporaryPasswordFromSetPassword': {
          const newTemporary = uniquePassword();
          await admin.send(
            new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: username, Password: newTemporary, Permanent: false }),
          );
          return { username, email, pool, password: newTemporary };
        }
        case 'resetByAdmin':
          await admin.send(new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: username }));
          return { username, email, pool, password };
        case 'disabled':
          await admin.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: username }));
          return { username, email, pool, password };
      }
    };

    await use(makeUser);

    for (const { poolId, username } of created) {
      try {
        await admin.send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: username }));
      } catch (error) {
        if (!(error instanceof UserNotFoundException)) throw error;
      }
    }
  },

  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern.
  outbox: async ({}, use) => {
    const latest: Outbox['latest'] = async (username, kind, { newerThan } = {}) => {
      let found: OutboxMessage | undefined;
      await expect
        .poll(
          async () => {
            found = newestMatching(await readOutbox(), username, kind, newerThan);
            return found?.id;
          },
          { message: `a ${kind} message for ${username} in the outbox${newerThan ? ' newer than the previous one' : ''}` },
        )
        .toBeDefined();
      // The poll only passes once `found` is set.
      return found as OutboxMessage;
    };
    await use({
      all: readOutbox,
      latest,
      async latestCode(username, kind, options) {
        const message = await latest(username, kind, options);
        expect(message.code, `the ${kind} message carries a code`).toMatch(/^\d{6}$/);
        return message.code as string;
      },
    });
  },

  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern.
  emulatorClock: async ({}, use, testInfo) => {
    await use({
      async advance(seconds) {
        expect(testInfo.project.name, 'only the server-clock project may move the shared emulator clock').toBe('server-clock');
        const response = await fetch(`${EMULATOR_URL}/_emulator/clock`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ advanceSeconds: seconds }),
        });
        expect(response.status, 'POST /_emulator/clock').toBe(200);
      },
    });
  },
});

export { expect };

/** Reads a user as the administrator sees them: status and attributes. */
export async function adminGetUser(
  admin: CognitoIdentityProviderClient,
  username: string,
): Promise<{ status: string | undefined; attributes: Record<string, string> }> {
  const user = await admin.send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: username }));
  const attributes = Object.fromEntries((user.UserAttributes ?? []).map((attribute) => [attribute.Name ?? '', attribute.Value ?? '']));
  return { status: user.UserStatus, attributes };
}

/**
 * What the pool answers to a call made with tokens taken from the browser: "accepted", or the error as
 * `"<name>: <message>"`. Lets a test show that tokens stopped working on the server, not only in the app.
 */
async function poolAnswer(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return 'accepted';
  } catch (error) {
    if (error instanceof Error) return `${error.name}: ${error.message}`;
    throw error;
  }
}

export function getUserWithAccessToken(client: CognitoIdentityProviderClient, accessToken: string): Promise<string> {
  return poolAnswer(() => client.send(new GetUserCommand({ AccessToken: accessToken })));
}

export function refreshWithToken(client: CognitoIdentityProviderClient, refreshToken: string): Promise<string> {
  return poolAnswer(() =>
    client.send(
      new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: APP_CLIENT_ID, AuthParameters: { REFRESH_TOKEN: refreshToken } }),
    ),
  );
}

/** The pool's clock (it may have been moved forward by the server-clock tests): TOTP codes are checked by it. */
export async function poolNow(): Promise<number> {
  const response = await fetch(`${EMULATOR_URL}/_emulator/clock`);
  expect(response.ok, 'GET /_emulator/clock').toBe(true);
  return Date.parse(((await response.json()) as { now: string }).now);
}

/**
 * The authenticator app's code for `secret` (RFC 6238: SHA-1, 6 digits, 30 s), at the pool's time plus
 * `stepsAhead` periods. A code is accepted once: a test that has just used the current one (to verify the key,
 * say) signs in with the next period's, which the pool accepts as one step of clock drift.
 */
export async function authenticatorCode(secret: string, stepsAhead = 0): Promise<string> {
  const totp = new TOTP({ secret, algorithm: 'SHA1', digits: 6, period: 30 });
  return totp.generate({ timestamp: (await poolNow()) + stepsAhead * 30_000 });
}

/**
 * Sets up an authenticator app for a confirmed user, as the user would with their own tokens
 * (AssociateSoftwareToken, VerifySoftwareToken, then SetUserMFAPreference through the administrator), and
 * makes it the preferred method. Returns the key; the current period's code is then used up.
 */
export async function enrollAuthenticator(admin: CognitoIdentityProviderClient, user: TestUser): Promise<string> {
  const { poolId, clientId } = POOLS[user.pool];
  const signIn = await admin.send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: user.username, PASSWORD: user.password } }),
  );
  const accessToken = signIn.AuthenticationResult?.AccessToken;
  expect(accessToken, 'a user without MFA yet signs in with tokens').toBeDefined();
  const { SecretCode } = await admin.send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken }));
  const secret = SecretCode ?? '';
  await admin.send(
    new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: await authenticatorCode(secret), FriendlyDeviceName: 'Test phone' }),
  );
  await admin.send(
    new AdminSetUserMFAPreferenceCommand({
      UserPoolId: poolId,
      Username: user.username,
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
    }),
  );
  return secret;
}

/** Turns SMS or email codes on for a user (through the administrator), optionally as the preferred method. */
export async function enableCodeMfa(
  admin: CognitoIdentityProviderClient,
  user: TestUser,
  settings: { sms?: boolean; email?: boolean; preferred?: 'sms' | 'email' },
): Promise<void> {
  await admin.send(
    new AdminSetUserMFAPreferenceCommand({
      UserPoolId: POOLS[user.pool].poolId,
      Username: user.username,
      ...(settings.sms ? { SMSMfaSettings: { Enabled: true, PreferredMfa: settings.preferred === 'sms' } } : {}),
      ...(settings.email ? { EmailMfaSettings: { Enabled: true, PreferredMfa: settings.preferred === 'email' } } : {}),
    }),
  );
}
