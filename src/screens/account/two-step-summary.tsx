import './account.css';
import { Link } from 'react-router';
import { paths } from '../../app/paths';
import type { MfaSettings } from '../../auth/adapter';
import { useAppTranslation } from '../../ui/use-app-translation';
import { METHOD_TEXT } from '../two-step/method-text';
import { useAccountDetails } from '../use-account-details';

function summaryKey(mfa: MfaSettings): string {
  if (mfa.enabled.length === 0) return 'account.twoStep.off';
  return mfa.preferred ? METHOD_TEXT[mfa.preferred].summary : 'account.twoStep.on';
}

/**
 * Whether sign-in asks for a second factor, and the way to the settings. Shown only for a pool with MFA
 * (the user's settings are read from the pool: the tokens do not carry them).
 */
export function TwoStepSummary() {
  const { t } = useAppTranslation();
  const { load } = useAccountDetails();
  const text =
    load.status === 'loaded'
      ? t(summaryKey(load.details.mfa))
      : load.status === 'failed'
        ? t('account.twoStep.unknown')
        : t('account.twoStep.checking');

  return (
    <section className="account-section" aria-labelledby="account-two-step-heading">
      <h2 id="account-two-step-heading" className="account-section__heading">
        {t('account.twoStep.heading')}
      </h2>
      <p>{text}</p>
      <p>
        <Link to={paths.twoStepVerification}>{t('account.twoStep.manage')}</Link>
      </p>
    </section>
  );
}
