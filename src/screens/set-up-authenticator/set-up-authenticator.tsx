import './set-up-authenticator.css';
import { LoadingIndicator } from '../../app/loading-indicator';
import { useProductName } from '../../app/product-name';
import type { ChallengeOf } from '../../auth/challenges';
import { AuthenticatorKey } from '../../ui/authenticator-key';
import { useAppTranslation } from '../../ui/use-app-translation';
import { ChallengeTimer } from '../challenge/challenge-timer';
import { useChallengeSession } from '../challenge/use-challenge-session';
import { SetUpAuthenticatorForm } from './set-up-authenticator-form';
import { useAuthenticatorKeyRequest, type AuthenticatorKeyRequest } from './use-authenticator-key-request';

/** Step 2's content: the key once Cognito has sent it; until then a status, or what went wrong and a retry. */
function KeyStep({ request, accountName, issuer }: { request: AuthenticatorKeyRequest; accountName: string; issuer: string }) {
  const { t } = useAppTranslation();
  switch (request.status) {
    case 'ready':
      return <AuthenticatorKey secret={request.secret} accountName={accountName} issuer={issuer} />;
    case 'loading':
      return <LoadingIndicator messageKey="setUpAuthenticator.keyLoading" />;
    case 'failed':
      return (
        <div className="set-up-steps__failure">
          <div role="alert" className="message message--error">
            <p>{t(request.error.messageKey, request.error.values)}</p>
          </div>
          <button type="button" className="button button--secondary" onClick={request.retry}>
            {t('setUpAuthenticator.keyRetry')}
          </button>
        </div>
      );
  }
}

export interface SetUpAuthenticatorProps {
  challenge: ChallengeOf<'MFA_SETUP'>;
  from?: string;
}

/**
 * MFA_SETUP with an authenticator app, in three numbered steps: get an app, add the key to it (QR code or
 * typed), enter its first code. The key is asked for on arrival; the challenge's clock runs throughout.
 */
export function SetUpAuthenticator({ challenge, from }: SetUpAuthenticatorProps) {
  const { t } = useAppTranslation();
  const productName = useProductName();
  const session = useChallengeSession(challenge);
  const keyRequest = useAuthenticatorKeyRequest(challenge, session);

  return (
    <>
      <ChallengeTimer session={session} limitKey="setUpAuthenticator.timeLimit" expiredKey="setUpAuthenticator.expired" />
      <ol className="set-up-steps">
        <li>
          <p>{t('setUpAuthenticator.stepInstall')}</p>
        </li>
        <li>
          <p>{t('setUpAuthenticator.stepAddKey')}</p>
          <KeyStep request={keyRequest} accountName={challenge.username} issuer={productName} />
        </li>
        <li>
          <p>{t('setUpAuthenticator.stepEnterCode')}</p>
        </li>
      </ol>
      <SetUpAuthenticatorForm
        username={challenge.username}
        passwordChanged={challenge.passwordChanged}
        session={session}
        keyReady={keyRequest.status === 'ready'}
        from={from}
      />
    </>
  );
}
