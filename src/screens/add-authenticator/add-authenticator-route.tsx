import '../screens.css';
import { Link, Navigate } from 'react-router';
import { LoadingIndicator } from '../../app/loading-indicator';
import { paths } from '../../app/paths';
import { useProductName } from '../../app/product-name';
import { ScreenHeading } from '../../app/screen-heading';
import { useAuth } from '../../auth/auth-context';
import { useConfig } from '../../config';
import { AuthenticatorKey } from '../../ui/authenticator-key';
import { FormAlert } from '../../ui/form-alert';
import { useAppTranslation } from '../../ui/use-app-translation';
import { signInName } from '../sign-in-identifier';
import { useRequestOnce } from '../use-request-once';
import { useSessionEnded } from '../use-session-ended';
import { AddAuthenticatorForm } from './add-authenticator-form';

/** Signed-in only (the router wraps it in `RequireSignedIn`); a pool without MFA has nothing to set up. */
export function AddAuthenticatorRoute() {
  const { mfaConfiguration, mfaMethods } = useConfig();
  if (mfaConfiguration === 'OFF' || !mfaMethods.includes('SOFTWARE_TOKEN_MFA')) return <Navigate to={paths.account} replace />;
  return <AddAuthenticatorPage />;
}

function AddAuthenticatorPage() {
  const { t } = useAppTranslation();
  const productName = useProductName();
  const { state, startAuthenticatorSetup } = useAuth();
  const sessionEnded = useSessionEnded();
  // The key is held in this screen's state only: whoever reads it can make codes, so it is never saved, put in
  // a URL or logged. Leaving the screen forgets it; coming back asks Cognito for a new one.
  const request = useRequestOnce(startAuthenticatorSetup, { onSessionOver: sessionEnded });
  const { signInWith } = useConfig();
  const attributes = state.status === 'signedIn' ? state.user.attributes : {};
  // How the app lists the account: a name the user recognises, never an opaque username (a UUID in a pool that
  // signs in by email or phone, docs/cognito-behaviour.md §10.2).
  const accountName =
    attributes.preferred_username ||
    attributes.email ||
    (state.status === 'signedIn' ? signInName(state.user, signInWith)?.value : undefined) ||
    '';

  return (
    <>
      <ScreenHeading>{t('addAuthenticator.title')}</ScreenHeading>
      {/* Until the key is there; then the form's own alert region takes over (one per screen). */}
      {request.status !== 'ready' ? (
        <FormAlert message={request.status === 'failed' ? t(request.error.messageKey, request.error.values) : undefined} />
      ) : null}
      {request.status === 'loading' ? <LoadingIndicator messageKey="addAuthenticator.loading" /> : null}
      {request.status === 'failed' ? (
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={request.retry}>
            {t('addAuthenticator.retry')}
          </button>
        </div>
      ) : null}
      {request.status === 'ready' ? (
        <>
          <p>{t('addAuthenticator.intro')}</p>
          <AuthenticatorKey secret={request.value.secret} accountName={accountName} issuer={productName} />
          <p>{t('addAuthenticator.replaces')}</p>
          <AddAuthenticatorForm />
        </>
      ) : null}
      <p className="form-links">
        <Link to={paths.twoStepVerification}>{t('addAuthenticator.cancel')}</Link>
      </p>
    </>
  );
}
