import { describe, expect, it } from 'vitest';
import { AuthFailureError } from './adapter';
import { toUiError } from './errors';
import { isTransientError } from './transient-errors';

describe('isTransientError', () => {
  it.each([
    ['NetworkError', 'Network error'],
    ['TooManyRequestsException', 'Too many requests'],
    ['InternalErrorException', 'Internal error'],
  ])('keeps the input after %s: nothing was decided', (code, message) => {
    expect(isTransientError(toUiError(new AuthFailureError(code, message), 'signIn'))).toBe(true);
  });

  it.each([
    ['NotAuthorizedException', 'Incorrect username or password.'],
    ['CodeMismatchException', 'Invalid verification code provided, please try again.'],
    ['LimitExceededException', 'Attempt limit exceeded, please try after some time.'],
    ['SomethingUnknownException', 'What?'],
  ])('does not after %s: the pool looked at what was sent', (code, message) => {
    expect(isTransientError(toUiError(new AuthFailureError(code, message), 'confirmReset'))).toBe(false);
  });
});
