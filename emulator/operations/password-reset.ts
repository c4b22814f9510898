import { createHmac } from 'node:crypto';
import { codeDeliveryDetails, generateCode, verifiedRecoveryContact, type CodeDeliveryDetails } from '../delivery';
import { Errors, Messages } from '../errors';
import { LIMITS } from '../limits';
import { PolicyPrefix, passwordPolicyViolation } from '../password-policy';
import { createPasswordVerifier } from '../srp';
import { usernameKey, type PoolState, type UserState } from '../store';
import {
  checkSecretHash,
  countInWindow,
  preventsUserExistenceErrors,
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
  const hideExistence = preventsUserExistenceErrors(client);

  // Security (§6): under ENABLED an unknown or disabled user gets a simulated delivery that looks like a real
  // one, so the answer does not tell whether the account exists or is active.
  if (!user) {
    if (!hideExistence) throw Errors.userNotFound(Messages.usernameClientNotFound);
    return simulatedDelivery(context, pool, username);
  }
  if (!user.enabled) {
    if (!hideExistence) throw Errors.notAuthorized(Messages.userDisabledReset);
    return simulatedDelivery(context, pool, username);
  }
  // §4.3: refused in both modes.
  if (user.status === 'FORCE_CHANGE_PASSWORD') throw Errors.notAuthorized(Messages.cannotResetInCurrentState);
  // §6 [X]: for an EXISTING user with no verified contact this answers InvalidParameterException under ENABLED
  // too. The current AWS page says these APIs may answer InvalidParameterException rather than simulate, and an
  // app has to be able to show "there is no verified email or phone" to such a user; only users who do not
  // exist (or are disabled) get the simulated delivery.
  if (!verifiedRecoveryContact(user.attributes)) throw Errors.invalidParameter(Messages.noVerifiedContact);
  // Only codes actually sent count; refused requests do not (LIMITS.forgotPasswordRequestsPerWindow).
  if (countInWindow(user.codeRequests, context.clock.now()) >= LIMITS.forgotPasswordRequestsPerWindow) {
    throw Errors.limitExceeded();
  }
  user.codeRequests.push(context.clock.now());
  return { CodeDeliveryDetails: sendResetCode(context, pool, user, 'ForgotPassword') };
}

/**
 * §6: "a simulated destination chosen from the username format and the pool's verification settings": an email
 * username gets its own masked form; otherwise a masked address whose letters are stable for the username
 * (HMAC with the server's simulation secret), delivered by the pool's auto-verified medium.
 */
function simulatedDelivery(context: OperationContext, pool: PoolState, username: string): JsonObject {
  pool.simulatedResetRequests.add(usernameKey(pool, username));
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const digest = createHmac('sha256', context.store.simulationSecret).update(`${pool.id}\n${usernameKey(pool, username)}`).digest();
  const bySms = !pool.autoVerifiedAttributes.includes('email') && pool.autoVerifiedAttributes.includes('phone_number');
  if (bySms) {
    const lastFour = String(digest.readUInt16BE(0) % 10000).padStart(4, '0');
    return { CodeDeliveryDetails: { Destination: `+********${lastFour}`, DeliveryMedium: 'SMS', AttributeName: 'phone_number' } };
  }
  const at = username.indexOf('@');
  const destination =
    at > 0
      ? `${username.charAt(0)}***@${username.charAt(at + 1)}***`
      : `${letters[digest[0] % 26]}***@${letters[digest[1] % 26]}***`;
  return { CodeDeliveryDetails: { Destination: destination, DeliveryMedium: 'EMAIL', AttributeName: 'email' } };
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
    // §6: LEGACY names the problem; ENABLED answers as if the code were wrong, or expired when no code was ever
    // requested for this name.
    if (!preventsUserExistenceErrors(client)) {
      if (!user) throw Errors.userNotFound(Messages.usernameClientNotFound);
      throw Errors.notAuthorized(Messages.userDisabledReset);
    }
    const requested = pool.simulatedResetRequests.has(usernameKey(pool, username)) || (user?.resetCode ?? null) !== null;
    throw requested ? Errors.codeMismatch() : Errors.codeExpired();
  }
  if (countInWindow(user.wrongCodes, now) >= LIMITS.wrongCodesPerWindow) throw Errors.limitExceeded();
  const violation = passwordPolicyViolation(pool.passwordPolicy, password);
  if (violation) throw Errors.invalidPassword(PolicyPrefix.doesNotConform + violation);
  // No code ever requested, already used, or replaced and then used: nothing to match (§6 "ExpiredCodeException
  // if no code was ever requested").
  const pending = user.resetCode;
  if (!pending) throw Errors.codeExpired();
  if (now > pending.issuedAt + LIMITS.codeLifetimeSeconds * 1000) throw Errors.codeExpired();
  if (!codesEqual(pending.code, code)) {
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

/** Constant-time comparison of two short codes. */
function codesEqual(expected: string, received: string): boolean {
  let difference = expected.length ^ received.length;
  for (let index = 0; index < expected.length; index += 1) {
    difference |= expected.charCodeAt(index) ^ (received.charCodeAt(index) || 0);
  }
  return difference === 0;
}

export const ForgotPassword: OperationDefinition = { signed: false, handler: forgotPassword };
export const ConfirmForgotPassword: OperationDefinition = { signed: false, handler: confirmForgotPassword };
