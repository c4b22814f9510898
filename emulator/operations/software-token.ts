import { Errors, Messages } from '../errors';
import { poolOffers } from '../mfa-config';
import type { ChallengeSession, ClientState, PoolState, UserState } from '../store';
import { checkTotp, generateTotpSecret } from '../totp';
import { authenticateAccessToken } from './access-token';
import { countWrongAnswer, createChallengeSession, openChallengeSession } from './challenge-session';
import { touch, type OperationContext, type OperationDefinition } from './context';
import { optionalString, requiredString, type JsonObject } from './input';
import { assertMaySignIn } from './sign-in';

/**
 * AssociateSoftwareToken and VerifySoftwareToken (unsigned; docs/cognito-behaviour.md, MFA, M10–M11): an
 * authenticator app set up either during sign-in, with the MFA_SETUP challenge's Session, or by a signed-in
 * user with an AccessToken.
 */

type Caller =
  | { mode: 'accessToken'; pool: PoolState; user: UserState }
  | { mode: 'session'; pool: PoolState; client: ClientState; user: UserState; session: string; state: ChallengeSession };

/** [U] Wording for a request with neither or both of AccessToken and Session; Cognito's is not published. */
async function callerOf(
  input: JsonObject,
  context: OperationContext,
  acceptedSetupStages: ReadonlyArray<ChallengeSession['setup']>,
): Promise<Caller> {
  const accessToken = optionalString(input, 'AccessToken');
  const sessionSent = optionalString(input, 'Session');
  if (accessToken !== undefined && sessionSent !== undefined) {
    throw Errors.invalidParameter('Only one of AccessToken and Session can be given.');
  }
  if (accessToken !== undefined) {
    const { pool, user } = await authenticateAccessToken(context, accessToken);
    assertPoolOffersSoftwareToken(pool);
    return { mode: 'accessToken', pool, user };
  }
  if (sessionSent === undefined) throw Errors.invalidParameter('Either AccessToken or Session is required.');
  const { session, state } = openChallengeSession(context, sessionSent);
  // Only a Session of the MFA_SETUP challenge (or one AssociateSoftwareToken / VerifySoftwareToken returned for it)
  // is valid here, not one of another challenge or sign-in (MFA, M10).
  if (state.challengeName !== 'MFA_SETUP' || !acceptedSetupStages.includes(state.setup)) {
    throw Errors.notAuthorized(Messages.sessionInvalid);
  }
  const pool = context.store.findPool(state.poolId);
  const client = pool?.clients.get(state.clientId);
  const user = pool ? context.store.findUser(pool, state.username) : undefined;
  if (!pool || !client || !user || user.sub !== state.sub) {
    context.store.challengeSessions.delete(session);
    throw Errors.notAuthorized(Messages.sessionInvalid);
  }
  assertMaySignIn(user);
  assertPoolOffersSoftwareToken(pool);
  return { mode: 'session', pool, client, user, session, state };
}

function assertPoolOffersSoftwareToken(pool: PoolState): void {
  if (!poolOffers(pool.mfaConfig, 'SOFTWARE_TOKEN_MFA')) throw Errors.softwareTokenMfaNotFound(Messages.softwareTokenNotEnabledForPool);
}

/**
 * MFA, M10: a new secret. With a Session, the answer carries a new Session and the one sent is spent; the new one
 * keeps the expiry of the MFA_SETUP Session it descends from, so set-up never extends the time a sign-in has.
 * With an AccessToken, the secret waits until VerifySoftwareToken: an authenticator already verified stays in use
 * until then.
 */
async function associateSoftwareToken(input: JsonObject, context: OperationContext): Promise<JsonObject> {
  const caller = await callerOf(input, context, ['challenged', 'associated']);
  // Security: a fresh CSPRNG secret each time; it is returned to the caller and never logged.
  const secret = generateTotpSecret();
  if (caller.mode === 'accessToken') {
    caller.user.mfa.pendingSoftwareTokenSecret = secret;
    return { SecretCode: secret };
  }
  const { pool, client, user, session, state } = caller;
  context.store.challengeSessions.delete(session);
  const next = createChallengeSession(context, pool, client, user, {
    challengeName: 'MFA_SETUP',
    setup: 'associated',
    secret,
    expiresAt: state.expiresAt,
  });
  return { SecretCode: secret, Session: next };
}

/**
 * MFA, M11 and M12: checks a code of the associated secret and, when right, makes it the user's authenticator.
 * That alone does not turn TOTP on for sign-in (SetUserMFAPreference does; completing MFA_SETUP does too). A
 * wrong code is EnableSoftwareTokenMFAException and the Session or AccessToken stays usable.
 */
async function verifySoftwareToken(input: JsonObject, context: OperationContext): Promise<JsonObject> {
  const userCode = requiredString(input, 'UserCode');
  // The model: exactly 6 characters, digits only. Security: the value is sensitive, so AWS leaves it out of the message.
  if (!/^[0-9]+$/.test(userCode)) throw userCodeViolation('Member must satisfy regular expression pattern: [0-9]+');
  if (userCode.length !== 6) {
    throw userCodeViolation(`Member must have length ${userCode.length < 6 ? 'greater' : 'less'} than or equal to 6`);
  }
  const friendlyDeviceName = optionalString(input, 'FriendlyDeviceName') || null;
  const caller = await callerOf(input, context, ['associated']);
  const { user } = caller;
  const secret = caller.mode === 'session' ? caller.state.secret : user.mfa.pendingSoftwareTokenSecret;
  // [U] An AccessToken caller who never called AssociateSoftwareToken has nothing to verify.
  if (!secret) throw Errors.softwareTokenMfaNotFound(Messages.softwareTokenMissingForUser);
  const check = checkTotp(user.mfa, secret, userCode, context.clock.now());
  if (check === 'mismatch') {
    if (caller.mode === 'session') countWrongAnswer(context, caller.session, caller.state);
    throw Errors.enableSoftwareTokenMfa();
  }
  if (check === 'alreadyUsed') throw Errors.softwareTokenAlreadyUsed();

  user.mfa.softwareToken = { secret, friendlyDeviceName };
  if (caller.mode === 'accessToken') {
    user.mfa.pendingSoftwareTokenSecret = null;
    touch(context, user);
    return { Status: 'SUCCESS' };
  }
  const { pool, client, session, state } = caller;
  touch(context, user);
  context.store.challengeSessions.delete(session);
  const next = createChallengeSession(context, pool, client, user, {
    challengeName: 'MFA_SETUP',
    setup: 'verified',
    expiresAt: state.expiresAt,
  });
  return { Status: 'SUCCESS', Session: next };
}

function userCodeViolation(constraint: string) {
  return Errors.invalidParameter(`1 validation error detected: Value at 'userCode' failed to satisfy constraint: ${constraint}`);
}

export const AssociateSoftwareToken: OperationDefinition = { signed: false, handler: associateSoftwareToken };
export const VerifySoftwareToken: OperationDefinition = { signed: false, handler: verifySoftwareToken };
