import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { z } from 'zod/mini';
import { paths } from '../../app/paths';
import { useAuth } from '../../auth/auth-context';
import type { CodeDelivery, ResetReason } from '../../auth/auth-types';
import { newPasswordSchema, passwordRules, useConfig, type PasswordPolicy } from '../../config';
import type { SignInIdentifier } from '../../config/schema';
import { FormAlert } from '../../ui/form-alert';
import { reportUiError, serverError, useErrorText, type ErrorFieldMap } from '../../ui/form-errors';
import { HiddenUsernameField } from '../../ui/hidden-username-field';
import { Notice } from '../../ui/notice';
import { PasswordField } from '../../ui/password-field';
import { ResendCode } from '../../ui/resend-code';
import { useSingleFlightSubmit } from '../../ui/single-flight-submit';
import { SubmitButton } from '../../ui/submit-button';
import { useAppTranslation } from '../../ui/use-app-translation';
import { VerificationCodeField } from '../../ui/verification-code-field';
import { failedPasswordFields } from '../failed-password-fields';
import { confirmationCodeSchema, confirmPasswordSchema, requireMatchingConfirmation } from '../form-schemas';
import { typedIdentifierKind } from '../sign-in-identifier';
import { useCodeSending } from '../use-code-sending';
import { useSignInIdentifier } from '../use-sign-in-identifier';
import { deliveryMessageKey } from './code-delivery';

/** Whose password this is, by what the user typed: a username, an email address or a phone number. */
const FOR_USER_KEYS: Record<SignInIdentifier, string> = {
  username: 'resetPassword.forUsername',
  email: 'resetPassword.forEmail',
  phone: 'resetPassword.forPhone',
};

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
  const identifier = useSignInIdentifier();
  const errorText = useErrorText(identifier.values);
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
  // The newest code this screen asked for, and how many: one line says where the code went, replaced by
  // each new code (not a second line beside the first).
  const { sent: resent, sending: resending, send: resend, secondsLeft } = useCodeSending(resendResetCode, {
    coolingAtStart: delivery !== null,
    onResult: (error) => {
      if (error) form.setError('root.server', serverError(error));
      else form.clearErrors('root.server');
    },
  });

  const submit = useSingleFlightSubmit(
    form.handleSubmit(async ({ code, newPassword: password }) => {
      const outcome = await confirmPasswordReset(code, password);
      if (outcome.ok) {
        navigate(paths.signIn, { replace: true, state: { notice: 'passwordResetDone', username } });
        return;
      }
      for (const field of failedPasswordFields(outcome.error, ['newPassword', 'confirmPassword'] as const)) setValue(field, '');
      reportUiError(form, outcome.error, errorField);
    }),
  );



  const sentLine = resent
    ? t(deliveryMessageKey('resetPassword.resent', resent.delivery), { destination: resent.delivery?.destination })
    : reason === 'adminReset'
      ? t('resetPassword.adminReset')
      : t(deliveryMessageKey('resetPassword.codeSent', delivery), { destination: delivery?.destination });

  return (
    <form noValidate onSubmit={submit}>
      {/* Named as what it is ("Email address: …"): the name the user typed, never an internal id. */}
      <p>{t(FOR_USER_KEYS[typedIdentifierKind(username, identifier.kind)], { username })}</p>
      {/* A new status region per code, so that a second new code (the same sentence) is announced too. */}
      <Notice key={resent?.count ?? 0} message={sentLine} />
      <FormAlert message={errorText(formState.errors.root?.server)} />
      <HiddenUsernameField username={username} />
      <VerificationCodeField
        label={t('resetPassword.code')}
        hint={t('resetPassword.codeHint')}
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
      <ResendCode
        label={t('resetPassword.resend')}
        pendingLabel={t('resetPassword.resendPending')}
        pending={resending}
        secondsLeft={secondsLeft}
        waitDescription={t('resetPassword.resendCooldown', { count: secondsLeft })}
        onResend={() => void resend()}
      />
      <p className="form-links">
        <Link to={paths.forgotPassword}>{t('resetPassword.startOver', identifier.values)}</Link>
      </p>
    </form>
  );
}
