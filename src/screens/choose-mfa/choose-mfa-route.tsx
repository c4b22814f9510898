import '../screens.css';
import { useLocation } from 'react-router';
import { readNavigationState } from '../../app/navigation-state';
import { ScreenHeading } from '../../app/screen-heading';
import { useAppTranslation } from '../../ui/use-app-translation';
import { ChallengeGuard } from '../challenge/challenge-guard';
import { PasswordSavedNotice } from '../challenge/password-saved-notice';
import { ChooseMfaForm } from './choose-mfa-form';

const NAMES = ['SELECT_MFA_TYPE'] as const;

/**
 * SELECT_MFA_TYPE: the user has more than one second step turned on and picks one for this sign-in;
 * Cognito then sends (or asks for) that method's code.
 */
export function ChooseMfaRoute() {
  const { t } = useAppTranslation();
  const location = useLocation();
  return (
    <ChallengeGuard names={NAMES}>
      {(challenge) => (
        <>
          <ScreenHeading>{t('chooseMfa.title')}</ScreenHeading>
          <PasswordSavedNotice passwordChanged={challenge.passwordChanged} />
          <p>{t('chooseMfa.intro')}</p>
          <ChooseMfaForm challenge={challenge} from={readNavigationState(location.state).from} />
        </>
      )}
    </ChallengeGuard>
  );
}
