import { Errors } from '../errors';
import { holdsName, nameTakenMessage, otherHolder, type AliasAttribute } from '../sign-in-names';
import type { PoolState, UserState } from '../store';

/**
 * The uniqueness of what users sign in with (docs/cognito-behaviour.md §10.2, §10.3), checked before a change of
 * attributes is applied: the email or phone number of a UsernameAttributes pool, a preferred_username alias, and
 * a verified email or phone alias.
 *
 * - `adminCreate` (AdminCreateUser): a taken username attribute is UsernameExistsException (§10.2); a verified
 *   alias held by another user moves to the new user with ForceAliasCreation, else AliasExistsException (§10.3).
 * - `adminUpdate` (AdminUpdateUserAttributes): a taken username attribute is AliasExistsException; a verified
 *   alias moves to this user and is marked unverified on the other (§10.3, observed).
 * - `user` (a user's own change: VerifyUserAttribute, NEW_PASSWORD_REQUIRED attributes): AliasExistsException.
 *
 * Answers the users who lose an alias; the caller marks it unverified on them once its own change is applied.
 */
export type NameClaim = { by: 'adminCreate'; forceAliasCreation: boolean } | { by: 'adminUpdate' } | { by: 'user' };

export function checkSignInNames(
  pool: PoolState,
  user: UserState,
  next: ReadonlyMap<string, string>,
  claim: NameClaim,
): Array<{ holder: UserState; attribute: AliasAttribute }> {
  const moving: Array<{ holder: UserState; attribute: AliasAttribute }> = [];
  const candidate = { username: user.username, attributes: next };
  const attributes: readonly AliasAttribute[] = pool.usernameAttributes.length > 0 ? pool.usernameAttributes : pool.aliasAttributes;
  for (const attribute of attributes) {
    const value = next.get(attribute);
    if (value === undefined || value === '') continue;
    // Only a name this change gives the user: one they already hold is theirs (and unique already).
    if (!holdsName(pool, candidate, attribute, value) || holdsName(pool, user, attribute, value)) continue;
    const holder = otherHolder(pool, attribute, value, user);
    if (!holder) continue;
    const message = nameTakenMessage(attribute);
    if (pool.usernameAttributes.length > 0) {
      throw claim.by === 'adminCreate' ? Errors.usernameExists(message) : Errors.aliasExists(message);
    }
    const movable = attribute !== 'preferred_username';
    if (movable && (claim.by === 'adminUpdate' || (claim.by === 'adminCreate' && claim.forceAliasCreation))) {
      moving.push({ holder, attribute });
      continue;
    }
    throw Errors.aliasExists(message);
  }
  return moving;
}

/** §10.3: an alias that moved is no longer verified on the user it left, so it no longer names them. */
export function releaseMovedAliases(moving: ReadonlyArray<{ holder: UserState; attribute: AliasAttribute }>, now: number): void {
  for (const { holder, attribute } of moving) {
    holder.attributes.set(`${attribute}_verified`, 'false');
    holder.lastModifiedAt = now;
  }
}

/** Whether `next` keeps every sign-in name unique for a change the user makes (no AliasExistsException). */
export function namesStayUnique(pool: PoolState, user: UserState, next: ReadonlyMap<string, string>): boolean {
  try {
    checkSignInNames(pool, user, next, { by: 'user' });
    return true;
  } catch {
    return false;
  }
}
