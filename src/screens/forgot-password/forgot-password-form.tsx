import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { z } from 'zod/mini';
import { paths } from '../../app/paths';
import { useAuth } from '../../auth/auth-context';
import { FormAlert } from '../../ui/form-alert';
import { reportUiError, useErrorText, type ErrorFieldMap } from '../../ui/form-errors';
import { useSingleFlightSubmit } from '../../ui/single-flight-submit';
import { SubmitButton } from '../../ui/submit-button';
import { useAppTranslation } from '../../ui/use-app-translation';
import { UsernameField } from '../../ui/username-field';
import { usernameSchema } from '../form-schemas';

const ForgotPasswordSchema = z.object({ username: usernameSchema });
type ForgotPasswordValues = z.input<typeof ForgotPasswordSchema>;

const errorField: ErrorFieldMap<ForgotPasswordValues> = (field) => (field === 'username' ? field : undefined);

/**
 * Asks the pool to send a reset code. What comes back is shown as Cognito gives it: with the client's
 * user-existence protection on, an unknown username gets the same kind of answer as a known one, and
 * this screen must not tell them apart either.
 */
export function ForgotPasswordForm({ initialUsername }: { initialUsername: string }) {
  const { t } = useAppTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const { requestPasswordReset } = useAuth();
  const form = useForm<ForgotPasswordValues, unknown, z.output<typeof ForgotPasswordSchema>>({
    resolver: zodResolver(ForgotPasswordSchema),
    defaultValues: { username: initialUsername },
  });
  const { register, formState } = form;

  const submit = useSingleFlightSubmit(
    form.handleSubmit(async ({ username }) => {
      const outcome = await requestPasswordReset(username);
      if (outcome.ok) {
        navigate(paths.resetPassword);
        return;
      }
      reportUiError(form, outcome.error, errorField);
    }),
  );

  return (
    <form noValidate onSubmit={submit}>
      <FormAlert message={errorText(formState.errors.root?.server)} />
      <UsernameField label={t('forgotPassword.username')} error={errorText(formState.errors.username)} {...register('username')} />
      <SubmitButton pending={formState.isSubmitting} pendingLabel={t('forgotPassword.pending')}>
        {t('forgotPassword.submit')}
      </SubmitButton>
      <p className="form-links">
        <Link to={paths.signIn}>{t('forgotPassword.backToSignIn')}</Link>
      </p>
    </form>
  );
}
