import '../screens.css';
import { useEffect, useState } from 'react';
import type { NoticeKey } from '../../app/navigation-state';
import { ScreenHeading } from '../../app/screen-heading';
import { useAuth } from '../../auth/auth-context';
import { useAppTranslation } from '../../ui/use-app-translation';
import { expiredChallengeNotice } from '../challenge/expired-notice';
import { useArrivalState } from '../use-arrival-state';
import { SignInForm } from './sign-in-form';

/**
 * Sign-in. Open to everyone (the router keeps signed-in users out). A notice arrives either in the
 * location state (from another screen) or, after a challenge ran out, from the auth context.
 */
export function SignInRoute() {
  const { t } = useAppTranslation();
  const navigation = useArrivalState();
  const { state, clearExpiredChallenge } = useAuth();
  const expiredChallenge = state.status === 'signedOut' ? state.expiredChallenge : null;

  // Read once: the controller forgets the expired challenge right away (below), the screen keeps showing it.
  const [arrival] = useState(() => {
    const notice: NoticeKey | undefined =
      navigation.notice ?? (expiredChallenge ? expiredChallengeNotice(expiredChallenge) : undefined);
    return { notice, username: navigation.username ?? expiredChallenge?.username ?? '', from: navigation.from };
  });

  useEffect(() => {
    if (expiredChallenge !== null) clearExpiredChallenge();
  }, [expiredChallenge, clearExpiredChallenge]);

  return (
    <>
      <ScreenHeading>{t('signIn.title')}</ScreenHeading>
      <SignInForm initialUsername={arrival.username} notice={arrival.notice} from={arrival.from} />
    </>
  );
}
