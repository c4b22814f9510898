import { lazy, Suspense } from 'react';
import { BrowserRouter, Outlet, Route, Routes } from 'react-router';
import { SignInRoute } from '../screens/sign-in/sign-in-route';
import { HomeRedirect, RedirectIfSignedIn, RequireSignedIn } from './guards';
import { Layout } from './layout';
import { LoadingIndicator } from './loading-indicator';
import { NotFound } from './not-found';
import { paths } from './paths';

// Sign-in is where nearly every visit starts, so it is in the first page; every other screen is a chunk of
// its own, loaded when its route is first shown (the first page stays small; see `npm run bench`).
const NewPasswordRoute = lazy(() =>
  import('../screens/new-password/new-password-route').then((module) => ({ default: module.NewPasswordRoute })),
);
const MfaCodeRoute = lazy(() => import('../screens/mfa-code/mfa-code-route').then((module) => ({ default: module.MfaCodeRoute })));
const ChooseMfaRoute = lazy(() =>
  import('../screens/choose-mfa/choose-mfa-route').then((module) => ({ default: module.ChooseMfaRoute })),
);
const SetUpAuthenticatorRoute = lazy(() =>
  import('../screens/set-up-authenticator/set-up-authenticator-route').then((module) => ({
    default: module.SetUpAuthenticatorRoute,
  })),
);
const ForgotPasswordRoute = lazy(() =>
  import('../screens/forgot-password/forgot-password-route').then((module) => ({ default: module.ForgotPasswordRoute })),
);
const ResetPasswordRoute = lazy(() =>
  import('../screens/reset-password/reset-password-route').then((module) => ({ default: module.ResetPasswordRoute })),
);
const AccountRoute = lazy(() => import('../screens/account/account-route').then((module) => ({ default: module.AccountRoute })));
const ChangePasswordRoute = lazy(() =>
  import('../screens/change-password/change-password-route').then((module) => ({ default: module.ChangePasswordRoute })),
);
const TwoStepRoute = lazy(() => import('../screens/two-step/two-step-route').then((module) => ({ default: module.TwoStepRoute })));
const AddAuthenticatorRoute = lazy(() =>
  import('../screens/add-authenticator/add-authenticator-route').then((module) => ({ default: module.AddAuthenticatorRoute })),
);
const VerifyContactRoute = lazy(() =>
  import('../screens/verify-contact/verify-contact-route').then((module) => ({ default: module.VerifyContactRoute })),
);

/** The card's content while a screen's chunk loads; the header stays in place around it. */
function ScreenOutlet() {
  return (
    <Suspense fallback={<LoadingIndicator messageKey="app.loadingScreen" />}>
      <Outlet />
    </Suspense>
  );
}

/**
 * The route table. Screens that need their own flow state (a pending challenge or reset) check it
 * themselves and send the user to the start of their flow.
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route element={<ScreenOutlet />}>
          <Route index element={<HomeRedirect />} />
          <Route
            path={paths.signIn}
            element={
              <RedirectIfSignedIn>
                <SignInRoute />
              </RedirectIfSignedIn>
            }
          />
          <Route
            path={paths.newPassword}
            element={
              <RedirectIfSignedIn>
                <NewPasswordRoute />
              </RedirectIfSignedIn>
            }
          />
          <Route
            path={paths.mfaCode}
            element={
              <RedirectIfSignedIn>
                <MfaCodeRoute />
              </RedirectIfSignedIn>
            }
          />
          <Route
            path={paths.chooseMfa}
            element={
              <RedirectIfSignedIn>
                <ChooseMfaRoute />
              </RedirectIfSignedIn>
            }
          />
          <Route
            path={paths.setUpAuthenticator}
            element={
              <RedirectIfSignedIn>
                <SetUpAuthenticatorRoute />
              </RedirectIfSignedIn>
            }
          />
          <Route
            path={paths.forgotPassword}
            element={
              <RedirectIfSignedIn>
                <ForgotPasswordRoute />
              </RedirectIfSignedIn>
            }
          />
          <Route
            path={paths.resetPassword}
            element={
              <RedirectIfSignedIn>
                <ResetPasswordRoute />
              </RedirectIfSignedIn>
            }
          />
          <Route
            path={paths.account}
            element={
              <RequireSignedIn>
                <AccountRoute />
              </RequireSignedIn>
            }
          />
          <Route
            path={paths.changePassword}
            element={
              <RequireSignedIn>
                <ChangePasswordRoute />
              </RequireSignedIn>
            }
          />
          <Route
            path={paths.twoStepVerification}
            element={
              <RequireSignedIn>
                <TwoStepRoute />
              </RequireSignedIn>
            }
          />
          <Route
            path={paths.addAuthenticator}
            element={
              <RequireSignedIn>
                <AddAuthenticatorRoute />
              </RequireSignedIn>
            }
          />
          <Route
            path={paths.verifyContact}
            element={
              <RequireSignedIn>
                <VerifyContactRoute />
              </RequireSignedIn>
            }
          />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Route>
    </Routes>
  );
}

/**
 * Location changes are applied as urgent updates, not transitions: a screen that signs out and then
 * navigates (with a notice) must have both land in the same render. As a transition, the location would
 * trail the auth state, and the signed-in guard would redirect first and drop the notice.
 */
export function AppRouter() {
  return (
    <BrowserRouter useTransitions={false}>
      <AppRoutes />
    </BrowserRouter>
  );
}
