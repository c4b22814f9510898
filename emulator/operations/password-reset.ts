import { createHmac } from 'node:crypto';
import { codeDeliveryDetails, generateCode, verifiedRecoveryContact, type CodeDeliveryDetails } from '../delivery';
import { Errors, Messages } from '../errors';
import { LIMITS } from '../limits';
import { PolicyPrefix, passwordPolicyViolation } from '../password-policy';
import { createPasswordVerifier } from '../srp';
import { constantTimeEqual } from '../secure-compare';
import { usernameKey, type AttemptCounters, type PoolState, type UserState } from '../store';
import {
  checkSecretHash,
  preventsUserExistenceErrors,
  pruneToWindowAndCount,
  requireClient,
  touch,
  type OperationContext,
  type OperationDefinition,
} from './context';
import { optionalString, requiredString, type JsonObject } from './input';
import { clearSignInFailures } from './sign-in';

/** §4.3 ForgotPassword and §4.4 ConfirmForgotPassword (unsigned), plus the code delivery AdminResetUserPassword shares. */

/**
 * Sends a new reset code to the user's verified contact: it replaces any earlier code (only the latest is
 * valid) and lands in the outbox under `kind`. The caller has checked that a verified contact exists.
 */
export function sendResetCode(context: OperationContext, pool: PoolState, user: UserState, kind: string): CodeDeliveryDetails {
  const contact = verifiedRecoveryContact(user.attributes);
  if (!contact) throw Errors.invalidParameter(Messages.noVerifiedContact);
  const code = generateCode();
  user.resetCode = { code, issuedAt: context.clock.now() };
  context.store.sendToOutbox({
    poolId: pool.id,
    username: user.username,
    kind,
    medium: contact.medium,
    destination: contact.destination,
    code,
    temporaryPassword: null,
  });
  return codeDeliveryDetails(contact);
}

async function forgotPassword(input: JsonObject, context: OperationContext): Promise<JsonObject> {
  const clientId = requiredString(input, 'ClientId');
  const username = requiredString(input, 'Username');
  const { pool, client } = requireClient(context, clientId);
  const user = context.store.findUser(pool, username);
  checkSecretHash(client, user ? [username, user.username] : [username], optionalString(input, 'SecretHash'));

  if (!user || !user.enabled) {
    if (!preventsUserExistenceErrors(client)) {
      if (!user) throw Errors.userNotFound(Messages.usernameClientNotFound);
      throw Errors.notAuthorized(Messages.userDisabledReset);
    }
    // Security (§6): under ENABLED an unknown or disabled user gets a simulated delivery that looks like a real
    // one, within the same request limit as a real user (Store.countersForUnknownName), so neither the answer
    // nor the sixth request tells whether the account exists or is active.
    countCodeRequest(context, user ?? context.store.countersForUnknownName(pool, username));
    return simulatedDelivery(context, pool, username);
  }
  // §4.3: refused in both modes.
  if (user.status === 'FORCE_CHANGE_PASSWORD') throw Errors.notAuthorized(Messages.cannotResetInCurrentState);
  // §6 [X]: for an EXISTING user with no verified contact this answers InvalidParameterException under ENABLED
  // too. The current AWS page says these APIs may answer InvalidParameterException rather than simulate, and an
  // app has to be able to show "there is no verified email or phone" to such a user; only users who do not
  // exist (or are disabled) get the simulated delivery.
  if (!verifiedRecoveryContact(user.attributes)) throw Errors.invalidParameter(Messages.noVerifiedContact);
  countCodeRequest(context, user);
  return { CodeDeliveryDetails: sendResetCode(context, pool, user, 'ForgotPassword') };
}

/**
 * LIMITS.forgotPasswordRequestsPerWindow: counts this request, or refuses it with LimitExceededException.
 * Only codes actually sent (or simulated) count; refused requests do not.
 */
function countCodeRequest(context: OperationContext, counters: AttemptCounters): void {
  const now = context.clock.now();
  if (pruneToWindowAndCount(counters.codeRequests, now) >= LIMITS.forgotPasswordRequestsPerWindow) {
    throw Errors.limitExceeded();
  }
  counters.codeRequests.push(now);
}

/**
 * §6: "a simulated destination chosen from the username format and the pool's verification settings": an email
 * username is masked as its own address; otherwise a made-up address, stable for the username (HMAC with the
 * server's simulation secret), by the pool's auto-verified medium, masked as a real one would be (delivery.ts).
 */
function simulatedDelivery(context: OperationContext, pool: PoolState, username: string): JsonObject {
  pool.simulatedResetRequests.set(usernameKey(pool, username), context.clock.now());
  const digest = createHmac('sha256', context.store.simulationSecret).update(`${pool.id}\n${usernameKey(pool, username)}`).digest();
  const bySms = !pool.autoVerifiedAttributes.includes('email') && pool.autoVerifiedAttributes.includes('phone_number');
  if (bySms) {
    const digits = [...digest.subarray(0, 10)].map((byte) => byte % 10).join('');
    return { CodeDeliveryDetails: codeDeliveryDetails({ medium: 'SMS', attributeName: 'phone_number', destination: `+1${digits}` }) };
  }
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const email = username.indexOf('@') > 0 ? username : `${letters[digest[0] % 26]}@${letters[digest[1] % 26]}`;
  return { CodeDeliveryDetails: codeDeliveryDetails({ medium: 'EMAIL', attributeName: 'email', destination: email }) };
}

/**
 * §4.4. Check order: client, secret hash, user (per §6), the wrong-code limit, the password policy, then the
 * code. [U] Checking the policy before the code keeps a valid code usable when only the password was refused.
 */
async function confirmForgotPassword(input: JsonObject, context: OperationContext): Promise<JsonObject> {
  const clientId = requiredString(input, 'ClientId');
  const username = requiredString(input, 'Username');
  const code = requiredString(input, 'ConfirmationCode');
  const password = requiredString(input, 'Password');
  const { pool, client } = requireClient(context, clientId);
  const user = context.store.findUser(pool, username);
  checkSecretHash(client, user ? [username, user.username] : [username], optionalString(input, 'SecretHash'));
  const now = context.clock.now();

  if (!user || !user.enabled) {
    // §6: LEGACY answers UserNotFoundException for an unknown and a disabled user alike.
    if (!preventsUserExistenceErrors(client)) throw Errors.userNotFound(Messages.usernameClientNotFound);
    return refuseHiddenConfirmation(context, pool, username, user, password);
  }
  assertMayTryCode(context, pool, user, password);
  // No code ever requested, already used, or replaced and then used: nothing to match (§6 "ExpiredCodeException
  // if no code was ever requested").
  const pending = user.resetCode;
  if (!pending) throw Errors.codeExpired();
  if (now > pending.issuedAt + LIMITS.codeLifetimeSeconds * 1000) throw Errors.codeExpired();
  if (!constantTimeEqual(pending.code, code)) {
    user.wrongCodes.push(now);
    throw Errors.codeMismatch();
  }

  user.resetCode = null;
  user.wrongCodes = [];
  user.password = createPasswordVerifier(pool.srpPoolName, user.username, password);
  // RESET_REQUIRED (admin reset) and CONFIRMED (self-service) both end CONFIRMED.
  user.status = 'CONFIRMED';
  user.temporaryPasswordSetAt = null;
  clearSignInFailures(user);
  touch(context, user);
  return {};
}

/** The checks every confirmation passes before its code is looked at: the wrong-code limit, then the policy. */
function assertMayTryCode(context: OperationContext, pool: PoolState, counters: AttemptCounters, password: string): void {
  if (pruneToWindowAndCount(counters.wrongCodes, context.clock.now()) >= LIMITS.wrongCodesPerWindow) throw Errors.limitExceeded();
  const violation = passwordPolicyViolation(pool.passwordPolicy, password);
  if (violation) throw Errors.invalidPassword(PolicyPrefix.doesNotConform + violation);
}

/**
 * §6 ENABLED, for a name with no user or a disabled user: CodeMismatchException, or ExpiredCodeException when no
 * code was ever requested for the name. Security: the checks a real user meets first (the wrong-code limit, the
 * password policy) come first here too, and a "wrong" code counts the same way, so neither a
 * LimitExceededException nor an InvalidPasswordException sets a real user apart.
 */
function refuseHiddenConfirmation(
  context: OperationContext,
  pool: PoolState,
  username: string,
  user: UserState | undefined,
  password: string,
): never {
  const counters = user ?? context.store.countersForUnknownName(pool, username);
  assertMayTryCode(context, pool, counters, password);
  const requested = pool.simulatedResetRequests.has(usernameKey(pool, username)) || (user?.resetCode ?? null) !== null;
  if (!requested) throw Errors.codeExpired();
  counters.wrongCodes.push(context.clock.now());
  throw Errors.codeMismatch();
}

export const ForgotPassword: OperationDefinition = { signed: false, handler: forgotPassword };
export const ConfirmForgotPassword: OperationDefinition = { signed: false, handler: confirmForgotPassword };
