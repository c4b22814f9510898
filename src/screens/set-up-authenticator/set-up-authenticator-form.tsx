import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod/mini';
import { useAuth } from '../../auth/auth-context';
import { Field } from '../../ui/field';
import { FormAlert } from '../../ui/form-alert';
import { reportUiError, useErrorText, type ErrorFieldMap } from '../../ui/form-errors';
import { useSingleFlightSubmit } from '../../ui/single-flight-submit';
import { SubmitButton } from '../../ui/submit-button';
import { useAppTranslation } from '../../ui/use-app-translation';
import { VerificationCodeField } from '../../ui/verification-code-field';
import { BackToSignInLink, useLeaveChallenge } from '../challenge/leave-challenge';
import type { ChallengeSession } from '../challenge/use-challenge-session';
import { verificationCodeSchema } from '../form-schemas';

const SetUpAuthenticatorSchema = z.object({
  code: verificationCodeSchema,
  // Optional: Cognito keeps it as the authenticator's name; left empty, the default name is sent.
  deviceName: z.string().check(z.trim()),
});
type SetUpAuthenticatorValues = z.infer<typeof SetUpAuthenticatorSchema>;

const errorField: ErrorFieldMap<SetUpAuthenticatorValues> = (field) => (field === 'code' ? 'code' : undefined);

export interface SetUpAuthenticatorFormProps {
  username: string;
  /** A first password was set earlier in this sign-in: the account then says both are done. */
  passwordChanged: boolean;
  session: ChallengeSession;
  /** False until the key is on screen: there is nothing to verify before. */
  keyReady: boolean;
  /** Where a guard interrupted the user before sign-in; signing in leads there. */
  from?: string;
}

/** Step 3 of the set-up: the app's first code (and a name for the app), which finishes signing in. */
export function SetUpAuthenticatorForm({ username, passwordChanged, session, keyReady, from }: SetUpAuthenticatorFormProps) {
  const { t } = useAppTranslation();
  const errorText = useErrorText();
  const { verifyAuthenticator } = useAuth();
  const defaultDeviceName = t('setUpAuthenticator.deviceNameDefault');
  const form = useForm<SetUpAuthenticatorValues>({
    resolver: zodResolver(SetUpAuthenticatorSchema),
    defaultValues: { code: '', deviceName: defaultDeviceName },
  });
  const { register, formState } = form;
  const { phase, ended, follow } = session;
  const leave = useLeaveChallenge(username);

  const submit = useSingleFlightSubmit(
    form.handleSubmit(async ({ code, deviceName }) => {
      const outcome = await verifyAuthenticator(code, deviceName || defaultDeviceName);
      const error = follow(outcome, {
        from,
        signedInNotice: passwordChanged ? 'passwordAndAuthenticatorSet' : 'authenticatorSetUp',
      });
      // A code that does not match the key goes on the field, which keeps what was typed and takes focus.
      if (error) reportUiError(form, error, errorField);
    }),
  );

  return (
    <form noValidate onSubmit={submit}>
      <FormAlert message={errorText(formState.errors.root?.server)} />
      <fieldset className="form-fieldset" disabled={!keyReady || phase === 'expired' || ended}>
        <VerificationCodeField
          label={t('setUpAuthenticator.code')}
          hint={t('setUpAuthenticator.codeHint')}
          error={errorText(formState.errors.code)}
          {...register('code')}
        />
        <Field
          label={t('setUpAuthenticator.deviceName')}
          hint={t('setUpAuthenticator.deviceNameHint')}
          autoComplete="off"
          error={errorText(formState.errors.deviceName)}
          {...register('deviceName')}
        />
        <SubmitButton pending={formState.isSubmitting} pendingLabel={t('setUpAuthenticator.pending')}>
          {t('setUpAuthenticator.submit')}
        </SubmitButton>
      </fieldset>
      {/* Outside the locked fieldset: leaving must stay possible while the key cannot be had. */}
      {ended ? (
        <BackToSignInLink username={username} />
      ) : (
        <button type="button" className="link-button" onClick={leave} disabled={phase === 'expired'}>
          {t('challenge.cancel')}
        </button>
      )}
    </form>
  );
}
