import { useRef, useState } from 'react';
import type { AccountDetails, MfaPreferenceChanges } from '../../auth/adapter';
import { useAuth } from '../../auth/auth-context';
import type { UiError } from '../../auth/auth-types';
import type { MfaMethod } from '../../auth/challenges';
import { useConfig } from '../../config';
import { useAppTranslation } from '../../ui/use-app-translation';
import { useSessionEnded } from '../use-session-ended';
import { METHOD_TEXT } from './method-text';
import { MethodRow } from './method-row';
import { applyChanges, prefer, turnOff, turnOn } from './mfa-settings';

export interface TwoStepSettingsProps {
  details: AccountDetails;
  onChanged(details: AccountDetails): void;
  /** A catalog key for the page's status message (saving, then what changed); null clears it. */
  onNotice(messageKey: string | null): void;
  onError(error: UiError | null): void;
}

/** The methods the pool offers, each with its switch; every change is one SetUserMFAPreference call. */
export function TwoStepSettings({ details, onChanged, onNotice, onError }: TwoStepSettingsProps) {
  const { t } = useAppTranslation();
  const { mfaConfiguration, mfaMethods } = useConfig();
  const { setMfaPreference } = useAuth();
  const sessionEnded = useSessionEnded();
  const [pending, setPending] = useState<{ method: MfaMethod; on: boolean } | null>(null);
  // One change at a time: a second click before the first is saved would be judged on stale settings.
  const inFlight = useRef(false);
  const settings = details.mfa;

  const save = async (changes: MfaPreferenceChanges, doneKey: string, shown: { method: MfaMethod; on: boolean }) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setPending(shown);
    onError(null);
    onNotice('twoStep.saving');
    try {
      const outcome = await setMfaPreference(changes);
      if (outcome.ok) {
        onChanged({ ...details, mfa: applyChanges(settings, changes) });
        onNotice(doneKey);
      } else if (outcome.error.kind === 'sessionExpired') {
        sessionEnded();
      } else {
        onNotice(null);
        onError(outcome.error);
      }
    } finally {
      inFlight.current = false;
      setPending(null);
    }
  };

  const toggle = (method: MfaMethod, on: boolean) => {
    const text = METHOD_TEXT[method];
    void save(on ? turnOn(settings, method) : turnOff(settings, method), on ? text.turnedOn : text.turnedOff, { method, on });
  };
  const makePreferred = (method: MfaMethod) => {
    void save(prefer(method), METHOD_TEXT[method].nowPreferred, { method, on: true });
  };

  return (
    <>
      <p>{t('twoStep.intro')}</p>
      {mfaConfiguration === 'ON' ? <p>{t('twoStep.required')}</p> : null}
      <ul className="mfa-methods" aria-busy={pending !== null || undefined}>
        {mfaMethods.map((method) => (
          <MethodRow
            key={method}
            method={method}
            settings={settings}
            attributes={details.attributes}
            configuration={mfaConfiguration}
            pendingValue={pending?.method === method ? pending.on : undefined}
            onToggle={(on) => toggle(method, on)}
            onPrefer={() => makePreferred(method)}
          />
        ))}
      </ul>
    </>
  );
}
