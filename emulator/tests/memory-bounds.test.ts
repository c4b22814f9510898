import { AdminCreateUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it, vi } from 'vitest';
import { APP_CLIENT, DEMO_PASSWORD, NEW_USER_TEMP_PASSWORD, POOL_ID, adminClient, advanceClock, call, passwordSignIn, useEmulator } from './helpers';

/**
 * Memory stays bounded whatever names callers send (docs/cognito-behaviour.md §1.1): every map kept per name
 * (lockout counters of unknown names, SRP steps, challenge sessions, token families, simulated reset requests,
 * the outbox) is bounded by size and age, and keys are small whatever the name's length. The bounds are made
 * small here so a few hundred requests overflow them; the code is the same as with the real ones.
 */
const { BOUND } = vi.hoisted(() => ({ BOUND: 20 }));
vi.mock('../limits', async (importOriginal) => {
  const { LIMITS } = await importOriginal<typeof import('../limits')>();
  return {
    LIMITS: {
      ...LIMITS,
      maxUnknownNamesPerPool: BOUND,
      maxSimulatedResetNamesPerPool: BOUND,
      maxSrpSteps: BOUND,
      maxChallengeSessions: BOUND,
      maxTokenFamilies: BOUND,
      maxOutboxMessages: BOUND,
    },
  };
});

const emulator = useEmulator();
const url = () => emulator.current.url;
const pool = () => {
  const found = emulator.current.store.findPool(POOL_ID);
  if (!found) throw new Error('no demo pool');
  return found;
};

/** The longest string a value in the map holds (keys included), as a proxy for what one entry costs. */
function longestString(map: ReadonlyMap<string, unknown>): number {
  let longest = 0;
  for (const [key, value] of map) {
    longest = Math.max(longest, key.length);
    JSON.stringify(value, (_name, field: unknown) => {
      if (typeof field === 'string') longest = Math.max(longest, field.length);
      return typeof field === 'bigint' ? field.toString(16) : field;
    });
  }
  return longest;
}

const LONG = 100_000;
const longName = (index: number) => `${index}-${'n'.repeat(LONG)}`;

describe('sign-ins with distinct 100 000-character usernames', () => {
  // Each wrong password costs the verifier maths, unknown name or not (the work is equal by design), so five
  // times the bound makes the point without minutes of arithmetic on a busy machine.
  it('USER_PASSWORD_AUTH: the unknown names leave at most the bound of small counters', { timeout: 120_000 }, async () => {
    for (let index = 0; index < 5 * BOUND; index += 1) {
      const response = await passwordSignIn(url(), longName(index), 'Wrong-Passw0rd!');
      expect(response.body.message).toBe('Incorrect username or password.');
    }
    expect(pool().unknownNameCounters.size).toBeLessThanOrEqual(BOUND);
    // Keys are digests (43 characters), never the names.
    expect(longestString(pool().unknownNameCounters)).toBeLessThan(100);
    // A real user is untouched by the flood.
    expect((await passwordSignIn(url(), 'demo.user', DEMO_PASSWORD)).status).toBe(200);
  });

  it('USER_SRP_AUTH: 300 first steps leave at most the bound of pending SRP steps, and no name', { timeout: 120_000 }, async () => {
    for (let index = 0; index < 300; index += 1) {
      const response = await call(url(), 'InitiateAuth', {
        AuthFlow: 'USER_SRP_AUTH',
        ClientId: APP_CLIENT,
        AuthParameters: { USERNAME: longName(index), SRP_A: 'ab'.repeat(384) },
      });
      expect(response.status).toBe(200);
    }
    expect(emulator.current.store.srpSteps.size).toBeLessThanOrEqual(BOUND);
    // SRP values are 768 hex digits; nothing the size of a name is kept.
    expect(longestString(emulator.current.store.srpSteps)).toBeLessThan(1_000);
  });

  it('a username of a million characters is refused by the model before anything is kept', async () => {
    const response = await passwordSignIn(url(), 'n'.repeat(1_000_000), 'Wrong-Passw0rd!');
    expect(response.body).toEqual({
      __type: 'InvalidParameterException',
      message:
        "1 validation error detected: Value at 'authParameters' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 131072]",
    });
    expect(pool().unknownNameCounters.size).toBe(0);
  });
});

describe('every other map kept per name', () => {
  it('ForgotPassword for unknown names: simulated requests and their counters stay within the bound', async () => {
    for (let index = 0; index < 60; index += 1) {
      const response = await call(url(), 'ForgotPassword', { ClientId: APP_CLIENT, Username: `nobody.${index}.${'x'.repeat(100)}` });
      expect(response.status).toBe(200);
    }
    expect(pool().simulatedResetRequests.size).toBeLessThanOrEqual(BOUND);
    expect(pool().unknownNameCounters.size).toBeLessThanOrEqual(BOUND);
  });

  it('forgets entries by age as well: an hour later the next write sweeps them', async () => {
    for (let index = 0; index < 10; index += 1) await passwordSignIn(url(), `nobody.${index}`, 'Wrong-Passw0rd!');
    expect(pool().unknownNameCounters.size).toBe(10);
    await advanceClock(url(), 60 * 60 + 1);
    await passwordSignIn(url(), 'nobody.later', 'Wrong-Passw0rd!');
    expect(pool().unknownNameCounters.size).toBe(1);
  });

  it('challenge sessions: the oldest are forgotten, the newest still answers', async () => {
    const sessions: string[] = [];
    for (let index = 0; index < BOUND + 5; index += 1) {
      const response = await passwordSignIn(url(), 'new.user', NEW_USER_TEMP_PASSWORD);
      sessions.push(String(response.body.Session));
    }
    expect(emulator.current.store.challengeSessions.size).toBeLessThanOrEqual(BOUND);
    const answer = (session: string) =>
      call(url(), 'RespondToAuthChallenge', {
        ClientId: APP_CLIENT,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: session,
        ChallengeResponses: { USERNAME: 'new.user', NEW_PASSWORD: 'Brand-New-Passw0rd!', 'userAttributes.name': 'New User' },
      });
    expect((await answer(sessions[0])).body.message).toBe('Invalid session for the user.');
    expect((await answer(sessions[sessions.length - 1])).status).toBe(200);
  });

  it('token families: past the bound the oldest sign-in\'s refresh token answers as revoked', async () => {
    const refreshTokens: string[] = [];
    for (let index = 0; index < BOUND + 5; index += 1) {
      const response = await passwordSignIn(url(), 'demo.user', DEMO_PASSWORD);
      refreshTokens.push(String((response.body.AuthenticationResult as { RefreshToken: string }).RefreshToken));
    }
    expect(emulator.current.store.tokenFamilies.size).toBeLessThanOrEqual(BOUND);
    const refresh = (token: string) =>
      call(url(), 'InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: APP_CLIENT, AuthParameters: { REFRESH_TOKEN: token } });
    expect((await refresh(refreshTokens[0])).body.message).toBe('Refresh Token has been revoked');
    expect((await refresh(refreshTokens[refreshTokens.length - 1])).status).toBe(200);
  });

  it('the outbox keeps the newest messages only', async () => {
    for (let index = 0; index < BOUND + 5; index += 1) {
      await adminClient(url()).send(
        new AdminCreateUserCommand({
          UserPoolId: POOL_ID,
          Username: `invited.${index}`,
          UserAttributes: [{ Name: 'email', Value: `invited.${index}@example.com` }],
          DesiredDeliveryMediums: ['EMAIL'],
        }),
      );
    }
    const outbox = emulator.current.store.outbox;
    expect(outbox).toHaveLength(BOUND);
    expect(outbox.at(-1)?.username).toBe(`invited.${BOUND + 4}`);
  });
});
