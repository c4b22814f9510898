import type { PasswordPolicy } from './seed-schema';

/** §1: the symbols Cognito counts, plus the space character. */
const SYMBOLS = new Set('^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+- ');

/**
 * The first rule of the pool's policy that the password breaks, as Cognito words it (§5.3), or null.
 * Only one reason is reported per response (§5.3). [U] Check order: length, lowercase, uppercase, numeric,
 * symbol (inferred in §5.3 from a test suite, not confirmed).
 */
export function passwordPolicyViolation(policy: PasswordPolicy, password: string): string | null {
  if ([...password].length < policy.MinimumLength) return 'Password not long enough';
  if (policy.RequireLowercase && !/[a-z]/.test(password)) return 'Password must have lowercase characters';
  if (policy.RequireUppercase && !/[A-Z]/.test(password)) return 'Password must have uppercase characters';
  if (policy.RequireNumbers && !/[0-9]/.test(password)) return 'Password must have numeric characters';
  if (policy.RequireSymbols && ![...password].some((character) => SYMBOLS.has(character))) {
    return 'Password must have symbol characters';
  }
  return null;
}

/**
 * §5.3 [X]: the prefix differs by operation. "does not conform to" is attested for RespondToAuthChallenge and
 * ConfirmForgotPassword. [U] For AdminSetUserPassword and AdminCreateUser this emulator uses the same prefix
 * (the admin family shares the newer wording in AWS CLI transcripts people quote); for ChangePassword it uses
 * "did not conform with", the only prefix an app's ChangePassword handler was seen to check (§5.3).
 */
export const PolicyPrefix = {
  doesNotConform: 'Password does not conform to policy: ',
  didNotConform: 'Password did not conform with policy: ',
} as const;

/** A temporary password that satisfies the policy, for AdminCreateUser without TemporaryPassword. */
export function generateTemporaryPassword(policy: PasswordPolicy, randomInt: (maxExclusive: number) => number): string {
  const lower = 'abcdefghijkmnopqrstuvwxyz';
  const upper = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const digits = '23456789';
  const symbols = '!#%&*+-=?@^_';
  const pick = (alphabet: string) => alphabet[randomInt(alphabet.length)];
  const characters = [pick(lower), pick(upper), pick(digits), pick(symbols)];
  const all = lower + upper + digits + symbols;
  while (characters.length < Math.max(policy.MinimumLength, 12)) characters.push(pick(all));
  // Shuffle so the character classes do not sit in a fixed order.
  for (let index = characters.length - 1; index > 0; index -= 1) {
    const other = randomInt(index + 1);
    [characters[index], characters[other]] = [characters[other], characters[index]];
  }
  return characters.join('');
}
