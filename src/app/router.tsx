import { Suspense } from 'react';
import { BrowserRouter, Outlet, Route, Routes } from 'react-router';
import { SignInRoute } from '../screens/sign-in/sign-in-route';
import { HomeRedirect, RedirectIfSignedIn, RequireSignedIn } from './guards';
import { Layout } from './layout';
import { LoadingIndicator } from './loading-indicator';
import { NotFound } from './not-found';
import { paths } from './paths';
import {
  AccountRoute,
  AddAuthenticatorRoute,
  ChangePasswordRoute,
  ChooseMfaRoute,
  ForgotPasswordRoute,
  MfaCodeRoute,
  NewPasswordRoute,
  ResetPasswordRoute,
  SetUpAuthenticatorRoute,
  TwoStepRoute,
  VerifyContactRoute,
} from './screens';

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
