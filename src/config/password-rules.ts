import { z } from 'zod/mini';
import type { PasswordPolicy } from './schema';

export type PasswordRuleId = 'minLength' | 'lowercase' | 'uppercase' | 'number' | 'symbol';

export interface PasswordRule {
  id: PasswordRuleId;
  test(password: string): boolean;
  /** Checklist wording, e.g. "At least 8 characters". */
  messageKey: string;
  /** Wording when a submitted password breaks the rule. Shared with Cognito's InvalidPasswordException reasons. */
  errorKey: string;
  values?: Record<string, string | number>;
}

/**
 * Cognito's symbol set, space included (docs/cognito-behaviour.md §1, "password policy bounds"):
 * ^ $ * . [ ] { } ( ) ? " ! @ # % & / \ , > < ' : ; | _ ~ ` = + -
 */
const COGNITO_SYMBOLS = new Set('^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+- ');

/** Cognito documents no maximum below this (PasswordType, 256 characters). */
export const PASSWORD_MAX_LENGTH = 256;

/**
 * Length in code points. Whether Cognito counts code points or UTF-16 units is unverified [U];
 * the two differ only for characters outside the Basic Multilingual Plane.
 */
function length(password: string): number {
  return Array.from(password).length;
}

/**
 * The pool's password policy as an ordered checklist. The order follows the order in which Cognito
 * appears to report violations: length, lowercase, uppercase, numeric, symbol (§5.3, [U]).
 */
export function passwordRules(policy: PasswordPolicy): PasswordRule[] {
  const rules: PasswordRule[] = [
    {
      id: 'minLength',
      test: (password) => length(password) >= policy.minimumLength,
      messageKey: 'passwordPolicy.rule.minLength',
      errorKey: 'errors.passwordPolicy.minLength',
      values: { count: policy.minimumLength },
    },
  ];
  if (policy.requireLowercase) {
    rules.push({
      id: 'lowercase',
      test: (password) => /[a-z]/.test(password),
      messageKey: 'passwordPolicy.rule.lowercase',
      errorKey: 'errors.passwordPolicy.lowercase',
    });
  }
  if (policy.requireUppercase) {
    rules.push({
      id: 'uppercase',
      test: (password) => /[A-Z]/.test(password),
      messageKey: 'passwordPolicy.rule.uppercase',
      errorKey: 'errors.passwordPolicy.uppercase',
    });
  }
  if (policy.requireNumbers) {
    rules.push({
      id: 'number',
      test: (password) => /[0-9]/.test(password),
      messageKey: 'passwordPolicy.rule.number',
      errorKey: 'errors.passwordPolicy.number',
    });
  }
  if (policy.requireSymbols) {
    rules.push({
      id: 'symbol',
      test: (password) => Array.from(password).some((character) => COGNITO_SYMBOLS.has(character)),
      messageKey: 'passwordPolicy.rule.symbol',
      errorKey: 'errors.passwordPolicy.symbol',
    });
  }
  return rules;
}

/**
 * A new password that satisfies the policy. Issue messages are i18n keys (`errors.*`) and carry no
 * interpolation, so a form can pass them straight to `t()`; the checklist shows the numbers.
 * Only the first broken rule is reported, as Cognito does.
 */
export function newPasswordSchema(policy: PasswordPolicy) {
  const rules = passwordRules(policy);
  return z.string().check(
    z.superRefine((password, ctx) => {
      if (password.length === 0) {
        ctx.addIssue({ code: 'custom', message: 'errors.newPasswordRequired' });
        return;
      }
      if (length(password) > PASSWORD_MAX_LENGTH) {
        ctx.addIssue({ code: 'custom', message: 'errors.passwordPolicy.tooLong' });
        return;
      }
      const broken = rules.find((rule) => !rule.test(password));
      if (broken) ctx.addIssue({ code: 'custom', message: broken.errorKey });
    }),
  );
}
