import '../screens.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, Navigate } from 'react-router';
import { LoadingIndicator } from '../../app/loading-indicator';
import { paths } from '../../app/paths';
import { useProductName } from '../../app/product-name';
import { ScreenHeading } from '../../app/screen-heading';
import { useAuth } from '../../auth/auth-context';
import type { UiError } from '../../auth/auth-types';
import { useConfig } from '../../config';
import { AuthenticatorKey } from '../../ui/authenticator-key';
import { FormAlert } from '../../ui/form-alert';
import { useAppTranslation } from '../../ui/use-app-translation';
import { signInName } from '../sign-in-identifier';
import { useSessionEnded } from '../use-session-ended';
import { AddAuthenticatorForm } from './add-authenticator-form';

/**
 * The key is held in this screen's state only: whoever reads it can make codes, so it is never saved,
 * put in a URL or logged. Leaving the screen forgets it; coming back asks Cognito for a new one.
 */
type KeyRequest = { status: 'loading' } | { status: 'ready'; secret: string } | { status: 'failed'; error: UiError };

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
  const [request, setRequest] = useState<KeyRequest>({ status: 'loading' });
  const { signInWith } = useConfig();
  const attributes = state.status === 'signedIn' ? state.user.attributes : {};
  // How the app lists the account: a name the user recognises, never an opaque username (a UUID in a pool that
  // signs in by email or phone, docs/cognito-behaviour.md §10.2).
  const accountName =
    attributes.preferred_username ||
    attributes.email ||
    (state.status === 'signedIn' ? signInName(state.user, signInWith)?.value : undefined) ||
    '';

  const requestKey = useCallback(async () => {
    const outcome = await startAuthenticatorSetup();
    if (outcome.ok) setRequest({ status: 'ready', secret: outcome.value.secret });
    else if (outcome.error.kind === 'sessionExpired') sessionEnded();
    else setRequest({ status: 'failed', error: outcome.error });
  }, [startAuthenticatorSetup, sessionEnded]);

  // Once per visit, also under StrictMode's double effects: each request makes Cognito issue a new key.
  const requested = useRef(false);
  useEffect(() => {
    if (requested.current) return;
    requested.current = true;
    void requestKey();
  }, [requestKey]);

  const retry = () => {
    setRequest({ status: 'loading' });
    void requestKey();
  };

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
          <button type="button" className="button button--secondary" onClick={retry}>
            {t('addAuthenticator.retry')}
          </button>
        </div>
      ) : null}
      {request.status === 'ready' ? (
        <>
          <p>{t('addAuthenticator.intro')}</p>
          <AuthenticatorKey secret={request.secret} accountName={accountName} issuer={productName} />
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
