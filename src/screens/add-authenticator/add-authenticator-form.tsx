import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { z } from 'zod/mini';
import type { NavigationState } from '../../app/navigation-state';
import { paths } from '../../app/paths';
import { useAuth } from '../../auth/auth-context';
import { Field } from '../../ui/field';
import { FormAlert } from '../../ui/form-alert';
import { reportUiError, useErrorText, type ErrorFieldMap } from '../../ui/form-errors';
import { useSingleFlightSubmit } from '../../ui/single-flight-submit';
import { SubmitButton } from '../../ui/submit-button';
import { useAppTranslation } from '../../ui/use-app-translation';
import { VerificationCodeField } from '../../ui/verification-code-field';
import { verificationCodeSchema } from '../form-schemas';
import { useSessionEnded } from '../use-session-ended';

/** Cognito's FriendlyDeviceName: a label for the user, optional. */
const DEVICE_NAME_MAX_LENGTH = 60;

const AddAuthenticatorSchema = z.object({
  code: verificationCodeSchema,
  deviceName: z.string().check(z.trim(), z.maxLength(DEVICE_NAME_MAX_LENGTH, 'addAuthenticator.deviceNameTooLong')),
});
type AddAuthenticatorValues = z.infer<typeof AddAuthenticatorSchema>;

const errorField: ErrorFieldMap<AddAuthenticatorValues> = (field) => (field === 'code' ? 'code' : undefined);

/** The first code from the app proves it holds the key; then the app becomes the preferred sign-in step. */
export function AddAuthenticatorForm() {
  const { t } = useAppTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const sessionEnded = useSessionEnded();
  const { confirmAuthenticatorSetup } = useAuth();
  const form = useForm<AddAuthenticatorValues>({
    resolver: zodResolver(AddAuthenticatorSchema),
    defaultValues: { code: '', deviceName: '' },
  });
  const { register, formState } = form;

  const submit = useSingleFlightSubmit(
    form.handleSubmit(async ({ code, deviceName }) => {
      const outcome = await confirmAuthenticatorSetup(code, deviceName);
      if (outcome.ok) {
        const state: NavigationState = { notice: 'authenticatorSetUp' };
        navigate(paths.twoStepVerification, { replace: true, state });
        return;
      }
      if (outcome.error.kind === 'sessionExpired') {
        sessionEnded();
        return;
      }
      // A wrong code goes on the field, which keeps what was typed (a typo is fixed in place) and takes focus.
      reportUiError(form, outcome.error, errorField);
    }),
  );

  return (
    <form noValidate onSubmit={submit}>
      <FormAlert message={errorText(formState.errors.root?.server)} />
      <VerificationCodeField
        label={t('addAuthenticator.code')}
        hint={t('addAuthenticator.codeHint')}
        error={errorText(formState.errors.code)}
        {...register('code')}
      />
      <Field
        label={t('addAuthenticator.deviceName')}
        hint={t('addAuthenticator.deviceNameHint')}
        autoComplete="off"
        maxLength={DEVICE_NAME_MAX_LENGTH}
        error={errorText(formState.errors.deviceName)}
        {...register('deviceName')}
      />
      <SubmitButton pending={formState.isSubmitting} pendingLabel={t('addAuthenticator.pending')}>
        {t('addAuthenticator.submit')}
      </SubmitButton>
    </form>
  );
}
