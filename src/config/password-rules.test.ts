import { describe, expect, it } from 'vitest';
import { PasswordPolicySchema } from './schema';
import { newPasswordSchema, passwordRules } from './password-rules';

const fullPolicy = PasswordPolicySchema.parse({});

function firstIssue(policy: typeof fullPolicy, password: string): string | undefined {
  const result = newPasswordSchema(policy).safeParse(password);
  return result.success ? undefined : result.error.issues[0]?.message;
}

describe('passwordRules', () => {
  it('lists the rules in Cognito order with the length as a value', () => {
    const rules = passwordRules(fullPolicy);
    expect(rules.map((rule) => rule.id)).toEqual(['minLength', 'lowercase', 'uppercase', 'number', 'symbol']);
    expect(rules[0]).toMatchObject({ messageKey: 'passwordPolicy.rule.minLength', values: { count: 8 } });
  });

  it('leaves out what the policy does not require', () => {
    const rules = passwordRules({ ...fullPolicy, requireUppercase: false, requireSymbols: false, minimumLength: 6 });
    expect(rules.map((rule) => rule.id)).toEqual(['minLength', 'lowercase', 'number']);
    expect(rules[0]?.values).toEqual({ count: 6 });
  });

  it.each([
    ['minLength', 'Ab1!xyz', false],
    ['minLength', 'Ab1!wxyz', true],
    ['lowercase', 'ABC', false],
    ['lowercase', 'aBC', true],
    ['uppercase', 'abc', false],
    ['uppercase', 'abC', true],
    ['number', 'abc', false],
    ['number', 'ab3', true],
    ['symbol', 'abc123', false],
    ['symbol', 'abc 123', true], // space is one of Cognito's symbols
    ['symbol', 'abc^', true],
    ['symbol', 'abc`', true],
    ['symbol', 'abc\\', true],
    ['symbol', 'abc€', false], // not in Cognito's set
  ])('%s: %j → %s', (id, password, expected) => {
    const rule = passwordRules(fullPolicy).find((candidate) => candidate.id === id);
    expect(rule?.test(password)).toBe(expected);
  });

  it('counts characters, not UTF-16 units', () => {
    const rule = passwordRules({ ...fullPolicy, minimumLength: 6 })[0];
    expect(rule?.test('😀😀😀')).toBe(false);
  });
});

describe('newPasswordSchema', () => {
  it('accepts a password that meets every rule', () => {
    expect(firstIssue(fullPolicy, 'Demo-Passw0rd!')).toBeUndefined();
  });

  it('asks for a password when empty', () => {
    expect(firstIssue(fullPolicy, '')).toBe('errors.newPasswordRequired');
  });

  it.each([
    ['short1!A', undefined],
    ['sh0rt!A', 'errors.passwordPolicy.minLength'],
    ['NOLOWER1!', 'errors.passwordPolicy.lowercase'],
    ['noupper1!', 'errors.passwordPolicy.uppercase'],
    ['NoNumber!', 'errors.passwordPolicy.number'],
    ['NoSymbol1', 'errors.passwordPolicy.symbol'],
  ])('%j → %s', (password, expected) => {
    expect(firstIssue(fullPolicy, password)).toBe(expected);
  });

  it('reports one broken rule at a time, the first in order', () => {
    expect(newPasswordSchema(fullPolicy).safeParse('a').error?.issues).toHaveLength(1);
    expect(firstIssue(fullPolicy, 'a')).toBe('errors.passwordPolicy.minLength');
  });

  it('refuses more than 256 characters', () => {
    expect(firstIssue(fullPolicy, `Aa1!${'x'.repeat(253)}`)).toBe('errors.passwordPolicy.tooLong');
  });

  it('follows a relaxed policy', () => {
    const relaxed = { ...fullPolicy, requireSymbols: false, requireUppercase: false };
    expect(firstIssue(relaxed, 'lowercase1')).toBeUndefined();
  });
});
