import '../screens.css';
import { useLocation } from 'react-router';
import { readNavigationState } from '../../app/navigation-state';
import { ScreenHeading } from '../../app/screen-heading';
import { useAppTranslation } from '../../ui/use-app-translation';
import { ChallengeGuard } from '../challenge/challenge-guard';
import { NewPasswordForm } from './new-password-form';

const NAMES = ['NEW_PASSWORD_REQUIRED'] as const;

/**
 * The NEW_PASSWORD_REQUIRED challenge. Without a pending challenge the user starts over at sign-in
 * (with the expired notice and username when one just ran out).
 */
export function NewPasswordRoute() {
  const { t } = useAppTranslation();
  const location = useLocation();
  return (
    <ChallengeGuard names={NAMES}>
      {(challenge) => (
        <>
          <ScreenHeading>{t('newPassword.title')}</ScreenHeading>
          <p>{t('newPassword.intro')}</p>
          <NewPasswordForm challenge={challenge} from={readNavigationState(location.state).from} />
        </>
      )}
    </ChallengeGuard>
  );
}
