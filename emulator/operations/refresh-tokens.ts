import { CognitoServiceError, Errors, Messages } from '../errors';
import { constantTimeEqual } from '../secure-compare';
import type { ClientState, PoolState, TokenFamily, UserState } from '../store';
import { requireClient, type OperationContext, type OperationDefinition } from './context';
import { optionalString, requiredString, type JsonObject } from './input';
import { issueTokens } from './sign-in';

/**
 * Token refresh, shared by InitiateAuth REFRESH_TOKEN_AUTH (§4.1) and GetTokensFromRefreshToken, with the app
 * client's refresh-token rotation (§4.21).
 */

/** §4.21: whether the client issues a new refresh token on each refresh (RefreshTokenRotation.Feature). */
export function rotatesRefreshTokens(client: ClientState): boolean {
  return client.config.RefreshTokenRotation?.Feature === 'ENABLED';
}

/**
 * The family and user a refresh token stands for, checked in this order (§4.1, §4.21): the token opens and is
 * this client's, the client proves itself (`authenticateClient`, which needs the family for SECRET_HASH), then
 * revocation, expiry and the user (deleted, disabled, or with a password reset pending, §4.11). Messages from §5.2.
 */
export async function openRefreshToken(
  context: OperationContext,
  pool: PoolState,
  client: ClientState,
  refreshToken: string,
  authenticateClient: (family: TokenFamily) => void,
): Promise<{ family: TokenFamily; generation: number; user: UserState }> {
  const opened = await pool.issuer.openRefreshToken(refreshToken);
  if (opened === null) throw Errors.notAuthorized(Messages.invalidRefreshToken);
  const family = context.store.tokenFamilies.get(opened.id);
  // A token that opens but whose family is gone was issued before POST /_emulator/reset (or forgotten, §1.1):
  // treated as revoked.
  if (!family) throw Errors.notAuthorized(Messages.refreshTokenRevoked);
  // §4.1, repost.aws cognito-invalid-refresh-token-error: a refresh token works only with the client that issued it.
  if (family.poolId !== pool.id || family.clientId !== client.config.ClientId) {
    throw Errors.notAuthorized(Messages.invalidRefreshToken);
  }
  authenticateClient(family);
  if (family.revoked) throw Errors.notAuthorized(Messages.refreshTokenRevoked);
  if (context.clock.now() >= family.refreshExpiresAt) throw Errors.notAuthorized(Messages.refreshTokenExpired);
  const user = context.store.findUser(pool, family.username);
  if (!user || user.sub !== family.sub) throw Errors.notAuthorized(Messages.refreshTokenRevoked);
  if (!user.enabled) throw Errors.notAuthorized(Messages.userDisabledSignIn);
  // §4.11: not revoked by an administrator's reset, but no new tokens until the user has completed it.
  if (user.status === 'RESET_REQUIRED') throw Errors.passwordResetRequired();
  return { family, generation: opened.generation, user };
}

/**
 * §4.21 on a rotating client: the newest token is spent and replaced (its predecessor honoured for the grace
 * period); the predecessor within the grace period gets the current token again; anything older, or the
 * predecessor after the grace period, gets RefreshTokenReuseException. Answers the generation of the refresh
 * token to hand out.
 */
function rotate(context: OperationContext, client: ClientState, family: TokenFamily, generation: number): number {
  const now = context.clock.now();
  if (generation === family.generation) {
    family.generation += 1;
    // [U] §4.21: RetryGracePeriodSeconds left out is taken as 0, the value that turns the grace period off.
    family.previousGenerationValidUntil = now + (client.config.RefreshTokenRotation?.RetryGracePeriodSeconds ?? 0) * 1000;
    return family.generation;
  }
  // [U] A retry within the grace period gets the token that replaced its own, not yet another one, so two tabs
  // refreshing at once end up holding the same current token.
  if (generation === family.generation - 1 && now < family.previousGenerationValidUntil) return family.generation;
  throw new CognitoServiceError('RefreshTokenReuseException', Messages.refreshTokenReused);
}

/**
 * GetTokensFromRefreshToken (unsigned, §4.21): new access and ID tokens from a refresh token, on any client; on
 * a rotating client a new refresh token too. Check order [U]: the client and its secret, then the token (as
 * openRefreshToken), then rotation.
 */
async function getTokensFromRefreshToken(input: JsonObject, context: OperationContext): Promise<JsonObject> {
  const refreshToken = requiredString(input, 'RefreshToken');
  const clientId = requiredString(input, 'ClientId');
  const clientSecret = optionalString(input, 'ClientSecret');
  const { pool, client } = requireClient(context, clientId);
  // The raw ClientSecret, as RevokeToken takes it (§4.8), not a SECRET_HASH. [U] The messages are §5.2's for a
  // missing and a wrong SECRET_HASH: no capture for this operation was found.
  const expectedSecret = client.config.ClientSecret;
  if (expectedSecret !== undefined) {
    if (!clientSecret) throw Errors.notAuthorized(`Client ${clientId} is configured for secret but secret was not received`);
    if (!constantTimeEqual(expectedSecret, clientSecret)) throw Errors.notAuthorized(`Unable to verify secret hash for client ${clientId}`);
  }
  const { family, generation, user } = await openRefreshToken(context, pool, client, refreshToken, () => undefined);
  // §4.21: without rotation the answer has no RefreshToken, and clients keep the one they have.
  const next = rotatesRefreshTokens(client) ? rotate(context, client, family, generation) : null;
  const tokens = await issueTokens(context, pool, client, user, family);
  if (next === null) return { AuthenticationResult: tokens };
  return { AuthenticationResult: { ...tokens, RefreshToken: await pool.issuer.sealRefreshToken(family.originJti, next) } };
}

export const GetTokensFromRefreshToken: OperationDefinition = { signed: false, handler: getTokensFromRefreshToken };
