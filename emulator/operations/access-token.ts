import { Errors, Messages } from '../errors';
import type { PoolState, TokenFamily, UserState } from '../store';
import type { OperationContext } from './context';

export interface AuthenticatedCaller {
  pool: PoolState;
  user: UserState;
  family: TokenFamily;
}

/**
 * Every operation authorised by an AccessToken verifies it on every use (§4.6): signature and issuer, expiry
 * (by the emulator clock), the user still existing, and revocation (GlobalSignOut, RevokeToken,
 * AdminDisableUser). Messages from §5.2. §4.11: a user whose password an administrator reset keeps their tokens,
 * but none of them works until the reset is completed.
 */
export async function authenticateAccessToken(context: OperationContext, accessToken: string): Promise<AuthenticatedCaller> {
  const now = context.clock.now();
  let expired = false;
  for (const pool of context.store.pools.values()) {
    const result = await pool.issuer.verifyAccessToken(accessToken, now);
    if (!result.ok) {
      expired ||= result.reason === 'expired';
      continue;
    }
    const { claims } = result;
    if (!pool.clients.has(claims.client_id)) throw Errors.notAuthorized(Messages.invalidAccessToken);
    const user = context.store.findUser(pool, claims.username);
    // [U] §4.15: what Cognito answers for a token of a deleted user is not published; this emulator answers
    // "User does not exist.". A user re-created under the same name has a new `sub` and is a
    // different user, so the old token does not reach them.
    if (!user || user.sub !== claims.sub) throw Errors.userNotFound();
    const family = context.store.tokenFamilies.get(claims.origin_jti);
    // A family missing from the store was dropped by POST /_emulator/reset: for the token's holder that is
    // indistinguishable from a sign-out.
    if (!family || family.revoked || !user.enabled) throw Errors.notAuthorized(Messages.accessTokenRevoked);
    if (user.status === 'RESET_REQUIRED') throw Errors.passwordResetRequired();
    return { pool, user, family };
  }
  throw Errors.notAuthorized(expired ? Messages.accessTokenExpired : Messages.invalidAccessToken);
}
