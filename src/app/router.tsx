import { BrowserRouter, Route, Routes } from 'react-router';
import { AccountRoute } from '../screens/account/account-route';
import { ChangePasswordRoute } from '../screens/change-password/change-password-route';
import { ForgotPasswordRoute } from '../screens/forgot-password/forgot-password-route';
import { NewPasswordRoute } from '../screens/new-password/new-password-route';
import { ResetPasswordRoute } from '../screens/reset-password/reset-password-route';
import { SignInRoute } from '../screens/sign-in/sign-in-route';
import { HomeRedirect, RedirectIfSignedIn, RequireSignedIn } from './guards';
import { Layout } from './layout';
import { NotFound } from './not-found';
import { paths } from './paths';

/**
 * The route table. Screens that need their own flow state (a pending challenge or reset) check it
 * themselves and send the user to the start of their flow.
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
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
        <Route path="*" element={<NotFound />} />
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
