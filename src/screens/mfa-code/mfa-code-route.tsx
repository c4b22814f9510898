import '../screens.css';
import { useLocation } from 'react-router';
import { readNavigationState } from '../../app/navigation-state';
import { ScreenHeading } from '../../app/screen-heading';
import { MFA_CODE_CHALLENGES, type ChallengeOf, type MfaCodeChallengeName } from '../../auth/challenges';
import { useAppTranslation } from '../../ui/use-app-translation';
import { ChallengeGuard } from '../challenge/challenge-guard';
import { PasswordSavedNotice } from '../challenge/password-saved-notice';
import { MfaCodeForm } from './mfa-code-form';


/** Where the code is: the masked destination exactly as Cognito gave it, or the authenticator app. */
function CodeSource({ challenge }: { challenge: ChallengeOf<MfaCodeChallengeName> }) {
  const { t } = useAppTranslation();
  switch (challenge.name) {
    case 'SMS_MFA':
      return <p>{t('mfaCode.sentSms', { destination: challenge.destination })}</p>;
    case 'EMAIL_OTP':
      return <p>{t('mfaCode.sentEmail', { destination: challenge.destination })}</p>;
    case 'SOFTWARE_TOKEN_MFA':
      return <p>{t('mfaCode.fromAuthenticator')}</p>;
  }
}

/**
 * The second step of sign-in: a code sent by text message or email, or shown by an authenticator app
 * (SMS_MFA, EMAIL_OTP, SOFTWARE_TOKEN_MFA). Without one of these pending, the guard sends the user on.
 */
export function MfaCodeRoute() {
  const { t } = useAppTranslation();
  const location = useLocation();
  return (
    <ChallengeGuard names={MFA_CODE_CHALLENGES}>
      {(challenge) => (
        <>
          <ScreenHeading>{t('mfaCode.title')}</ScreenHeading>
          <PasswordSavedNotice passwordChanged={challenge.passwordChanged} />
          <CodeSource challenge={challenge} />
          <MfaCodeForm challenge={challenge} from={readNavigationState(location.state).from} />
        </>
      )}
    </ChallengeGuard>
  );
}
