import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
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
import type { identifierSchema } from '../sign-in-identifier';
import { useSignInIdentifier } from '../use-sign-in-identifier';

/** The username field asks for what the pool signs in with (the config's `signInWith`), as sign-in does. */
function forgotPasswordSchema(username: ReturnType<typeof identifierSchema>) {
  return z.object({ username });
}
type ForgotPasswordSchema = ReturnType<typeof forgotPasswordSchema>;
type ForgotPasswordValues = z.input<ForgotPasswordSchema>;

const errorField: ErrorFieldMap<ForgotPasswordValues> = (field) => (field === 'username' ? field : undefined);

/**
 * Asks the pool to send a reset code. What comes back is shown as Cognito gives it: with the client's
 * user-existence protection on, an unknown username gets the same kind of answer as a known one, and
 * this screen must not tell them apart either.
 */
export function ForgotPasswordForm({ initialUsername }: { initialUsername: string }) {
  const { t } = useAppTranslation();
  const identifier = useSignInIdentifier();
  const errorText = useErrorText(identifier.values);
  const navigate = useNavigate();
  const { requestPasswordReset } = useAuth();
  const schema = useMemo(() => forgotPasswordSchema(identifier.schema), [identifier.schema]);
  const form = useForm<ForgotPasswordValues, unknown, z.output<ForgotPasswordSchema>>({
    resolver: zodResolver(schema),
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
      <UsernameField
        label={identifier.label}
        hint={identifier.hint}
        type={identifier.spec.type}
        inputMode={identifier.spec.inputMode}
        error={errorText(formState.errors.username)}
        {...register('username')}
      />
      <SubmitButton pending={formState.isSubmitting} pendingLabel={t('forgotPassword.pending')}>
        {t('forgotPassword.submit')}
      </SubmitButton>
      <p className="form-links">
        <Link to={paths.signIn}>{t('forgotPassword.backToSignIn')}</Link>
      </p>
    </form>
  );
}
