import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { z } from 'zod/mini';
import { paths } from '../../app/paths';
import { useAuth } from '../../auth/auth-context';
import type { SignedInUser } from '../../auth/auth-types';
import { newPasswordSchema, passwordRules, useConfig, type PasswordPolicy } from '../../config';
import { FormAlert } from '../../ui/form-alert';
import { reportUiError, useErrorText, type ErrorFieldMap } from '../../ui/form-errors';
import { HiddenUsernameField } from '../../ui/hidden-username-field';
import { PasswordField } from '../../ui/password-field';
import { useSingleFlightSubmit } from '../../ui/single-flight-submit';
import { SubmitButton } from '../../ui/submit-button';
import { useAppTranslation } from '../../ui/use-app-translation';
import { failedPasswordFields } from '../failed-password-fields';
import { confirmPasswordSchema, currentPasswordSchema, requireMatchingConfirmation } from '../form-schemas';
import { useLastNonNull } from '../use-last-non-null';

function changePasswordSchema(policy: PasswordPolicy) {
  return requireMatchingConfirmation(
    z.object({
      currentPassword: currentPasswordSchema,
      newPassword: newPasswordSchema(policy),
      confirmPassword: confirmPasswordSchema,
    }),
  );
}
type ChangePasswordValues = z.input<ReturnType<typeof changePasswordSchema>>;

const errorField: ErrorFieldMap<ChangePasswordValues> = (field) =>
  field === 'currentPassword' || field === 'newPassword' || field === 'confirmPassword' ? field : undefined;

/**
 * The name a password manager knows the account by: the username, except in a pool that signs users in by
 * email address or phone number, where Cognito makes the username the user's `sub` (a generated id nobody
 * types) and the manager saved the password under the email or phone number typed at sign-in.
 */
export function passwordManagerUsername({ username, attributes }: SignedInUser): string {
  if (attributes.sub !== undefined && username === attributes.sub) return attributes.email || attributes.phone_number || username;
  return username;
}

export function ChangePasswordForm() {
  const { t } = useAppTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const { changePassword, state } = useAuth();
  // Signing out (the session ended) clears the user a moment before the navigation away lands.
  const user = useLastNonNull(state.status === 'signedIn' ? state.user : null);
  const { passwordPolicy } = useConfig();
  const rules = useMemo(() => passwordRules(passwordPolicy), [passwordPolicy]);
  const schema = useMemo(() => changePasswordSchema(passwordPolicy), [passwordPolicy]);
  const form = useForm<ChangePasswordValues, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });
  const { register, formState, setValue } = form;
  const newPassword = useWatch({ control: form.control, name: 'newPassword' });

  const submit = useSingleFlightSubmit(
    form.handleSubmit(async (values) => {
      const outcome = await changePassword(values.currentPassword, values.newPassword);
      if (outcome.ok) {
        navigate(paths.account, { replace: true, state: { notice: 'passwordChanged' } });
        return;
      }
      if (outcome.error.kind === 'sessionExpired') {
        // The auth layer has signed out already; say why rather than just showing sign-in.
        navigate(paths.signIn, { replace: true, state: { notice: 'sessionEnded', from: paths.changePassword } });
        return;
      }
      const passwords = ['currentPassword', 'newPassword', 'confirmPassword'] as const;
      for (const field of failedPasswordFields(outcome.error, passwords)) setValue(field, '');
      reportUiError(form, outcome.error, errorField);
    }),
  );

  return (
    <form noValidate onSubmit={submit}>
      <FormAlert message={errorText(formState.errors.root?.server)} />
      {user ? <HiddenUsernameField username={passwordManagerUsername(user)} /> : null}
      <PasswordField
        label={t('changePassword.currentPassword')}
        autoComplete="current-password"
        error={errorText(formState.errors.currentPassword)}
        {...register('currentPassword')}
      />
      <PasswordField
        label={t('changePassword.newPassword')}
        autoComplete="new-password"
        error={errorText(formState.errors.newPassword)}
        checklist={{ rules, password: newPassword }}
        {...register('newPassword')}
      />
      <PasswordField
        label={t('changePassword.confirmPassword')}
        autoComplete="new-password"
        error={errorText(formState.errors.confirmPassword)}
        {...register('confirmPassword')}
      />
      <SubmitButton pending={formState.isSubmitting} pendingLabel={t('changePassword.pending')}>
        {t('changePassword.submit')}
      </SubmitButton>
      <p className="form-links">
        <Link to={paths.account}>{t('changePassword.cancel')}</Link>
      </p>
    </form>
  );
}
