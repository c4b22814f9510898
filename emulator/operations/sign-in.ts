import { randomUUID } from 'node:crypto';
import { NOT_USER_WRITABLE } from '../attributes';
import { Errors, Messages } from '../errors';
import { LIMITS } from '../limits';
import type { AttemptCounters, ClientState, PoolState, TokenFamily, UserState } from '../store';
import { createChallengeSession } from './challenge-session';
import type { OperationContext } from './context';
import type { JsonObject } from './input';
import { mfaChallengeAfterPassword } from './mfa-challenge';

/** Steps of a sign-in shared by InitiateAuth and RespondToAuthChallenge. */

// ---------------------------------------------------------------------------------------------------------------
// Lockout after repeated failures (§1, values in LIMITS). The counters are a user's own, or under ENABLED those
// of a name without a user (Store.countersForUnknownName), so both lock out alike.

export function assertNotLockedOut(context: OperationContext, counters: AttemptCounters): void {
  if (counters.signInFailures.lockedUntil > context.clock.now()) {
    throw Errors.notAuthorized(Messages.passwordAttemptsExceeded);
  }
}

export function recordSignInFailure(context: OperationContext, counters: AttemptCounters): void {
  const now = context.clock.now();
  const failures = counters.signInFailures;
  if (now - failures.lastFailureAt > LIMITS.signInFailureResetSeconds * 1000) failures.count = 0;
  failures.count += 1;
  failures.lastFailureAt = now;
  if (failures.count >= LIMITS.signInFailuresBeforeLockout) {
    const lockoutSeconds = Math.min(2 ** (failures.count - LIMITS.signInFailuresBeforeLockout), LIMITS.lockoutMaxSeconds);
    failures.lockedUntil = now + lockoutSeconds * 1000;
  }
}

export function clearSignInFailures(user: UserState): void {
  user.signInFailures = { count: 0, lastFailureAt: 0, lockedUntil: 0 };
}

/**
 * Checks that come before the password in §4.1's order (steps 6 and 7): a disabled user, then an unconfirmed
 * one, "even with a wrong password".
 */
export function assertMaySignIn(user: UserState): void {
  if (!user.enabled) throw Errors.notAuthorized(Messages.userDisabledSignIn);
  if (user.status === 'UNCONFIRMED') throw Errors.userNotConfirmed();
}

export function temporaryPasswordExpired(context: OperationContext, pool: PoolState, user: UserState): boolean {
  if (user.status !== 'FORCE_CHANGE_PASSWORD' || user.temporaryPasswordSetAt === null) return false;
  // §1: 0 means "use the default" of 7 days.
  const validityDays = pool.passwordPolicy.TemporaryPasswordValidityDays || 7;
  return context.clock.now() > user.temporaryPasswordSetAt + validityDays * 24 * 60 * 60 * 1000;
}

// ---------------------------------------------------------------------------------------------------------------
// After the password is proven (§4.1 steps 9–10, §3.4 "On success")

export async function afterPasswordProven(
  context: OperationContext,
  pool: PoolState,
  client: ClientState,
  user: UserState,
): Promise<JsonObject> {
  clearSignInFailures(user);
  // §6 [X]: sources disagree on a RESET_REQUIRED user under ENABLED. This follows AWS's admin-reset walk-through
  // (§4.11, AdminResetUserPassword API reference: the next sign-in gets PasswordResetRequiredException) and AWS
  // staff (aws-amplify/aws-sdk-ios#2298: "whether or not Prevent User Existence Errors is enabled"). It comes only
  // once the old password is proven, so it reveals nothing to someone who does not know the password.
  if (user.status === 'RESET_REQUIRED') throw Errors.passwordResetRequired();
  if (user.status === 'FORCE_CHANGE_PASSWORD') {
    if (temporaryPasswordExpired(context, pool, user)) throw Errors.notAuthorized(Messages.temporaryPasswordExpired);
    return newPasswordChallenge(context, pool, client, user);
  }
  return finishSignIn(context, pool, client, user);
}

/**
 * The password step is done (and, for a temporary password, a new one set): the MFA challenge that is due
 * (docs/cognito-behaviour.md, MFA, M4–M5), or tokens.
 */
export async function finishSignIn(context: OperationContext, pool: PoolState, client: ClientState, user: UserState): Promise<JsonObject> {
  const challenge = mfaChallengeAfterPassword(context, pool, client, user);
  if (challenge) return challenge;
  return { ChallengeParameters: {}, AuthenticationResult: await signIn(context, pool, client, user) };
}

/**
 * §4.2: ChallengeParameters values are JSON-encoded strings. `userAttributes` holds the user's current
 * attributes (without `sub`, which Cognito leaves out); `requiredAttributes` holds, with the `userAttributes.`
 * prefix, the pool's required attributes that the user has no value for. [U] That is this emulator's reading of
 * "required attributes" here: the ones the user must supply now, so an attribute that already has a value is
 * never asked for again (sending it back would give "Cannot modify an already provided …").
 */
function newPasswordChallenge(
  context: OperationContext,
  pool: PoolState,
  client: ClientState,
  user: UserState,
): JsonObject {
  const userAttributes: Record<string, string> = {};
  for (const [name, value] of user.attributes) if (name !== 'sub') userAttributes[name] = value;
  const requiredAttributes = missingRequiredAttributes(pool, user).map((name) => `userAttributes.${name}`);
  return {
    ChallengeName: 'NEW_PASSWORD_REQUIRED',
    Session: createChallengeSession(context, pool, client, user, { challengeName: 'NEW_PASSWORD_REQUIRED' }),
    ChallengeParameters: {
      USER_ID_FOR_SRP: user.username,
      requiredAttributes: JSON.stringify(requiredAttributes),
      userAttributes: JSON.stringify(userAttributes),
    },
  };
}

export function missingRequiredAttributes(pool: PoolState, user: UserState): string[] {
  return [...pool.schema.values()]
    .filter((definition) => definition.required && !NOT_USER_WRITABLE.has(definition.name))
    .filter((definition) => !user.attributes.get(definition.name))
    .map((definition) => definition.name);
}

// ---------------------------------------------------------------------------------------------------------------
// Tokens (§2)

type TimeUnit = 'seconds' | 'minutes' | 'hours' | 'days';
const UNIT_SECONDS: Record<TimeUnit, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

/** §1: access and ID tokens default to 1 hour (unit hours); refresh tokens to 30 days (unit days). */
export function tokenLifetimes(client: ClientState): { access: number; id: number; refresh: number } {
  const config = client.config;
  const units = config.TokenValidityUnits;
  return {
    access: (config.AccessTokenValidity ?? 1) * UNIT_SECONDS[units.AccessToken ?? 'hours'],
    id: (config.IdTokenValidity ?? 1) * UNIT_SECONDS[units.IdToken ?? 'hours'],
    refresh: (config.RefreshTokenValidity || 30) * UNIT_SECONDS[units.RefreshToken ?? 'days'],
  };
}

/** A new sign-in: a new token family, access + ID tokens and a refresh token (§4.1). */
export async function signIn(context: OperationContext, pool: PoolState, client: ClientState, user: UserState): Promise<JsonObject> {
  const now = context.clock.now();
  const lifetimes = tokenLifetimes(client);
  const family: TokenFamily = {
    originJti: randomUUID(),
    poolId: pool.id,
    clientId: client.config.ClientId,
    username: user.username,
    sub: user.sub,
    authTime: Math.floor(now / 1000),
    eventId: randomUUID(),
    refreshExpiresAt: now + lifetimes.refresh * 1000,
    revoked: false,
    generation: 0,
    previousGenerationValidUntil: 0,
  };
  context.store.tokenFamilies.set(family.originJti, family);
  const tokens = await issueTokens(context, pool, client, user, family);
  return { ...tokens, RefreshToken: await pool.issuer.sealRefreshToken(family.originJti) };
}

/** New access and ID tokens in an existing family; `auth_time` and `origin_jti` stay those of the sign-in (§2). */
export async function issueTokens(
  context: OperationContext,
  pool: PoolState,
  client: ClientState,
  user: UserState,
  family: TokenFamily,
): Promise<{ AccessToken: string; ExpiresIn: number; TokenType: 'Bearer'; IdToken: string }> {
  const lifetimes = tokenLifetimes(client);
  const issued = await pool.issuer.issue({
    clientId: client.config.ClientId,
    username: user.username,
    sub: user.sub,
    idTokenAttributes: idTokenAttributes(user),
    authTime: family.authTime,
    originJti: family.originJti,
    eventId: family.eventId,
    accessTokenSeconds: lifetimes.access,
    idTokenSeconds: lifetimes.id,
    now: context.clock.now(),
  });
  return { AccessToken: issued.accessToken, ExpiresIn: lifetimes.access, TokenType: 'Bearer', IdToken: issued.idToken };
}

/** §2: user attributes as ID-token claims; the `*_verified` flags are JSON booleans, custom attributes strings. */
function idTokenAttributes(user: UserState): Record<string, string | boolean> {
  const claims: Record<string, string | boolean> = {};
  for (const [name, value] of user.attributes) {
    if (name === 'sub') continue;
    claims[name] = name.endsWith('_verified') ? value === 'true' : value;
  }
  return claims;
}
