import { CognitoServiceError, Errors } from '../errors';
import { LIMITS } from '../limits';
import { PolicyPrefix, passwordPolicyViolation } from '../password-policy';
import { constantTimeEqual } from '../secure-compare';
import { createPasswordVerifier, passwordMatches } from '../srp';
import { authenticateAccessToken } from './access-token';
import { attributeListOf, pruneToWindowAndCount, touch, type OperationContext, type OperationDefinition } from './context';
import { userMfaMembers } from './mfa-preference';
import { optionalString, requiredString, type JsonObject } from './input';

/** Operations a signed-in user calls with their tokens: §4.5 ChangePassword, §4.6 GetUser, §4.7 GlobalSignOut, §4.8 RevokeToken. */

/**
 * §4.5. [U] Order: access token, the attempt limit, the previous password, then the policy of the new one, so a
 * wrong current password is reported before anything about the new password.
 */
async function changePassword(input: JsonObject, context: OperationContext): Promise<JsonObject> {
  const proposedPassword = requiredString(input, 'ProposedPassword');
  const accessToken = requiredString(input, 'AccessToken');
  const previousPassword = optionalString(input, 'PreviousPassword');
  const { pool, user } = await authenticateAccessToken(context, accessToken);
  const now = context.clock.now();
  if (pruneToWindowAndCount(user.changePasswordFailures, now) >= LIMITS.changePasswordFailuresPerWindow) {
    throw Errors.limitExceeded();
  }
  // §4.5: PreviousPassword may be left out only by passwordless users, which this pool does not have.
  if (previousPassword === undefined) throw Errors.missingMember('PreviousPassword');
  if (!passwordMatches(pool.srpPoolName, user.username, previousPassword, user.password)) {
    user.changePasswordFailures.push(now);
    throw Errors.incorrectCredentials();
  }
  const violation = passwordPolicyViolation(pool.passwordPolicy, proposedPassword);
  if (violation) throw Errors.invalidPassword(PolicyPrefix.didNotConform + violation);
  user.password = createPasswordVerifier(pool.srpPoolName, user.username, proposedPassword);
  user.changePasswordFailures = [];
  touch(context, user);
  return {};
}

async function getUser(input: JsonObject, context: OperationContext): Promise<JsonObject> {
  const { user } = await authenticateAccessToken(context, requiredString(input, 'AccessToken'));
  return { Username: user.username, UserAttributes: attributeListOf(user), ...userMfaMembers(user) };
}

/** §4.7: revokes every refresh token of the user and the access tokens issued from them, on every client. */
async function globalSignOut(input: JsonObject, context: OperationContext): Promise<JsonObject> {
  const { pool, user } = await authenticateAccessToken(context, requiredString(input, 'AccessToken'));
  context.store.revokeTokenFamilies(pool, user);
  return {};
}

/**
 * §4.8: revokes one refresh token and the access tokens issued from it. No real error messages were found;
 * the mapping and its wording are this emulator's choice [U].
 */
async function revokeToken(input: JsonObject, context: OperationContext): Promise<JsonObject | undefined> {
  const token = requiredString(input, 'Token');
  const clientId = requiredString(input, 'ClientId');
  const clientSecret = optionalString(input, 'ClientSecret');
  const found = context.store.findClient(clientId);
  const unauthorized = () => new CognitoServiceError('UnauthorizedException', 'Invalid client credentials.');
  if (!found) throw unauthorized();
  const { pool, client } = found;
  const expectedSecret = client.config.ClientSecret;
  // §7: RevokeToken takes the raw ClientSecret, not a SECRET_HASH.
  if (expectedSecret !== undefined && !constantTimeEqual(expectedSecret, clientSecret ?? '')) throw unauthorized();
  if (!client.config.EnableTokenRevocation) {
    throw new CognitoServiceError('UnsupportedOperationException', 'Token revocation is not enabled for this client.');
  }
  const opened = await pool.issuer.openRefreshToken(token);
  if (opened === null) {
    if (token.split('.').length === 3) {
      throw new CognitoServiceError('UnsupportedTokenTypeException', 'Only refresh tokens can be revoked.');
    }
    // [U] Like OAuth token revocation (RFC 7009 §2.2), a token that is not valid has nothing to revoke and is
    // not an error for the caller.
    return undefined;
  }
  // A token of any generation revokes the whole family, rotated successors included (§4.21).
  const family = context.store.tokenFamilies.get(opened.id);
  if (family && family.clientId !== clientId) throw unauthorized();
  if (family) family.revoked = true;
  // §0.2: "an HTTP 200 response with an empty HTTP body".
  return undefined;
}

export const ChangePassword: OperationDefinition = { signed: false, handler: changePassword };
export const GetUser: OperationDefinition = { signed: false, handler: getUser };
export const GlobalSignOut: OperationDefinition = { signed: false, handler: globalSignOut };
export const RevokeToken: OperationDefinition = { signed: false, handler: revokeToken };
