import type { UiError } from '../auth/auth-types';

export type PasswordFieldName = 'currentPassword' | 'newPassword' | 'confirmPassword';

/**
 * After a refused submit, which of the form's password fields (`fields`) to clear: only the password the pool
 * refused, to be typed afresh (a new password that breaks the policy takes its confirmation with it).
 * Everything else stays as typed: a wrong or expired code must not cost the user both new passwords, nor a
 * wrong current password the new ones; nothing is cleared for an error that names no password (too many
 * attempts, a dropped connection).
 */
export function failedPasswordFields<F extends PasswordFieldName>(error: UiError, fields: readonly F[]): F[] {
  const refused: readonly PasswordFieldName[] =
    error.field === 'currentPassword' ? ['currentPassword'] : error.field === 'newPassword' ? ['newPassword', 'confirmPassword'] : [];
  return fields.filter((field) => refused.includes(field));
}
