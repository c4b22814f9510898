import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ErrorField } from '../auth/auth-types';
import { i18n, setLanguage } from '../i18n';
import { reportUiError, serverError, serverErrorType, useErrorText } from './form-errors';

type Values = { username: string; password: string };
const fieldFor = (field: ErrorField) => (field === 'username' || field === 'password' ? field : undefined);

function target() {
  return { setError: vi.fn(), setFocus: vi.fn() };
}

describe('reportUiError', () => {
  it('puts a field error on its field, with its values, and focuses it', () => {
    const form = target();
    reportUiError<Values>(form, { kind: 'field', field: 'username', messageKey: 'errors.x', values: { n: 1 } }, fieldFor);
    expect(form.setError).toHaveBeenCalledWith(
      'username',
      { type: serverErrorType, message: '{"key":"errors.x","values":{"n":1}}' },
      { shouldFocus: true },
    );
    expect(form.setFocus).not.toHaveBeenCalled();
  });

  it('sends a field error for a field this form does not have to the alert region', () => {
    const form = target();
    reportUiError<Values>(form, { kind: 'field', field: 'code', messageKey: 'errors.codeMismatch' }, fieldFor);
    expect(form.setError).toHaveBeenCalledWith('root.server', serverError({ messageKey: 'errors.codeMismatch' }));
    expect(form.setFocus).not.toHaveBeenCalled();
  });

  it('shows a form error in the alert region and focuses the field it names', () => {
    const form = target();
    reportUiError<Values>(form, { kind: 'form', field: 'password', messageKey: 'errors.wrongCredentials' }, fieldFor);
    expect(form.setError).toHaveBeenCalledWith('root.server', serverError({ messageKey: 'errors.wrongCredentials' }));
    expect(form.setFocus).toHaveBeenCalledWith('password');
  });

  it('shows an operator error in the alert region', () => {
    const form = target();
    reportUiError<Values>(form, { kind: 'operator', messageKey: 'errors.operator.clientSecret' }, fieldFor);
    expect(form.setError).toHaveBeenCalledWith('root.server', serverError({ messageKey: 'errors.operator.clientSecret' }));
  });
});

describe('useErrorText', () => {
  afterEach(async () => {
    cleanup(); // unmount first: nothing is left to re-render when English comes back
    await setLanguage('en', { remember: false });
  });

  it('translates schema messages (keys) and server messages (keys with values)', () => {
    const { result } = renderHook(() => useErrorText());
    expect(result.current({ type: 'custom', message: 'ui.validation.passwordRequired' })).toBe('Enter your password.');
    const unsupported = serverError({ messageKey: 'errors.unsupportedChallenge', values: { challenge: 'SOFTWARE_TOKEN_MFA' } });
    expect(unsupported.type).toBe(serverErrorType);
    expect(result.current(unsupported)).toBe(
      'Your account needs a custom sign-in step (SOFTWARE_TOKEN_MFA) that this page does not support. Contact your administrator.',
    );
    expect(result.current(undefined)).toBeUndefined();
  });

  it("fills the form's own placeholders into schema and server messages alike", () => {
    const values = { identifier: 'email address' };
    const { result } = renderHook(() => useErrorText(values));
    expect(result.current({ type: 'custom', message: 'ui.validation.identifierRequired' })).toBe('Enter your email address.');
    expect(result.current(serverError({ messageKey: 'errors.wrongCredentials' }))).toBe('Incorrect email address or password.');
  });

  it('shows an error kept before a change of language in the new language', async () => {
    const unsupported = serverError({ messageKey: 'errors.unsupportedChallenge', values: { challenge: 'SOFTWARE_TOKEN_MFA' } });
    const { result } = renderHook(() => useErrorText());
    const english = result.current(unsupported);

    await act(() => setLanguage('ja', { remember: false }));

    const japanese = i18n.getFixedT('ja')('errors.unsupportedChallenge', { challenge: 'SOFTWARE_TOKEN_MFA' });
    expect(japanese).not.toBe(english);
    expect(japanese).toContain('SOFTWARE_TOKEN_MFA');
    expect(result.current(unsupported)).toBe(japanese);
  });
});
