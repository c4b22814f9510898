import { z } from 'zod/mini';

/**
 * Field schemas shared by the screens (the new password itself comes from the config's
 * `newPasswordSchema(policy)`). Messages are i18n keys, translated when shown. Passwords are never
 * trimmed: a space is a legitimate password character.
 */

// The username field's schema depends on what the pool signs in with: identifierSchema in sign-in-identifier.ts.

export const signInPasswordSchema = z.string().check(z.minLength(1, 'ui.validation.passwordRequired'));

export const currentPasswordSchema = z.string().check(z.minLength(1, 'ui.validation.currentPasswordRequired'));

/** Cognito's confirmation codes are six digits; spaces pasted with them are dropped. */
export const confirmationCodeSchema = z.string().check(
  z.overwrite((code) => code.replace(/\s+/g, '')),
  z.minLength(1, 'ui.validation.codeRequired'),
  z.regex(/^\d{6}$/, 'ui.validation.codeFormat'),
);

/**
 * A second-factor code (text message, email or authenticator app) or an authenticator's first code: six
 * digits, spaces dropped ("123 456" as messages and apps show it). Its messages name the field.
 */
export const verificationCodeSchema = z.string().check(
  z.overwrite((code) => code.replace(/\s+/g, '')),
  z.minLength(1, 'ui.validation.verificationCodeRequired'),
  z.regex(/^\d{6}$/, 'ui.validation.verificationCodeFormat'),
);

export const confirmPasswordSchema = z.string().check(z.minLength(1, 'ui.validation.confirmRequired'));

/** The confirmation must repeat the new password; reported on the confirmation field. */
export function requireMatchingConfirmation<T extends z.ZodMiniType<{ newPassword: string; confirmPassword: string }>>(schema: T): T {
  return schema.check(
    z.refine((values) => values.confirmPassword === '' || values.newPassword === values.confirmPassword, {
      path: ['confirmPassword'],
      message: 'ui.validation.confirmMismatch',
    }),
  );
}
