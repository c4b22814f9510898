import { NOT_USER_WRITABLE, namesOutsideSchema, unverifyIfChanged } from '../attributes';
import { Errors, Messages } from '../errors';
import { LIMITS } from '../limits';
import { PolicyPrefix, passwordPolicyViolation } from '../password-policy';
import {
  createPasswordVerifier,
  expectedPasswordClaimSignature,
  parseSrpTimestamp,
  signaturesMatch,
  type PasswordVerifier,
} from '../srp';
import { usernameKey, type ClientState, type AttemptCounters, type PoolState, type UserState } from '../store';
import { namesSessionUser } from './challenge-session';
import { checkSignInNames } from './sign-in-name-claims';
import { checkSecretHash, requireClient, touch, type OperationContext, type OperationDefinition } from './context';
import { optionalString, requiredEnum, requiredString, stringMap, type JsonObject } from './input';
import { answerMfaChallenge } from './mfa-answers';
import {
  afterPasswordProven,
  assertMaySignIn,
  assertNotLockedOut,
  clearSignInFailures,
  finishSignIn,
  missingRequiredAttributes,
  recordSignInFailure,
} from './sign-in';

/** §4.2 RespondToAuthChallenge (unsigned). */

const CHALLENGE_NAMES = [
  'SMS_MFA',
  'EMAIL_OTP',
  'SOFTWARE_TOKEN_MFA',
  'SELECT_MFA_TYPE',
  'MFA_SETUP',
  'PASSWORD_VERIFIER',
  'CUSTOM_CHALLENGE',
  'SELECT_CHALLENGE',
  'DEVICE_SRP_AUTH',
  'DEVICE_PASSWORD_VERIFIER',
  'ADMIN_NO_SRP_AUTH',
  'NEW_PASSWORD_REQUIRED',
  'SMS_OTP',
  'PASSWORD',
  'WEB_AUTHN',
  'PASSWORD_SRP',
] as const;

async function respondToAuthChallenge(input: JsonObject, context: OperationContext): Promise<JsonObject> {
  const clientId = requiredString(input, 'ClientId');
  const challengeName = requiredEnum(input, 'ChallengeName', CHALLENGE_NAMES);
  const { pool, client } = requireClient(context, clientId);
  const responses = stringMap(input, 'ChallengeResponses');
  const session = optionalString(input, 'Session');
  // A Session answers only the challenge it was issued for. [U] A Session of another challenge is refused as an
  // invalid session (NotAuthorizedException, as for a Session of another client or user) rather than as a bad
  // parameter: to the caller it is a session that cannot be used here. It stays usable for its own challenge.
  const challengeSession = session ? context.store.challengeSessions.get(session) : undefined;
  if (challengeSession && challengeSession.challengeName !== challengeName) {
    // docs/cognito-behaviour.md, MFA, M9: a Session of a pending MFA challenge answered under another name gets
    // CodeMismatchException "Invalid code or auth state for the user." (after the session checks).
    if (challengeSession.challengeName !== 'NEW_PASSWORD_REQUIRED') {
      return answerMfaChallenge(context, pool, client, challengeName, responses, session);
    }
    throw Errors.notAuthorized(Messages.sessionInvalid);
  }
  switch (challengeName) {
    case 'PASSWORD_VERIFIER':
      return passwordVerifier(context, pool, client, responses);
    case 'NEW_PASSWORD_REQUIRED':
      return newPasswordRequired(context, pool, client, responses, session);
    case 'SMS_MFA':
    case 'EMAIL_OTP':
    case 'SOFTWARE_TOKEN_MFA':
    case 'SELECT_MFA_TYPE':
    case 'MFA_SETUP':
      return answerMfaChallenge(context, pool, client, challengeName, responses, session);
    default:
      // [U] This pool issues no other challenges (no devices, custom auth or passwordless); the wording is this emulator's.
      throw Errors.invalidParameter(`${challengeName} is not supported by this local user pool.`);
  }
}

/** §3.4: the SRP proof. Every failure of the proof itself is "Incorrect username or password.". */
async function passwordVerifier(
  context: OperationContext,
  pool: PoolState,
  client: ClientState,
  responses: Map<string, string>,
): Promise<JsonObject> {
  const required = (name: string) => {
    const value = responses.get(name);
    if (!value) throw Errors.missingAuthParameter(name);
    return value;
  };
  const username = required('USERNAME');
  const secretBlock = required('PASSWORD_CLAIM_SECRET_BLOCK');
  const timestamp = required('TIMESTAMP');
  const signature = required('PASSWORD_CLAIM_SIGNATURE');
  // §7: for RespondToAuthChallenge the hash is computed with USER_ID_FOR_SRP, i.e. the USERNAME sent here.
  checkSecretHash(client, [username], responses.get('SECRET_HASH'));
  const parsedTimestamp = parseSrpTimestamp(timestamp);
  if (parsedTimestamp === null) throw Errors.invalidParameter(Messages.timestampFormat);

  const step = context.store.srpSteps.get(secretBlock);
  // Single use: the SRP state is consumed by any answer, right or wrong.
  context.store.srpSteps.delete(secretBlock);
  const now = context.clock.now();
  if (
    !step ||
    step.poolId !== pool.id ||
    step.clientId !== client.config.ClientId ||
    usernameKey(pool, step.userIdForSrp) !== usernameKey(pool, username) ||
    // [U] §1: the window and message for a late answer are undocumented.
    now > step.createdAt + LIMITS.srpSecretBlockLifetimeSeconds * 1000
  ) {
    throw Errors.incorrectCredentials();
  }
  // §3.6: the simulated step of an unknown user (ENABLED) fails below like a wrong password, after the same
  // checks and counting towards a lockout the same way (Store.countersForUnknownName).
  let user: UserState | undefined;
  let counters: AttemptCounters;
  let stored: PasswordVerifier;
  if (step.simulatedFor === null) {
    user = context.store.findUser(pool, step.userIdForSrp);
    if (!user) throw Errors.incorrectCredentials();
    assertMaySignIn(user);
    counters = user;
    stored = user.password;
  } else {
    counters = context.store.countersForUnknownKey(pool, step.simulatedFor);
    // The proof only reads the verifier; the simulated salt went out with the challenge (§3.6).
    stored = { salt: '', verifier: step.simulatedVerifier ?? '' };
  }
  assertNotLockedOut(context, counters);

  // [U] §1: the TIMESTAMP must be close to the server's time (±LIMITS.srpTimestampSkewSeconds). Clients build it
  // from their own wall clock, while tests move the emulator clock forward; either one close enough passes.
  const skewMs = LIMITS.srpTimestampSkewSeconds * 1000;
  const instant = parsedTimestamp.instant.getTime();
  if (Math.abs(instant - now) > skewMs && Math.abs(instant - Date.now()) > skewMs) throw Errors.incorrectCredentials();

  // Security: the proof is checked the same way whether or not the name has a user (against the simulated
  // verifier of §3.6 when it has none), so the answer takes as long for a name that does not exist.
  const expected = expectedPasswordClaimSignature({
    poolName: pool.srpPoolName,
    userIdForSrp: step.userIdForSrp,
    srpA: step.srpA,
    b: step.b,
    srpB: step.srpB,
    stored,
    secretBlock: Buffer.from(secretBlock, 'base64'),
    timestamp: parsedTimestamp.canonical,
  });
  const proven = expected !== null && signaturesMatch(expected, signature);
  if (!user || !proven) {
    recordSignInFailure(context, counters);
    throw Errors.incorrectCredentials();
  }
  return afterPasswordProven(context, pool, client, user);
}

/**
 * §4.2 NEW_PASSWORD_REQUIRED. Check order: session, parameters, secret hash, user state, then the attributes
 * sent (unknown, all of them in one answer as §4.12; then per attribute non-mutable, not writable by the client,
 * already provided), the required attributes still
 * missing, and last the password policy. [U] The order between attribute and password errors is this
 * emulator's choice.
 * [U] A Session is consumed only by a successful answer: an answer refused for a missing attribute or a weak
 * password can be corrected and sent again with the same Session until it expires.
 */
async function newPasswordRequired(
  context: OperationContext,
  pool: PoolState,
  client: ClientState,
  responses: Map<string, string>,
  session: string | undefined,
): Promise<JsonObject> {
  if (!session) throw Errors.missingAuthParameter('Session');
  const state = context.store.challengeSessions.get(session);
  if (!state || state.poolId !== pool.id || state.clientId !== client.config.ClientId) {
    throw Errors.notAuthorized(Messages.sessionInvalid);
  }
  if (context.clock.now() >= state.expiresAt) throw Errors.notAuthorized(Messages.sessionExpired);
  const username = responses.get('USERNAME');
  if (!username) throw Errors.missingAuthParameter('USERNAME');
  // The Session is bound to its user: a different USERNAME cannot use it (by any of the user's names, §10.1).
  if (!namesSessionUser(context, pool, username, state)) throw Errors.notAuthorized(Messages.sessionInvalid);
  const newPassword = responses.get('NEW_PASSWORD');
  if (newPassword === undefined) throw Errors.missingAuthParameter('NEW_PASSWORD');
  checkSecretHash(client, [username, state.username], responses.get('SECRET_HASH'));

  const user = context.store.findUser(pool, state.username);
  // The user was deleted, or an administrator set a password, since the challenge was issued.
  if (!user || user.status !== 'FORCE_CHANGE_PASSWORD') {
    context.store.challengeSessions.delete(session);
    throw Errors.notAuthorized(Messages.sessionInvalid);
  }
  assertMaySignIn(user);

  const sent = [...responses]
    .filter(([key]) => key.startsWith('userAttributes.'))
    .map(([key, value]) => ({ name: key.slice('userAttributes.'.length), value }));
  // §4.12: the answer changes an existing user's attributes, so it is refused in UpdateUserAttributes' form.
  const unknown = namesOutsideSchema(pool.schema, sent.map((attribute) => attribute.name));
  if (unknown.length > 0) throw Errors.attributesNotInSchema(unknown, 'update');
  const updates = new Map<string, string>();
  for (const { name, value } of sent) {
    const definition = pool.schema.get(name);
    if (!definition) continue;
    if (NOT_USER_WRITABLE.has(name) || !definition.mutable) {
      throw Errors.invalidParameter(`Cannot modify the non-mutable attribute ${name}`);
    }
    const writable = client.config.WriteAttributes;
    if (writable && !writable.includes(name)) throw Errors.notAuthorized(Messages.unauthorizedAttributeWrite);
    if (definition.required && user.attributes.get(name)) {
      throw Errors.notAuthorized(`Cannot modify an already provided ${name}`);
    }
    updates.set(name, value);
  }
  const stillMissing = missingRequiredAttributes(pool, user).filter((name) => !updates.get(name));
  if (stillMissing.length > 0) {
    // §4.2: one report lists several names as "name and adress is missing"; [U] joined the same way here.
    throw Errors.invalidParameter(`Invalid attributes given, ${joinNames(stillMissing)} is missing`);
  }
  // §10.2, §10.3: an attribute users sign in with (a preferred_username alias, say) stays unique.
  checkSignInNames(pool, user, new Map([...user.attributes, ...updates]), { by: 'user' });
  const violation = passwordPolicyViolation(pool.passwordPolicy, newPassword);
  if (violation) throw Errors.invalidPassword(PolicyPrefix.doesNotConform + violation);

  context.store.challengeSessions.delete(session);
  const names = new Set(updates.keys());
  for (const [name, value] of updates) {
    const previous = user.attributes.get(name);
    if (value === '') user.attributes.delete(name);
    else user.attributes.set(name, value);
    // §4.2: the admin path's rule (§4.12): a new email or phone number is not verified, whoever verified the old
    // one, so reset codes never go to an address the user has not proven.
    unverifyIfChanged(user.attributes, name, previous, names);
  }
  user.password = createPasswordVerifier(pool.srpPoolName, user.username, newPassword);
  user.status = 'CONFIRMED';
  user.temporaryPasswordSetAt = null;
  clearSignInFailures(user);
  touch(context, user);
  // docs/cognito-behaviour.md, MFA, M4: MFA follows the new password (MFA_SETUP in an ON pool without a factor).
  return finishSignIn(context, pool, client, user);
}

function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export const RespondToAuthChallenge: OperationDefinition = { signed: false, handler: respondToAuthChallenge };
