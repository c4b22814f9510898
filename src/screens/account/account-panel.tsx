import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { NoticeKey } from '../../app/navigation-state';
import { paths } from '../../app/paths';
import { useAuth } from '../../auth/auth-context';
import type { UiError } from '../../auth/auth-types';
import { useConfig } from '../../config';
import { FormAlert } from '../../ui/form-alert';
import { Notice } from '../../ui/notice';
import { useAppTranslation } from '../../ui/use-app-translation';
import { SINGLE_LABEL_KEYS, signInName } from '../sign-in-identifier';
import { useLastNonNull } from '../use-last-non-null';
import { TwoStepSummary } from './two-step-summary';
import { UnverifiedContacts } from './unverified-contacts';

type Leaving = 'signOut' | 'signOutEverywhere' | null;

export function AccountPanel({ notice }: { notice?: NoticeKey }) {
  const { t } = useAppTranslation();
  const navigate = useNavigate();
  const { state, signOut, signOutEverywhere } = useAuth();
  const { mfaConfiguration, signInWith } = useConfig();
  const user = state.status === 'signedIn' ? state.user : null;
  // Signing out clears the user before the navigation to sign-in lands: keep showing who it was.
  const shownUser = useLastNonNull(user);
  const [leaving, setLeaving] = useState<Leaving>(null);
  const inFlight = useRef(false);
  // The error itself, translated when shown, so that it follows a change of language.
  const [error, setError] = useState<UiError | null>(null);

  const leave = async (how: Exclude<Leaving, null>) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setLeaving(how);
    setError(null);
    try {
      if (how === 'signOut') {
        await signOut();
        navigate(paths.signIn, { replace: true, state: { notice: 'signedOut' } });
        return;
      }
      const outcome = await signOutEverywhere();
      if (outcome.ok) {
        navigate(paths.signIn, { replace: true, state: { notice: 'signedOutEverywhere' } });
      } else if (outcome.error.kind === 'sessionExpired') {
        // The session was already over (revoked elsewhere, say): the auth layer has signed out.
        navigate(paths.signIn, { replace: true, state: { notice: 'sessionEnded' } });
      } else {
        setError(outcome.error);
      }
    } finally {
      inFlight.current = false;
      setLeaving(null);
    }
  };

  const email = shownUser?.attributes.email;
  // Who is signed in, as they sign in: in a pool that signs in by email, the username is a generated id.
  const name = shownUser ? signInName(shownUser, signInWith) : null;
  return (
    <>
      <Notice message={notice ? t(`notices.${notice}`) : undefined} />
      <p>{t('account.signedInAs')}</p>
      <dl className="account-details">
        {name ? (
          <>
            <dt>{t(SINGLE_LABEL_KEYS[name.kind])}</dt>
            <dd>{name.value}</dd>
          </>
        ) : null}
        {name?.kind !== 'email' ? (
          <>
            <dt>{t('account.email')}</dt>
            <dd>{email || t('account.noEmail')}</dd>
          </>
        ) : null}
      </dl>
      <UnverifiedContacts attributes={shownUser?.attributes ?? {}} />
      <p>
        <Link to={paths.changePassword}>{t('account.changePassword')}</Link>
      </p>
      {mfaConfiguration !== 'OFF' ? <TwoStepSummary /> : null}
      <FormAlert message={error ? t(error.messageKey, error.values) : undefined} />
      <div className="actions">
        <button type="button" className="button button--secondary" disabled={leaving !== null} onClick={() => void leave('signOut')}>
          {leaving === 'signOut' ? t('account.signOutPending') : t('account.signOut')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={leaving !== null}
          aria-describedby="account-sign-out-everywhere-hint"
          onClick={() => void leave('signOutEverywhere')}
        >
          {leaving === 'signOutEverywhere' ? t('account.signOutEverywherePending') : t('account.signOutEverywhere')}
        </button>
        <p id="account-sign-out-everywhere-hint" className="field__hint">
          {t('account.signOutEverywhereHint')}
        </p>
      </div>
    </>
  );
}
