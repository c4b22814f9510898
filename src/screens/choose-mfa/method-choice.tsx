import './choose-mfa.css';
import { useId, type ComponentProps } from 'react';
import type { MfaMethod } from '../../auth/challenges';
import { useAppTranslation } from '../../ui/use-app-translation';

/** Each method's name and what choosing it does, in words a user knows (not Cognito's names). */
const METHOD_TEXT: Record<MfaMethod, { label: string; hint: string }> = {
  SOFTWARE_TOKEN_MFA: { label: 'chooseMfa.method.authenticator', hint: 'chooseMfa.method.authenticatorHint' },
  SMS_MFA: { label: 'chooseMfa.method.sms', hint: 'chooseMfa.method.smsHint' },
  EMAIL_OTP: { label: 'chooseMfa.method.email', hint: 'chooseMfa.method.emailHint' },
};

export interface MethodChoiceProps extends Omit<ComponentProps<'input'>, 'type' | 'value' | 'id'> {
  methods: readonly MfaMethod[];
  legend: string;
  /** Already translated; linked to the group and to each radio button. */
  error?: string;
}

/**
 * The offered methods as a radio group: a fieldset named by its legend, each option with its own label
 * and hint. The radio props (react-hook-form's `register`) go to every option.
 */
export function MethodChoice({ methods, legend, error, ...radioProps }: MethodChoiceProps) {
  const { t } = useAppTranslation();
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <fieldset className="method-choice" aria-describedby={error ? errorId : undefined}>
      <legend className="method-choice__legend">{legend}</legend>
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      {methods.map((method) => {
        const optionId = `${id}-${method}`;
        return (
          <div className="method-choice__option" key={method}>
            <input
              {...radioProps}
              type="radio"
              id={optionId}
              value={method}
              aria-invalid={error ? true : undefined}
              aria-describedby={[error ? errorId : null, `${optionId}-hint`].filter(Boolean).join(' ')}
            />
            <label htmlFor={optionId}>{t(METHOD_TEXT[method].label)}</label>
            <p className="method-choice__hint" id={`${optionId}-hint`}>
              {t(METHOD_TEXT[method].hint)}
            </p>
          </div>
        );
      })}
    </fieldset>
  );
}
