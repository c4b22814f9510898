import '../screens.css';
import { useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { LoadingIndicator } from '../../app/loading-indicator';
import { readNavigationState, type NavigationState } from '../../app/navigation-state';
import { paths } from '../../app/paths';
import { ScreenHeading } from '../../app/screen-heading';
import { useAuth } from '../../auth/auth-context';
import { useAppTranslation } from '../../ui/use-app-translation';
import { NewPasswordForm } from './new-password-form';

/**
 * The NEW_PASSWORD_REQUIRED challenge. Without a pending challenge the user starts over at sign-in
 * (with the expired notice and username when one just ran out).
 */
export function NewPasswordRoute() {
  const { t } = useAppTranslation();
  const location = useLocation();
  const { status, challenge, expiredChallengeUsername } = useAuth();

  // The challenge ends in the context before the screen's own navigation lands (navigations render as
  // transitions, after it): keep showing the challenge the screen opened with, so this guard does not
  // bounce the user to sign-in on the way to the account.
  const [openedWith, setOpenedWith] = useState(challenge);
  if (challenge !== null && challenge !== openedWith) setOpenedWith(challenge);
  const shown = challenge ?? openedWith;

  if (status === 'loading') return <LoadingIndicator />;
  if (!shown) {
    const state: NavigationState | undefined = expiredChallengeUsername
      ? { notice: 'challengeExpired', username: expiredChallengeUsername }
      : undefined;
    return <Navigate to={paths.signIn} replace state={state} />;
  }

  return (
    <>
      <ScreenHeading>{t('newPassword.title')}</ScreenHeading>
      <p>{t('newPassword.intro')}</p>
      <NewPasswordForm challenge={shown} from={readNavigationState(location.state).from} />
    </>
  );
}
