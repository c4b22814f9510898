import { renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ErrorField } from '../auth/auth-types';
import { reportUiError, serverErrorType, useErrorText } from './form-errors';
import './test-i18n';

type Values = { username: string; password: string };
const fieldFor = (field: ErrorField) => (field === 'username' || field === 'password' ? field : undefined);
const translate = (key: string, values?: Record<string, string | number>) => `${key}${values ? JSON.stringify(values) : ''}`;

function target() {
  return { setError: vi.fn(), setFocus: vi.fn() };
}

describe('reportUiError', () => {
  it('puts a field error on its field, translated, and focuses it', () => {
    const form = target();
    reportUiError<Values>(form, { kind: 'field', field: 'username', messageKey: 'errors.x', values: { n: 1 } }, translate, fieldFor);
    expect(form.setError).toHaveBeenCalledWith('username', { type: serverErrorType, message: 'errors.x{"n":1}' }, { shouldFocus: true });
    expect(form.setFocus).not.toHaveBeenCalled();
  });

  it('sends a field error for a field this form does not have to the alert region', () => {
    const form = target();
    reportUiError<Values>(form, { kind: 'field', field: 'code', messageKey: 'errors.codeMismatch' }, translate, fieldFor);
    expect(form.setError).toHaveBeenCalledWith('root.server', { type: serverErrorType, message: 'errors.codeMismatch' });
    expect(form.setFocus).not.toHaveBeenCalled();
  });

  it('shows a form error in the alert region and focuses the field it names', () => {
    const form = target();
    reportUiError<Values>(form, { kind: 'form', field: 'password', messageKey: 'errors.wrongCredentials' }, translate, fieldFor);
    expect(form.setError).toHaveBeenCalledWith('root.server', { type: serverErrorType, message: 'errors.wrongCredentials' });
    expect(form.setFocus).toHaveBeenCalledWith('password');
  });

  it('shows an operator error in the alert region', () => {
    const form = target();
    reportUiError<Values>(form, { kind: 'operator', messageKey: 'errors.operator.clientSecret' }, translate, fieldFor);
    expect(form.setError).toHaveBeenCalledWith('root.server', { type: serverErrorType, message: 'errors.operator.clientSecret' });
  });
});

describe('useErrorText', () => {
  it('translates schema messages (keys) and shows server messages as they are', () => {
    const { result } = renderHook(() => useErrorText());
    expect(result.current({ type: 'custom', message: 'ui.validation.usernameRequired' })).toBe('Enter your username.');
    expect(result.current({ type: serverErrorType, message: 'Already translated.' })).toBe('Already translated.');
    expect(result.current(undefined)).toBeUndefined();
  });
});
