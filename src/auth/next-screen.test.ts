import { describe, expect, it } from 'vitest';
import { paths } from '../app/paths';
import { nextScreenAfterSignIn } from './next-screen';

describe('nextScreenAfterSignIn', () => {
  it('signed in → the account', () => {
    expect(nextScreenAfterSignIn({ kind: 'signedIn' })).toEqual({ to: paths.account });
  });

  it('signed in → where the user was going', () => {
    expect(nextScreenAfterSignIn({ kind: 'signedIn' }, '/account/change-password?x=1')).toEqual({
      to: '/account/change-password?x=1',
    });
  });

  it('signed in → with the notice the step asks for, wherever it leads; a challenge next carries none', () => {
    expect(nextScreenAfterSignIn({ kind: 'signedIn' }, undefined, { signedInNotice: 'passwordSet' })).toEqual({
      to: paths.account,
      state: { notice: 'passwordSet' },
    });
    expect(nextScreenAfterSignIn({ kind: 'signedIn' }, paths.twoStepVerification, { signedInNotice: 'passwordSet' })).toEqual({
      to: paths.twoStepVerification,
      state: { notice: 'passwordSet' },
    });
    expect(nextScreenAfterSignIn({ kind: 'challenge', name: 'MFA_SETUP' }, undefined, { signedInNotice: 'passwordSet' })).toEqual({
      to: paths.setUpAuthenticator,
    });
  });

  it.each(['https://evil.example/', '//evil.example/', '/\\evil.example', 'account'])(
    'signed in → the account, not to an outside or relative address (%s)',
    (from) => {
      expect(nextScreenAfterSignIn({ kind: 'signedIn' }, from)).toEqual({ to: paths.account });
    },
  );

  it.each([paths.signIn, paths.newPassword, `${paths.resetPassword}?username=a`, paths.forgotPassword])(
    'signed in → the account, never back into a signed-out flow (%s)',
    (from) => {
      expect(nextScreenAfterSignIn({ kind: 'signedIn' }, from)).toEqual({ to: paths.account });
    },
  );

  it('NEW_PASSWORD_REQUIRED → the new-password screen, carrying the destination', () => {
    const outcome = { kind: 'challenge', name: 'NEW_PASSWORD_REQUIRED' } as const;
    expect(nextScreenAfterSignIn(outcome)).toEqual({ to: paths.newPassword, state: undefined });
    expect(nextScreenAfterSignIn(outcome, paths.changePassword)).toEqual({
      to: paths.newPassword,
      state: { from: paths.changePassword },
    });
  });

  it.each([
    ['SMS_MFA', paths.mfaCode],
    ['EMAIL_OTP', paths.mfaCode],
    ['SOFTWARE_TOKEN_MFA', paths.mfaCode],
    ['SELECT_MFA_TYPE', paths.chooseMfa],
    ['MFA_SETUP', paths.setUpAuthenticator],
  ] as const)('%s → its screen, carrying the destination', (name, screen) => {
    expect(nextScreenAfterSignIn({ kind: 'challenge', name }, paths.changePassword)).toEqual({
      to: screen,
      state: { from: paths.changePassword },
    });
  });

  it.each([paths.mfaCode, paths.chooseMfa, paths.setUpAuthenticator])('never returns to a challenge screen (%s) after signing in', (from) => {
    expect(nextScreenAfterSignIn({ kind: 'signedIn' }, from)).toEqual({ to: paths.account });
  });

  it('PasswordResetRequiredException → the reset screen', () => {
    expect(nextScreenAfterSignIn({ kind: 'passwordResetRequired', delivery: null }, paths.account)).toEqual({
      to: paths.resetPassword,
    });
  });

  it('anything else → stay and show the error', () => {
    expect(
      nextScreenAfterSignIn({ kind: 'failed', error: { kind: 'form', messageKey: 'errors.wrongCredentials' } }, paths.account),
    ).toBeNull();
  });
});
