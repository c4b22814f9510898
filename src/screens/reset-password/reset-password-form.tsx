import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { z } from 'zod/mini';
import { paths } from '../../app/paths';
import { useAuth } from '../../auth/auth-context';
import type { CodeDelivery, ResetReason } from '../../auth/auth-types';
import { newPasswordSchema, passwordRules, useConfig, type PasswordPolicy } from '../../config';
import { Field } from '../../ui/field';
import { FormAlert } from '../../ui/form-alert';
import { reportUiError, serverError, useErrorText, type ErrorFieldMap } from '../../ui/form-errors';
import { Notice } from '../../ui/notice';
import { PasswordField } from '../../ui/password-field';
import { useSingleFlightSubmit } from '../../ui/single-flight-submit';
import { SubmitButton } from '../../ui/submit-button';
import { useAppTranslation } from '../../ui/use-app-translation';
import { confirmationCodeSchema, confirmPasswordSchema, requireMatchingConfirmation } from '../form-schemas';
import { deliveryMessageKey } from './code-delivery';
import { useCooldown } from './use-cooldown';

/** Cognito limits how often codes may be sent; waiting a minute between requests stays well clear. */
export const RESEND_COOLDOWN_SECONDS = 60;

function resetPasswordSchema(policy: PasswordPolicy) {
  return requireMatchingConfirmation(
    z.object({ code: confirmationCodeSchema, newPassword: newPasswordSchema(policy), confirmPassword: confirmPasswordSchema }),
  );
}
type ResetPasswordValues = z.input<ReturnType<typeof resetPasswordSchema>>;

const errorField: ErrorFieldMap<ResetPasswordValues> = (field) =>
  field === 'code' || field === 'newPassword' || field === 'confirmPassword' ? field : undefined;

export interface ResetPasswordFormProps {
  username: string;
  reason: ResetReason;
  delivery: CodeDelivery | null;
  /** From a `?code=` link. */
  initialCode: string;
}

export function ResetPasswordForm({ username, reason, delivery, initialCode }: ResetPasswordFormProps) {
  const { t } = useAppTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const { confirmPasswordReset, resendResetCode } = useAuth();
  const { passwordPolicy } = useConfig();
  const rules = useMemo(() => passwordRules(passwordPolicy), [passwordPolicy]);
  const schema = useMemo(() => resetPasswordSchema(passwordPolicy), [passwordPolicy]);
  const form = useForm<ResetPasswordValues, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { code: initialCode, newPassword: '', confirmPassword: '' },
  });
  const { register, formState, setValue } = form;
  const newPassword = useWatch({ control: form.control, name: 'newPassword' });

  // A code this app just had sent (`delivery` known) is on its way: asking for another at once would only
  // spend the pool's sending limit. After an administrator reset nobody here knows when the code went.
  const cooldown = useCooldown(RESEND_COOLDOWN_SECONDS, delivery !== null);
  const [resending, setResending] = useState(false);
  const resendInFlight = useRef(false);
  const [resentTo, setResentTo] = useState<CodeDelivery | null | undefined>(undefined);

  const submit = useSingleFlightSubmit(
    form.handleSubmit(async ({ code, newPassword: password }) => {
      const outcome = await confirmPasswordReset(code, password);
      if (outcome.ok) {
        navigate(paths.signIn, { replace: true, state: { notice: 'passwordResetDone', username } });
        return;
      }
      if (!outcome.error.retryable) {
        setValue('newPassword', '');
        setValue('confirmPassword', '');
      }
      reportUiError(form, outcome.error, errorField);
    }),
  );

  const resend = async () => {
    if (resendInFlight.current) return;
    resendInFlight.current = true;
    setResending(true);
    setResentTo(undefined);
    try {
      const outcome = await resendResetCode();
      if (outcome.ok) {
        form.clearErrors('root.server');
        setResentTo(outcome.value);
        cooldown.start();
      } else {
        form.setError('root.server', serverError(outcome.error));
      }
    } finally {
      resendInFlight.current = false;
      setResending(false);
    }
  };

  const cooldownId = 'reset-password-resend-cooldown';
  return (
    <form noValidate onSubmit={submit}>
      <p>{t('resetPassword.forUser', { username })}</p>
      <p>
        {reason === 'adminReset'
          ? t('resetPassword.adminReset')
          : t(deliveryMessageKey('resetPassword.codeSent', delivery), { destination: delivery?.destination })}
      </p>
      <Notice
        message={resentTo !== undefined ? t(deliveryMessageKey('resetPassword.resent', resentTo), { destination: resentTo?.destination }) : undefined}
      />
      <FormAlert message={errorText(formState.errors.root?.server)} />
      <Field
        label={t('resetPassword.code')}
        hint={t('resetPassword.codeHint')}
        inputMode="numeric"
        autoComplete="one-time-code"
        error={errorText(formState.errors.code)}
        {...register('code')}
      />
      <PasswordField
        label={t('resetPassword.newPassword')}
        autoComplete="new-password"
        error={errorText(formState.errors.newPassword)}
        checklist={{ rules, password: newPassword }}
        {...register('newPassword')}
      />
      <PasswordField
        label={t('resetPassword.confirmPassword')}
        autoComplete="new-password"
        error={errorText(formState.errors.confirmPassword)}
        {...register('confirmPassword')}
      />
      <SubmitButton pending={formState.isSubmitting} pendingLabel={t('resetPassword.pending')}>
        {t('resetPassword.submit')}
      </SubmitButton>
      <div className="resend">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void resend()}
          disabled={resending || cooldown.secondsLeft > 0}
          aria-describedby={cooldown.secondsLeft > 0 ? cooldownId : undefined}
        >
          {resending ? t('resetPassword.resendPending') : t('resetPassword.resend')}
        </button>
        {cooldown.secondsLeft > 0 ? (
          <p id={cooldownId} className="resend__cooldown">
            {t('resetPassword.resendCooldown', { count: cooldown.secondsLeft })}
          </p>
        ) : null}
      </div>
      <p className="form-links">
        <Link to={paths.forgotPassword}>{t('resetPassword.startOver')}</Link>
      </p>
    </form>
  );
}
