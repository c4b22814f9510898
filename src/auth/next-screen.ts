import type { NavigationState, NoticeKey } from '../app/navigation-state';
import { paths } from '../app/paths';
import type { SignInOutcome } from './auth-types';
import type { ChallengeName } from './challenges';

/** Screens that only make sense before signing in: never a destination after it. */
const SIGNED_OUT_ONLY: ReadonlySet<string> = new Set([
  paths.signIn,
  paths.newPassword,
  paths.mfaCode,
  paths.chooseMfa,
  paths.setUpAuthenticator,
  paths.forgotPassword,
  paths.resetPassword,
]);

function isSafeReturnPath(from: string | undefined): from is string {
  if (!from || !from.startsWith('/') || from.startsWith('//') || from.startsWith('/\\')) return false;
  const pathname = from.split(/[?#]/, 1)[0] ?? from;
  return !SIGNED_OUT_ONLY.has(pathname);
}

/** Each challenge's screen. */
export function challengeScreen(name: ChallengeName): string {
  switch (name) {
    case 'NEW_PASSWORD_REQUIRED':
      return paths.newPassword;
    case 'SMS_MFA':
    case 'EMAIL_OTP':
    case 'SOFTWARE_TOKEN_MFA':
      return paths.mfaCode;
    case 'SELECT_MFA_TYPE':
      return paths.chooseMfa;
    case 'MFA_SETUP':
      return paths.setUpAuthenticator;
  }
}

/**
 * Where sign-in leads, chosen by ordered cases on Cognito's answer:
 * 1. signed in → where the user was going (`from`, when it is a path inside the app), else the account,
 *    with `signedInNotice` when the step just taken changed something the user should hear about;
 * 2. a challenge → its screen (new password; an MFA code, the method choice or the authenticator set-up);
 * 3. PasswordResetRequiredException → the reset screen;
 * 4. anything else → null: stay on the form and show the error.
 */
export function nextScreenAfterSignIn(
  outcome: SignInOutcome,
  from?: string,
  { signedInNotice }: { signedInNotice?: NoticeKey } = {},
): { to: string; state?: NavigationState } | null {
  switch (outcome.kind) {
    case 'signedIn':
      return { to: isSafeReturnPath(from) ? from : paths.account, state: signedInNotice ? { notice: signedInNotice } : undefined };
    case 'challenge':
      return { to: challengeScreen(outcome.name), state: isSafeReturnPath(from) ? { from } : undefined };
    case 'passwordResetRequired':
      return { to: paths.resetPassword };
    case 'failed':
      return null;
  }
}
