import { useId } from 'react';
import { Link } from 'react-router';
import type { MfaSettings } from '../../auth/adapter';
import type { MfaMethod } from '../../auth/challenges';
import type { MfaConfiguration } from '../../config/schema';
import { paths } from '../../app/paths';
import { useAppTranslation } from '../../ui/use-app-translation';
import { METHOD_TEXT } from './method-text';
import { contactOf, contactState, isRequiredByPool } from './mfa-settings';

export interface MethodRowProps {
  method: MfaMethod;
  settings: MfaSettings;
  attributes: Record<string, string>;
  configuration: MfaConfiguration;
  /** The value being saved for this method's switch, shown at once; undefined when nothing is saved. */
  pendingValue?: boolean;
  onToggle(on: boolean): void;
  onPrefer(): void;
}

/** Why a method's switch cannot be used now, as a catalog key; null when it can. */
function blockedReason(props: MethodRowProps, on: boolean): string | null {
  const { method, settings, attributes, configuration } = props;
  if (on) return isRequiredByPool(settings, method, configuration) ? 'twoStep.requiredByPool' : null;
  const contact = contactOf(method);
  if (!contact) return 'twoStep.authenticatorNotSetUp'; // turned on by setting one up, below
  const state = contactState(attributes, contact);
  if (state === 'missing') return contact === 'email' ? 'twoStep.needsEmail' : 'twoStep.needsPhone';
  if (state === 'unverified') return contact === 'email' ? 'twoStep.needsVerifiedEmail' : 'twoStep.needsVerifiedPhone';
  return null;
}

/** One method: a real checkbox for on/off (marked unavailable, with the reason beside it, when it cannot change), and its links. */
export function MethodRow(props: MethodRowProps) {
  const { method, settings, attributes, pendingValue, onToggle, onPrefer } = props;
  const { t } = useAppTranslation();
  const id = useId();
  const text = METHOD_TEXT[method];
  const on = settings.enabled.includes(method);
  const preferred = settings.preferred === method;
  const reason = blockedReason(props, on);
  const contact = contactOf(method);
  const needsVerifying = !on && contact !== null && contactState(attributes, contact) === 'unverified';
  const describedBy = [preferred ? `${id}-preferred` : null, `${id}-description`, reason ? `${id}-reason` : null]
    .filter(Boolean)
    .join(' ');

  return (
    <li className="mfa-method">
      <div className="mfa-method__switch">
        <input
          id={`${id}-switch`}
          type="checkbox"
          className="mfa-method__checkbox"
          checked={pendingValue ?? on}
          // aria-disabled, not disabled: a switch that just became fixed (the last method left) keeps the
          // keyboard focus it has, and still reads out why it cannot change.
          aria-disabled={reason !== null || undefined}
          aria-describedby={describedBy}
          onChange={(event) => {
            if (reason === null) onToggle(event.target.checked);
          }}
        />
        <label htmlFor={`${id}-switch`} className="mfa-method__label">
          {t(text.label)}
        </label>
        {preferred ? (
          <span id={`${id}-preferred`} className="mfa-method__badge">
            {t('twoStep.preferred')}
          </span>
        ) : null}
      </div>
      <p id={`${id}-description`} className="mfa-method__hint">
        {t(text.description)}
      </p>
      {reason ? (
        <p id={`${id}-reason`} className="mfa-method__reason">
          {t(reason)}
        </p>
      ) : null}
      <div className="mfa-method__actions">
        {on && !preferred ? (
          <button type="button" className="link-button" onClick={onPrefer}>
            {t(text.makePreferred)}
          </button>
        ) : null}
        {method === 'SOFTWARE_TOKEN_MFA' ? (
          <Link to={paths.addAuthenticator}>{t(on ? 'twoStep.replaceAuthenticator' : 'twoStep.setUpAuthenticator')}</Link>
        ) : null}
        {needsVerifying ? (
          <Link to={{ pathname: paths.verifyContact, search: `?attribute=${contact}` }}>
            {t(contact === 'email' ? 'twoStep.verifyEmail' : 'twoStep.verifyPhone')}
          </Link>
        ) : null}
      </div>
    </li>
  );
}
