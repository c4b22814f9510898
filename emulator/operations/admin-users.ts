import { randomInt, randomUUID } from 'node:crypto';
import { namesOutsideSchema, unverifyIfChanged } from '../attributes';
import type { DeliveryMedium } from '../delivery';
import { Errors, Messages } from '../errors';
import { PolicyPrefix, generateTemporaryPassword, passwordPolicyViolation } from '../password-policy';
import { aliasShapedUsernameMessage, nameTakenMessage, usernameAttributeOf, usernameFormatMessage } from '../sign-in-names';
import { createPasswordVerifier } from '../srp';
import { usernameKey, type PoolState, type UserState } from '../store';
import {
  attributeListOf,
  epochSeconds,
  requirePool,
  requireUserForAdmin,
  signedOperation,
  touch,
  type OperationContext,
} from './context';
import { attributeList, optionalBoolean, optionalString, requiredString, stringList, type JsonObject } from './input';
import { userMfaMembers } from './mfa-preference';
import { sendResetCode } from './password-reset';
import { checkSignInNames, releaseMovedAliases, type NameClaim } from './sign-in-name-claims';
import { clearSignInFailures } from './sign-in';

/**
 * Admin user operations (SigV4-signed, §0.4): §4.9–§4.15. An administrator is trusted with user existence, so
 * unknown users are named plainly: UserNotFoundException "User does not exist." (§4.13).
 */

/** The `UserType` shape of AdminCreateUser and ListUsers (§4.9, §4.16). */
export function userType(user: UserState, attributesToGet?: readonly string[]): JsonObject {
  return {
    Username: user.username,
    Attributes: attributeListOf(user, attributesToGet),
    UserCreateDate: epochSeconds(user.createdAt),
    UserLastModifiedDate: epochSeconds(user.lastModifiedAt),
    Enabled: user.enabled,
    UserStatus: user.status,
  };
}

/**
 * Applies attribute changes as an administrator may (§4.12): attributes outside the schema are refused, all of
 * them named in one answer (in the form `unknownForm`), then immutable ones; a blank value deletes; a changed
 * email or phone number is unverified unless the same call verifies it. What users sign in with stays unique
 * (§10.2, §10.3): the change is worked out on a copy and checked before any of it is applied.
 */
function applyAdminAttributes(
  context: OperationContext,
  pool: PoolState,
  user: UserState,
  updates: ReadonlyArray<{ name: string; value: string }>,
  claim: NameClaim,
  unknownForm: 'create' | 'update',
): void {
  const unknown = namesOutsideSchema(pool.schema, updates.map((update) => update.name));
  if (unknown.length > 0) throw Errors.attributesNotInSchema(unknown, unknownForm);
  for (const { name } of updates) {
    // An immutable custom attribute gets its value when the user is made, and keeps it; `sub` is the pool's own.
    const settable = pool.schema.get(name)?.mutable || (unknownForm === 'create' && name !== 'sub');
    if (!settable) throw Errors.invalidParameter(`Cannot modify the non-mutable attribute ${name}`);
  }
  const names = new Set(updates.map((update) => update.name));
  const next = new Map(user.attributes);
  for (const { name, value } of updates) {
    const previous = next.get(name);
    if (value === '') next.delete(name);
    else next.set(name, value);
    unverifyIfChanged(next, name, previous, names);
  }
  const moving = checkSignInNames(pool, user, next, claim);
  user.attributes = next;
  releaseMovedAliases(moving, context.clock.now());
}

/** The invitation carrying a temporary password (AdminCreateUser), to the outbox. */
function sendInvitation(
  context: OperationContext,
  pool: PoolState,
  user: UserState,
  temporaryPassword: string,
  requestedMediums: readonly string[] | undefined,
): void {
  const phone = user.attributes.get('phone_number');
  const email = user.attributes.get('email');
  // §4.9: the model's default medium is SMS. [U] Without DesiredDeliveryMediums this emulator picks SMS when the
  // user has a phone number and EMAIL otherwise, so a generated temporary password always reaches the outbox.
  const mediums = requestedMediums ?? [phone ? 'SMS' : 'EMAIL'];
  for (const medium of mediums) {
    const destination = medium === 'SMS' ? phone : medium === 'EMAIL' ? email : undefined;
    if (!destination) continue;
    context.store.sendToOutbox({
      poolId: pool.id,
      username: user.username,
      kind: 'AdminCreateUser',
      medium: medium as DeliveryMedium,
      destination,
      code: null,
      temporaryPassword,
    });
  }
}

function temporaryPasswordFor(pool: PoolState, given: string | undefined): string {
  if (given === undefined) return generateTemporaryPassword(pool.passwordPolicy, (max) => randomInt(max));
  // §4.9: a temporary password must satisfy the policy too.
  const violation = passwordPolicyViolation(pool.passwordPolicy, given);
  if (violation) throw Errors.invalidPassword(PolicyPrefix.doesNotConform + violation);
  return given;
}

async function adminCreateUser(input: JsonObject, context: OperationContext): Promise<JsonObject> {
  const pool = requirePool(context, requiredString(input, 'UserPoolId'));
  const username = requiredString(input, 'Username');
  if (username === '' || /\s/.test(username)) {
    throw Errors.invalidParameter(
      `1 validation error detected: Value at 'username' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+`,
    );
  }
  const messageAction = optionalString(input, 'MessageAction');
  if (messageAction !== undefined && messageAction !== 'RESEND' && messageAction !== 'SUPPRESS') {
    throw Errors.enumMember('MessageAction', messageAction, ['RESEND', 'SUPPRESS']);
  }
  const mediums = stringList(input, 'DesiredDeliveryMediums');
  for (const medium of mediums ?? []) {
    if (medium !== 'SMS' && medium !== 'EMAIL') throw Errors.enumMember('DesiredDeliveryMediums', medium, ['SMS', 'EMAIL']);
  }
  const attributes = attributeList(input, 'UserAttributes', false);
  const forceAliasCreation = optionalBoolean(input, 'ForceAliasCreation') ?? false;
  // §10.2: in a pool that signs in with email or phone, the Username is one of those and the username is made here.
  const signInAttribute = pool.usernameAttributes.length > 0 ? usernameAttributeOf(pool, username) : null;
  if (pool.usernameAttributes.length > 0 && !signInAttribute) throw Errors.invalidParameter(usernameFormatMessage(pool));
  // §10.3: with an email or phone alias, a username of that shape could shadow another user's alias.
  const aliasShaped = aliasShapedUsernameMessage(pool, username);
  if (aliasShaped) throw Errors.invalidParameter(aliasShaped);
  const temporaryPassword = temporaryPasswordFor(pool, optionalString(input, 'TemporaryPassword'));
  // RESEND names the user by any name Cognito takes (§10.1); a new user clashes only with an existing username,
  // which in a UsernameAttributes pool is the email or phone number.
  const existing =
    messageAction === 'RESEND' || signInAttribute
      ? context.store.findUser(pool, username)
      : pool.users.get(usernameKey(pool, username));

  if (messageAction === 'RESEND') {
    // §4.9: RESEND for an unknown user is UserNotFoundException "User does not exist.".
    if (!existing) throw Errors.userNotFound();
    // RESEND re-sends an invitation; a user who has already set a password must not be put back to a temporary
    // one by it. [U] The model declares UnsupportedUserStateException for AdminCreateUser; the message is this
    // emulator's wording.
    if (existing.status !== 'FORCE_CHANGE_PASSWORD') {
      throw Errors.unsupportedUserState(`Resend not possible. ${existing.username} status is not FORCE_CHANGE_PASSWORD.`);
    }
    existing.password = createPasswordVerifier(pool.srpPoolName, existing.username, temporaryPassword);
    existing.status = 'FORCE_CHANGE_PASSWORD';
    existing.temporaryPasswordSetAt = context.clock.now();
    touch(context, existing);
    sendInvitation(context, pool, existing, temporaryPassword, mediums);
    return { User: userType(existing) };
  }
  if (existing) throw Errors.usernameExists(signInAttribute ? nameTakenMessage(signInAttribute) : undefined);

  // §10.2: the generated username is the user's sub, and it is what SRP hashes (USER_ID_FOR_SRP).
  const sub = randomUUID();
  const internalUsername = signInAttribute ? sub : username;
  const user = context.store.newUser({
    username: internalUsername,
    sub,
    password: createPasswordVerifier(pool.srpPoolName, internalUsername, temporaryPassword),
    status: 'FORCE_CHANGE_PASSWORD',
  });
  if (signInAttribute) {
    const given = attributes.find((attribute) => attribute.name === signInAttribute);
    // [U] §10.2: a Username and a UserAttributes entry naming two different addresses; the wording is this pool's.
    if (given && given.value !== username) {
      throw Errors.invalidParameter(`Username and the ${signInAttribute} attribute must be the same value.`);
    }
    user.attributes.set(signInAttribute, username);
  }
  applyAdminAttributes(context, pool, user, attributes, { by: 'adminCreate', forceAliasCreation }, 'create');
  context.store.addUser(pool, user);
  if (messageAction !== 'SUPPRESS') sendInvitation(context, pool, user, temporaryPassword, mediums);
  return { User: userType(user) };
}

async function adminGetUser(input: JsonObject, context: OperationContext): Promise<JsonObject> {
  const pool = requirePool(context, requiredString(input, 'UserPoolId'));
  const user = requireUserForAdmin(context, pool, requiredString(input, 'Username'));
  // §4.13: the fields of UserType, with the attributes under the name UserAttributes.
  const { Attributes, ...fields } = userType(user);
  return { ...fields, UserAttributes: Attributes, ...userMfaMembers(user) };
}

/** §4.10: Permanent sets CONFIRMED; otherwise FORCE_CHANGE_PASSWORD with a new temporary-password period. */
async function adminSetUserPassword(input: JsonObject, context: OperationContext): Promise<JsonObject> {
  const pool = requirePool(context, requiredString(input, 'UserPoolId'));
  const username = requiredString(input, 'Username');
  const password = requiredString(input, 'Password');
  const permanent = optionalBoolean(input, 'Permanent') ?? false;
  const user = requireUserForAdmin(context, pool, username);
  const violation = passwordPolicyViolation(pool.passwordPolicy, password);
  if (violation) throw Errors.invalidPassword(PolicyPrefix.doesNotConform + violation);
  user.password = createPasswordVerifier(pool.srpPoolName, user.username, password);
  user.status = permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD';
  user.temporaryPasswordSetAt = permanent ? null : context.clock.now();
  user.resetCode = null;
  clearSignInFailures(user);
  touch(context, user);
  return {};
}

/**
 * §4.11: the user goes to RESET_REQUIRED and a code goes to the verified contact (kind AdminResetUserPassword).
 * With no verified email or phone the call is refused with §5.2's InvalidParameterException and the user is left
 * as they were: that is the answer AWS's own walk-through of an admin reset shows, fixed by setting
 * email_verified=true. (The API reference's "a code is sent only if a verified phone or email exists" is read as
 * describing that precondition.) The user's tokens are not revoked; while the reset is pending they get
 * PasswordResetRequiredException instead of an answer (access-token.ts, refresh-tokens.ts).
 */
async function adminResetUserPassword(input: JsonObject, context: OperationContext): Promise<JsonObject> {
  const pool = requirePool(context, requiredString(input, 'UserPoolId'));
  const user = requireUserForAdmin(context, pool, requiredString(input, 'Username'));
  if (!user.enabled) throw Errors.notAuthorized(Messages.userDisabledReset);
  if (user.status === 'FORCE_CHANGE_PASSWORD') throw Errors.notAuthorized(Messages.cannotResetInCurrentState);
  sendResetCode(context, pool, user, 'AdminResetUserPassword');
  user.status = 'RESET_REQUIRED';
  user.temporaryPasswordSetAt = null;
  touch(context, user);
  return {};
}

async function adminUpdateUserAttributes(input: JsonObject, context: OperationContext): Promise<JsonObject> {
  const pool = requirePool(context, requiredString(input, 'UserPoolId'));
  const username = requiredString(input, 'Username');
  const updates = attributeList(input, 'UserAttributes', true);
  const user = requireUserForAdmin(context, pool, username);
  applyAdminAttributes(context, pool, user, updates, { by: 'adminUpdate' }, 'update');
  touch(context, user);
  return {};
}

/** §4.14: disabling revokes every access and refresh token of the user. */
async function adminDisableUser(input: JsonObject, context: OperationContext): Promise<JsonObject> {
  const pool = requirePool(context, requiredString(input, 'UserPoolId'));
  const user = requireUserForAdmin(context, pool, requiredString(input, 'Username'));
  user.enabled = false;
  context.store.revokeTokenFamilies(pool, user);
  touch(context, user);
  return {};
}

async function adminEnableUser(input: JsonObject, context: OperationContext): Promise<JsonObject> {
  const pool = requirePool(context, requiredString(input, 'UserPoolId'));
  const user = requireUserForAdmin(context, pool, requiredString(input, 'Username'));
  user.enabled = true;
  touch(context, user);
  return {};
}

/** §4.15: no output shape, so an empty body. */
async function adminDeleteUser(input: JsonObject, context: OperationContext): Promise<undefined> {
  const pool = requirePool(context, requiredString(input, 'UserPoolId'));
  const user = requireUserForAdmin(context, pool, requiredString(input, 'Username'));
  context.store.deleteUser(pool, user);
  return undefined;
}

export const AdminCreateUser = signedOperation(adminCreateUser);
export const AdminGetUser = signedOperation(adminGetUser);
export const AdminSetUserPassword = signedOperation(adminSetUserPassword);
export const AdminResetUserPassword = signedOperation(adminResetUserPassword);
export const AdminUpdateUserAttributes = signedOperation(adminUpdateUserAttributes);
export const AdminDisableUser = signedOperation(adminDisableUser);
export const AdminEnableUser = signedOperation(adminEnableUser);
export const AdminDeleteUser = signedOperation(adminDeleteUser);
