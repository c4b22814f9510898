import { lazyScreen, type LazyScreen } from './lazy-screen';
import { paths } from './paths';

// Sign-in is where nearly every visit starts, so it is in the first page; every other screen is a chunk of
// its own, loaded when its route is first shown (the first page stays small; see `npm run bench`), or
// earlier through `preloadScreen`.
export const NewPasswordRoute = lazyScreen(
  () => import('../screens/new-password/new-password-route'),
  (module) => module.NewPasswordRoute,
);
export const MfaCodeRoute = lazyScreen(
  () => import('../screens/mfa-code/mfa-code-route'),
  (module) => module.MfaCodeRoute,
);
export const ChooseMfaRoute = lazyScreen(
  () => import('../screens/choose-mfa/choose-mfa-route'),
  (module) => module.ChooseMfaRoute,
);
export const SetUpAuthenticatorRoute = lazyScreen(
  () => import('../screens/set-up-authenticator/set-up-authenticator-route'),
  (module) => module.SetUpAuthenticatorRoute,
);
export const ForgotPasswordRoute = lazyScreen(
  () => import('../screens/forgot-password/forgot-password-route'),
  (module) => module.ForgotPasswordRoute,
);
export const ResetPasswordRoute = lazyScreen(
  () => import('../screens/reset-password/reset-password-route'),
  (module) => module.ResetPasswordRoute,
);
export const AccountRoute = lazyScreen(
  () => import('../screens/account/account-route'),
  (module) => module.AccountRoute,
);
export const ChangePasswordRoute = lazyScreen(
  () => import('../screens/change-password/change-password-route'),
  (module) => module.ChangePasswordRoute,
);
export const TwoStepRoute = lazyScreen(
  () => import('../screens/two-step/two-step-route'),
  (module) => module.TwoStepRoute,
);
export const AddAuthenticatorRoute = lazyScreen(
  () => import('../screens/add-authenticator/add-authenticator-route'),
  (module) => module.AddAuthenticatorRoute,
);
export const VerifyContactRoute = lazyScreen(
  () => import('../screens/verify-contact/verify-contact-route'),
  (module) => module.VerifyContactRoute,
);

/** The lazy screen at each path (sign-in and the not-found page are in the first page). */
const SCREENS: ReadonlyMap<string, LazyScreen> = new Map([
  [paths.newPassword, NewPasswordRoute],
  [paths.mfaCode, MfaCodeRoute],
  [paths.chooseMfa, ChooseMfaRoute],
  [paths.setUpAuthenticator, SetUpAuthenticatorRoute],
  [paths.forgotPassword, ForgotPasswordRoute],
  [paths.resetPassword, ResetPasswordRoute],
  [paths.account, AccountRoute],
  [paths.changePassword, ChangePasswordRoute],
  [paths.twoStepVerification, TwoStepRoute],
  [paths.addAuthenticator, AddAuthenticatorRoute],
  [paths.verifyContact, VerifyContactRoute],
]);

/**
 * Loads the chunk of the screen at `to` (a path, with or without a query or fragment) ahead of showing it, so
 * the navigation there renders it at once. Resolves when it is in, or at once for a path without a lazy
 * screen; never rejects (a failed load is tried again when the screen renders).
 */
export function preloadScreen(to: string): Promise<void> {
  const pathname = to.split(/[?#]/, 1)[0] ?? to;
  return SCREENS.get(pathname)?.preload() ?? Promise.resolve();
}
