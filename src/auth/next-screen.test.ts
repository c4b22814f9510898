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
    expect(nextScreenAfterSignIn({ kind: 'newPasswordRequired' })).toEqual({ to: paths.newPassword, state: undefined });
    expect(nextScreenAfterSignIn({ kind: 'newPasswordRequired' }, paths.changePassword)).toEqual({
      to: paths.newPassword,
      state: { from: paths.changePassword },
    });
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
