import '../screens.css';
import './two-step.css';
import { useState } from 'react';
import { Link, Navigate } from 'react-router';
import { LoadingIndicator } from '../../app/loading-indicator';
import { paths } from '../../app/paths';
import { ScreenHeading } from '../../app/screen-heading';
import type { UiError } from '../../auth/auth-types';
import { useConfig } from '../../config';
import { FormAlert } from '../../ui/form-alert';
import { Notice } from '../../ui/notice';
import { useAppTranslation } from '../../ui/use-app-translation';
import { useAccountDetails } from '../use-account-details';
import { useArrivalState } from '../use-arrival-state';
import { TwoStepSettings } from './two-step-settings';

/** Signed-in only (the router wraps it in `RequireSignedIn`); a pool without MFA has nothing to show here. */
export function TwoStepRoute() {
  const { mfaConfiguration } = useConfig();
  if (mfaConfiguration === 'OFF') return <Navigate to={paths.account} replace />;
  return <TwoStepPage />;
}

function TwoStepPage() {
  const { t } = useAppTranslation();
  const { notice } = useArrivalState();
  const { load, retry, update } = useAccountDetails();
  // Keys, translated when shown, so that a message on screen follows a change of language.
  const [noticeKey, setNoticeKey] = useState<string | null>(notice ? `notices.${notice}` : null);
  const [error, setError] = useState<UiError | null>(null);
  const shownError = load.status === 'failed' ? load.error : error;

  return (
    <>
      <ScreenHeading>{t('twoStep.title')}</ScreenHeading>
      <Notice message={noticeKey ? t(noticeKey) : undefined} />
      <FormAlert message={shownError ? t(shownError.messageKey, shownError.values) : undefined} />
      {load.status === 'loading' ? <LoadingIndicator messageKey="twoStep.loading" /> : null}
      {load.status === 'failed' ? (
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={retry}>
            {t('twoStep.retry')}
          </button>
        </div>
      ) : null}
      {load.status === 'loaded' ? (
        <TwoStepSettings details={load.details} onChanged={update} onNotice={setNoticeKey} onError={setError} />
      ) : null}
      <p className="form-links">
        <Link to={paths.account}>{t('twoStep.back')}</Link>
      </p>
    </>
  );
}
