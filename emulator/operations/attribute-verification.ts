import { codeDeliveryDetails, generateCode, type Delivery } from '../delivery';
import { Errors, Messages } from '../errors';
import { LIMITS } from '../limits';
import { constantTimeEqual } from '../secure-compare';
import type { UserState } from '../store';
import { authenticateAccessToken } from './access-token';
import { pruneToWindowAndCount, touch, type OperationContext, type OperationDefinition } from './context';
import { checkSignInNames } from './sign-in-name-claims';
import { requiredString, stringMap, type JsonObject } from './input';

/**
 * §4.19 GetUserAttributeVerificationCode and §4.20 VerifyUserAttribute (unsigned, authorised by the AccessToken):
 * a signed-in user proves they own their email address or phone number. A verified one is a recovery contact,
 * so it is also how a user with none ("no registered/verified email or phone_number") can make ForgotPassword
 * work for them without an administrator (§8).
 */

type VerifiableAttribute = 'email' | 'phone_number';

/** §8: only these two attributes have a `*_verified` flag and a delivery medium. */
function verifiableAttribute(name: string): VerifiableAttribute {
  if (name !== 'email' && name !== 'phone_number') throw Errors.invalidParameter(Messages.notVerifiableAttribute);
  return name;
}

async function getUserAttributeVerificationCode(input: JsonObject, context: OperationContext): Promise<JsonObject> {
  const accessToken = requiredString(input, 'AccessToken');
  const attributeName = requiredString(input, 'AttributeName');
  // Checked for its shape only: ClientMetadata goes to Lambda triggers, which this pool does not run.
  stringMap(input, 'ClientMetadata');
  const { pool, user } = await authenticateAccessToken(context, accessToken);
  const attribute = verifiableAttribute(attributeName);
  const destination = user.attributes.get(attribute);
  if (!destination) {
    throw Errors.invalidParameter(attribute === 'email' ? Messages.noRegisteredEmail : Messages.noRegisteredPhoneNumber);
  }
  // §8: an attribute that is already verified may be verified again; the request is not refused for that.
  const state = user.attributeVerification;
  const now = context.clock.now();
  // Only codes actually sent count, so the AWS CLI's retries of a LimitExceededException (§0.4) add nothing.
  if (pruneToWindowAndCount(state.codeRequests, now) >= LIMITS.attributeCodeRequestsPerWindow) throw Errors.limitExceeded();
  state.codeRequests.push(now);

  const code = generateCode();
  // A new code replaces the previous one for this attribute: only the newest is valid (§4.20).
  state.codes.set(attribute, { code, issuedAt: now, sentTo: destination });
  const delivery: Delivery =
    attribute === 'email'
      ? { medium: 'EMAIL', attributeName: 'email', destination }
      : { medium: 'SMS', attributeName: 'phone_number', destination };
  context.store.sendToOutbox({
    poolId: pool.id,
    username: user.username,
    kind: 'GetUserAttributeVerificationCode',
    medium: delivery.medium,
    destination,
    code,
    temporaryPassword: null,
  });
  return { CodeDeliveryDetails: codeDeliveryDetails(delivery) };
}

/**
 * §4.20. Check order: the token, the attribute name, the wrong-code limit, then the code. [U] As in
 * ConfirmForgotPassword (§4.4), a user at the wrong-code limit is refused even with the right code, so the limit
 * cannot be sidestepped by guessing on.
 */
async function verifyUserAttribute(input: JsonObject, context: OperationContext): Promise<JsonObject> {
  const accessToken = requiredString(input, 'AccessToken');
  const attributeName = requiredString(input, 'AttributeName');
  const code = requiredString(input, 'Code');
  const { pool, user } = await authenticateAccessToken(context, accessToken);
  const attribute = verifiableAttribute(attributeName);
  const state = user.attributeVerification;
  const now = context.clock.now();
  if (pruneToWindowAndCount(state.wrongCodes, now) >= LIMITS.wrongCodesPerWindow) throw Errors.limitExceeded();

  const pending = state.codes.get(attribute);
  // Never requested, already used, expired, or sent to a value the user has since changed: there is nothing this
  // code could verify, and asking for a new code is the way out (ExpiredCodeException, §4.20).
  if (!pending) throw Errors.codeExpired();
  if (now > pending.issuedAt + LIMITS.attributeCodeLifetimeSeconds * 1000) throw Errors.codeExpired();
  if (user.attributes.get(attribute) !== pending.sentTo) throw Errors.codeExpired();
  // Security: constant-time comparison, so response times do not reveal how much of a guess was right.
  if (!constantTimeEqual(pending.code, code)) {
    state.wrongCodes.push(now);
    throw Errors.codeMismatch();
  }

  // §10.3: a verified email or phone alias names one user only; the right code does not take it from another.
  // [U] The code stays pending, so it still works if the other user gives the address up within its lifetime.
  checkSignInNames(pool, user, new Map([...user.attributes, [`${attribute}_verified`, 'true']]), { by: 'user' });
  state.codes.delete(attribute);
  state.wrongCodes = [];
  markVerified(context, user, attribute);
  return {};
}

/** §8: `email_verified` / `phone_number_verified` become "true"; a verified value is a recovery contact (§4.3). */
function markVerified(context: OperationContext, user: UserState, attribute: VerifiableAttribute): void {
  user.attributes.set(attribute === 'email' ? 'email_verified' : 'phone_number_verified', 'true');
  touch(context, user);
}

export const GetUserAttributeVerificationCode: OperationDefinition = { signed: false, handler: getUserAttributeVerificationCode };
export const VerifyUserAttribute: OperationDefinition = { signed: false, handler: verifyUserAttribute };
