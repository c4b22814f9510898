import '../screens.css';
import { Navigate, useLocation } from 'react-router';
import { readNavigationState, type NavigationState } from '../../app/navigation-state';
import { paths } from '../../app/paths';
import { ScreenHeading } from '../../app/screen-heading';
import { useAuth } from '../../auth/auth-context';
import { useAppTranslation } from '../../ui/use-app-translation';
import { useLastNonNull } from '../use-last-non-null';
import { NewPasswordForm } from './new-password-form';

/**
 * The NEW_PASSWORD_REQUIRED challenge. Without a pending challenge the user starts over at sign-in
 * (with the expired notice and username when one just ran out).
 */
export function NewPasswordRoute() {
  const { t } = useAppTranslation();
  const location = useLocation();
  const { challenge, expiredChallengeUsername } = useAuth();

  // The challenge ends in the context before the screen's own navigation lands: keep showing it, so
  // this guard does not bounce the user to sign-in on the way to the account. (No loading state to
  // handle: the router's RedirectIfSignedIn shows it until the auth state is known.)
  const shown = useLastNonNull(challenge);

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
