import '../screens.css';
import { useLocation } from 'react-router';
import { readNavigationState } from '../../app/navigation-state';
import { ScreenHeading } from '../../app/screen-heading';
import { useAppTranslation } from '../../ui/use-app-translation';
import { ChallengeGuard } from '../challenge/challenge-guard';
import { PasswordSavedNotice } from '../challenge/password-saved-notice';
import { SetUpAuthenticator } from './set-up-authenticator';

const NAMES = ['MFA_SETUP'] as const;

/**
 * MFA_SETUP: the pool requires a second step and the user has none yet, so they add an authenticator app
 * before signing in (also straight after choosing a first password).
 */
export function SetUpAuthenticatorRoute() {
  const { t } = useAppTranslation();
  const location = useLocation();
  return (
    <ChallengeGuard names={NAMES}>
      {(challenge) => (
        <>
          <ScreenHeading>{t('setUpAuthenticator.title')}</ScreenHeading>
          <PasswordSavedNotice passwordChanged={challenge.passwordChanged} />
          <p>{t('setUpAuthenticator.intro')}</p>
          <SetUpAuthenticator challenge={challenge} from={readNavigationState(location.state).from} />
        </>
      )}
    </ChallengeGuard>
  );
}
