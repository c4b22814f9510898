import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { z } from 'zod/mini';
import type { NoticeKey } from '../../app/navigation-state';
import { paths } from '../../app/paths';
import { preloadScreen } from '../../app/screens';
import { useAuth } from '../../auth/auth-context';
import { preloadOnFirstUse } from '../../auth/lazy-cognito';
import { nextScreenAfterSignIn } from '../../auth/next-screen';
import { FormAlert } from '../../ui/form-alert';
import { reportUiError, useErrorText, type ErrorFieldMap } from '../../ui/form-errors';
import { useLightForm } from '../../ui/light-form';
import { Notice } from '../../ui/notice';
import { PasswordField } from '../../ui/password-field';
import { useSingleFlightSubmit } from '../../ui/single-flight-submit';
import { SubmitButton } from '../../ui/submit-button';
import { useAppTranslation } from '../../ui/use-app-translation';
import { UsernameField } from '../../ui/username-field';
import { signInPasswordSchema } from '../form-schemas';
import type { identifierSchema } from '../sign-in-identifier';
import { useSignInIdentifier } from '../use-sign-in-identifier';

/** The username field asks for what the pool signs in with (the config's `signInWith`). */
function signInSchema(username: ReturnType<typeof identifierSchema>) {
  return z.object({ username, password: signInPasswordSchema });
}
type SignInSchema = ReturnType<typeof signInSchema>;
type SignInValues = z.input<SignInSchema>;

const errorField: ErrorFieldMap<SignInValues> = (field) =>
  field === 'username' || field === 'password' ? field : undefined;

export interface SignInFormProps {
  initialUsername: string;
  notice?: NoticeKey;
  /** Where a guard interrupted the user; signing in leads back there. */
  from?: string;
}

export function SignInForm({ initialUsername, notice, from }: SignInFormProps) {
  const { t } = useAppTranslation();
  const identifier = useSignInIdentifier();
  const errorText = useErrorText(identifier.values);
  const navigate = useNavigate();
  const { signIn } = useAuth();
  const [noticeShown, setNoticeShown] = useState(notice !== undefined);
  const schema = useMemo(() => signInSchema(identifier.schema), [identifier.schema]);
  // Not react-hook-form: the first screen's form does without it (src/ui/light-form.ts), the other forms load it.
  const form = useLightForm<SignInValues, z.output<SignInSchema>>({
    schema,
    defaultValues: { username: initialUsername, password: '' },
  });
  const { register, formState, setValue } = form;
  // What the forgot-password link carries on, as typed.
  const [username, setUsername] = useState(initialUsername);

  // The screen a sign-in leads to loads while the user types (or the page is idle), as the SDK does: once
  // signed in, the router shows it at once (src/app/lazy-screen.tsx). Not on submit: its chunks would arrive
  // and run just as the pending state is to paint.
  const signedInScreen = nextScreenAfterSignIn({ kind: 'signedIn' }, from)?.to;
  useEffect(() => {
    if (signedInScreen === undefined) return;
    return preloadOnFirstUse(() => preloadScreen(signedInScreen));
  }, [signedInScreen]);

  const submit = useSingleFlightSubmit(
    form.handleSubmit(async (values) => {
      setNoticeShown(false);
      const outcome = await signIn(values.username, values.password);
      const next = nextScreenAfterSignIn(outcome, from);
      if (next) {
        // A challenge's screen is known only now: the pending state stays up while its chunk arrives.
        await preloadScreen(next.to);
        navigate(next.to, { replace: true, state: next.state });
        return;
      }
      if (outcome.kind !== 'failed') return;
      // A password the pool refused is typed afresh; after a dropped connection the same submit is retried.
      if (!outcome.error.retryable) setValue('password', '');
      reportUiError(form, outcome.error, errorField);
    }),
  );

  return (
    <form noValidate onSubmit={submit}>
      <Notice message={noticeShown && notice ? t(`notices.${notice}`) : undefined} />
      <p>{t('signIn.intro', identifier.values)}</p>
      <FormAlert message={errorText(formState.errors.root?.server)} />
      <UsernameField
        label={identifier.label}
        hint={identifier.hint}
        type={identifier.spec.type}
        inputMode={identifier.spec.inputMode}
        error={errorText(formState.errors.username)}
        {...register('username', { onChange: (event) => setUsername(event.target.value) })}
      />
      <PasswordField
        label={t('signIn.password')}
        autoComplete="current-password"
        error={errorText(formState.errors.password)}
        {...register('password')}
      />
      <SubmitButton pending={formState.isSubmitting} pendingLabel={t('signIn.pending')}>
        {t('signIn.submit')}
      </SubmitButton>
      <p className="form-links">
        <Link to={paths.forgotPassword} state={{ username: username.trim() || undefined }}>
          {t('signIn.forgotPassword')}
        </Link>
      </p>
    </form>
  );
}
