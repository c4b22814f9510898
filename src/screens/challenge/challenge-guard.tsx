import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { NavigationState } from '../../app/navigation-state';
import { paths } from '../../app/paths';
import { useAuth } from '../../auth/auth-context';
import type { ChallengeName, ChallengeOf } from '../../auth/challenges';
import { challengeScreen } from '../../auth/next-screen';
import { useLastNonNull } from '../use-last-non-null';
import { expiredChallengeNotice } from './expired-notice';

export interface ChallengeGuardProps<N extends ChallengeName> {
  /** The challenges this screen answers. */
  names: readonly N[];
  children: (challenge: ChallengeOf<N>) => ReactNode;
}

/**
 * The route guard of every challenge screen. The pending challenge is this screen's: show it. It is
 * another one: go to that one's screen. There is none: back to sign-in, saying why when one ran out.
 */
export function ChallengeGuard<N extends ChallengeName>({ names, children }: ChallengeGuardProps<N>) {
  const { state } = useAuth();
  const location = useLocation();
  const pending = state.status === 'challenge' ? state.challenge : null;
  const ours = pending && (names as readonly ChallengeName[]).includes(pending.name) ? (pending as ChallengeOf<N>) : null;

  // The challenge ends in the controller a moment before the screen's own navigation lands: keep showing
  // it, so this guard does not bounce the user to sign-in on the way to the account. (No loading state to
  // handle: the router's RedirectIfSignedIn shows it until the auth state is known.)
  const shown = useLastNonNull(ours);

  if (pending && !ours) {
    return <Navigate to={challengeScreen(pending.name)} replace state={location.state as unknown} />;
  }
  if (!shown) {
    const expired = state.status === 'signedOut' ? state.expiredChallenge : null;
    const navigation: NavigationState | undefined = expired
      ? { notice: expiredChallengeNotice(expired), username: expired.username }
      : undefined;
    return <Navigate to={paths.signIn} replace state={navigation} />;
  }
  return children(shown);
}
