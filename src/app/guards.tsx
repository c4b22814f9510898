import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { nextScreenAfterSignIn } from '../auth/next-screen';
import { LoadingIndicator } from './loading-indicator';
import { readNavigationState, type NavigationState } from './navigation-state';
import { paths } from './paths';

/** Signed-in-only screens: send a signed-out user to sign in, remembering where they were going. */
export function RequireSignedIn({ children }: { children: ReactNode }) {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <LoadingIndicator />;
  if (status !== 'signedIn') {
    const state: NavigationState = { from: `${location.pathname}${location.search}${location.hash}` };
    return <Navigate to={paths.signIn} replace state={state} />;
  }
  return children;
}

/**
 * Signed-out screens (sign in, new password, reset): a signed-in user goes on to where sign-in would
 * have sent them, so this guard and the sign-in screen agree on the destination.
 */
export function RedirectIfSignedIn({ children }: { children: ReactNode }) {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <LoadingIndicator />;
  if (status === 'signedIn') {
    const next = nextScreenAfterSignIn({ kind: 'signedIn' }, readNavigationState(location.state).from);
    return <Navigate to={next?.to ?? paths.account} replace />;
  }
  return children;
}

/** `/`: the account when signed in, sign-in otherwise. */
export function HomeRedirect() {
  const { status } = useAuth();
  if (status === 'loading') return <LoadingIndicator />;
  return <Navigate to={status === 'signedIn' ? paths.account : paths.signIn} replace />;
}
