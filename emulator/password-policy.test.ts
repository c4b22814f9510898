import { describe, expect, it } from 'vitest';
import { generateTemporaryPassword, passwordPolicyViolation } from './password-policy';
import type { PasswordPolicy } from './seed-schema';

const strict: PasswordPolicy = {
  MinimumLength: 8,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
  TemporaryPasswordValidityDays: 7,
};

describe('passwordPolicyViolation', () => {
  it.each([
    ['', 'Password not long enough'],
    ['Ab1!', 'Password not long enough'],
    // One reason per answer, in the order length, lowercase, uppercase, numeric, symbol.
    ['ABCDEFGH', 'Password must have lowercase characters'],
    ['abcdefgh', 'Password must have uppercase characters'],
    ['Abcdefgh', 'Password must have numeric characters'],
    ['Abcdefg1', 'Password must have symbol characters'],
  ])('%j → %s', (password, reason) => {
    expect(passwordPolicyViolation(strict, password)).toBe(reason);
  });

  it.each(['Abcdefg1!', 'Abcdefg1 ', 'Abcdefg1^', 'Abcdefg1`', 'Abcdefg1\\', 'Abcdefg1='])('accepts %j', (password) => {
    expect(passwordPolicyViolation(strict, password)).toBeNull();
  });

  it('does not count letters outside a–z as symbols', () => {
    expect(passwordPolicyViolation(strict, 'Abcdefg1é')).toBe('Password must have symbol characters');
  });

  it('only applies the rules the policy turns on', () => {
    const lax = { ...strict, RequireUppercase: false, RequireNumbers: false, RequireSymbols: false, MinimumLength: 6 };
    expect(passwordPolicyViolation(lax, 'abcdef')).toBeNull();
  });
});

describe('generateTemporaryPassword', () => {
  it('always satisfies the policy', () => {
    let seed = 7;
    const pseudoRandom = (max: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % max;
    };
    for (let run = 0; run < 200; run += 1) {
      expect(passwordPolicyViolation(strict, generateTemporaryPassword(strict, pseudoRandom))).toBeNull();
    }
  });
});
