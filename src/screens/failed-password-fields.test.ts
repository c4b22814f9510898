import { describe, expect, it } from 'vitest';
import type { UiError } from '../auth/auth-types';
import { failedPasswordFields } from './failed-password-fields';

const ALL = ['currentPassword', 'newPassword', 'confirmPassword'] as const;

describe('failedPasswordFields', () => {
  it('clears a refused current password alone', () => {
    const error: UiError = { kind: 'field', field: 'currentPassword', messageKey: 'errors.currentPasswordWrong' };
    expect(failedPasswordFields(error, ALL)).toEqual(['currentPassword']);
  });

  it('clears a refused new password with its confirmation', () => {
    const error: UiError = { kind: 'field', field: 'newPassword', messageKey: 'errors.passwordPolicy.reused' };
    expect(failedPasswordFields(error, ALL)).toEqual(['newPassword', 'confirmPassword']);
  });

  it.each<UiError>([
    { kind: 'field', field: 'code', messageKey: 'errors.codeMismatch' },
    { kind: 'form', messageKey: 'errors.codeExpired' },
    { kind: 'form', messageKey: 'errors.limitExceeded' },
    { kind: 'form', messageKey: 'errors.network', retryable: true },
    { kind: 'field', field: 'attribute:name', messageKey: 'errors.attributeRequired' },
  ])('keeps every password for an error that names none ($messageKey)', (error) => {
    expect(failedPasswordFields(error, ALL)).toEqual([]);
  });

  it('names only the fields the form has', () => {
    const error: UiError = { kind: 'field', field: 'currentPassword', messageKey: 'errors.currentPasswordWrong' };
    expect(failedPasswordFields(error, ['newPassword', 'confirmPassword'])).toEqual([]);
  });
});
