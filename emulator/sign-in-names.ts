/**
 * The names a user can be found by (docs/cognito-behaviour.md, §10): the username, and, by the pool's settings,
 * an email address or phone number that is the username (UsernameAttributes) or an alias of it
 * (AliasAttributes: a verified email or phone number, a preferred_username). Pure functions over the pool's
 * users, so store.ts and every operation that takes a username share one reading of the rules.
 */

export type UsernameAttribute = 'email' | 'phone_number';
export type AliasAttribute = UsernameAttribute | 'preferred_username';

/** What these rules need of a pool and of a user (PoolState and UserState have more). */
export interface NamedPool<User extends NamedUser = NamedUser> {
  readonly caseSensitive: boolean;
  readonly usernameAttributes: readonly UsernameAttribute[];
  readonly aliasAttributes: readonly AliasAttribute[];
  readonly users: ReadonlyMap<string, User>;
}

export interface NamedUser {
  readonly username: string;
  readonly attributes: ReadonlyMap<string, string>;
}

/**
 * [U] §10.2: what counts as "a valid email format" is not published. An address here is a local part and a
 * domain with at least one dot, neither with spaces or a second `@`: every address a mail system delivers to
 * passes, and a mistyped name ("jane", "jane@example") does not.
 */
const EMAIL_FORMAT = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
/**
 * §10.2: "A phone number must start with a plus (+) sign, followed immediately by the country code. A phone
 * number can only contain the + sign and digits." [U] At most 15 digits, the first not 0 (E.164).
 */
const PHONE_FORMAT = /^\+[1-9]\d{1,14}$/;

export function isEmailFormat(value: string): boolean {
  return EMAIL_FORMAT.test(value);
}

export function isPhoneFormat(value: string): boolean {
  return PHONE_FORMAT.test(value);
}

/** The username attribute a value is the format of, among those the pool signs in with (§10.2). */
export function usernameAttributeOf(pool: Pick<NamedPool, 'usernameAttributes'>, value: string): UsernameAttribute | null {
  if (pool.usernameAttributes.includes('email') && isEmailFormat(value)) return 'email';
  if (pool.usernameAttributes.includes('phone_number') && isPhoneFormat(value)) return 'phone_number';
  return null;
}

/**
 * §10.2: AdminCreateUser's refusal of a username that is neither format the pool signs in with. The email one
 * is observed (boto/boto3#3836), the other two corroborated (aws-amplify/amplify-js#533 for both, on SignUp).
 */
export function usernameFormatMessage(pool: Pick<NamedPool, 'usernameAttributes'>): string {
  const email = pool.usernameAttributes.includes('email');
  const phone = pool.usernameAttributes.includes('phone_number');
  if (email && phone) return 'Username should be either an email or a phone number.';
  return email ? 'Username should be an email.' : 'Username should be a phone number.';
}

/**
 * §10.3: in a pool with an email (or phone) alias, a username may not look like one, or it could shadow
 * another user's alias. null when the username is acceptable.
 */
export function aliasShapedUsernameMessage(pool: Pick<NamedPool, 'aliasAttributes'>, username: string): string | null {
  if (pool.aliasAttributes.includes('email') && isEmailFormat(username)) {
    return 'Username cannot be of email format, since user pool is configured for email alias.';
  }
  if (pool.aliasAttributes.includes('phone_number') && isPhoneFormat(username)) {
    // [U] By analogy with the email message, which is the one published.
    return 'Username cannot be of phone number format, since user pool is configured for phone number alias.';
  }
  return null;
}

/**
 * §10.4: with CaseSensitive false, the username, email and preferred_username match in any capitalisation; a
 * phone number has none.
 */
export function nameKey(pool: Pick<NamedPool, 'caseSensitive'>, value: string): string {
  return pool.caseSensitive ? value : value.toLowerCase();
}

/** The attributes a value may name a user by in this pool, with whether only a verified value counts. */
function signInAttributes(pool: NamedPool): Array<{ attribute: AliasAttribute; verifiedOnly: boolean }> {
  if (pool.usernameAttributes.length > 0) {
    // §10.2: the email or phone number that is the username "does not have to be verified".
    return pool.usernameAttributes.map((attribute) => ({ attribute, verifiedOnly: false }));
  }
  // §10.3: an email or phone alias is active only once verified; a preferred_username always.
  return pool.aliasAttributes.map((attribute) => ({ attribute, verifiedOnly: attribute !== 'preferred_username' }));
}

/** Whether `user` holds `value` of `attribute` as a name others cannot use (the username attribute or an active alias). */
export function holdsName<User extends NamedUser>(pool: NamedPool<User>, user: User, attribute: AliasAttribute, value: string): boolean {
  const entry = signInAttributes(pool).find((candidate) => candidate.attribute === attribute);
  if (!entry) return false;
  const current = user.attributes.get(attribute);
  if (current === undefined || current === '' || nameKey(pool, current) !== nameKey(pool, value)) return false;
  return !entry.verifiedOnly || user.attributes.get(`${attribute}_verified`) === 'true';
}

/**
 * The user that a name other than their username stands for: the email or phone number a UsernameAttributes
 * pool signs in with, or an active alias (§10.1). Usernames themselves are looked up by the store first, so a
 * username always wins over another user's alias.
 */
export function findByAlias<User extends NamedUser>(pool: NamedPool<User>, name: string): User | undefined {
  if (name === '') return undefined;
  for (const { attribute } of signInAttributes(pool)) {
    for (const user of pool.users.values()) {
      if (holdsName(pool, user, attribute, name)) return user;
    }
  }
  return undefined;
}

/** Another user who holds `value` of `attribute` as a sign-in name, if any (§10.2, §10.3: such names are unique). */
export function otherHolder<User extends NamedUser>(
  pool: NamedPool<User>,
  attribute: AliasAttribute,
  value: string,
  except: User | null,
): User | undefined {
  for (const user of pool.users.values()) {
    if (user !== except && holdsName(pool, user, attribute, value)) return user;
  }
  return undefined;
}

/** §10.2, §10.3: the message of UsernameExistsException and AliasExistsException when a name is taken. */
export function nameTakenMessage(attribute: AliasAttribute): string {
  return `An account with the given ${attribute} already exists.`;
}
