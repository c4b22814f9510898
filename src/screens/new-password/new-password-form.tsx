import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { useForm, useWatch, type Path } from 'react-hook-form';
import { z } from 'zod/mini';
import { useAuth } from '../../auth/auth-context';
import type { ChallengeOf } from '../../auth/challenges';
import { newPasswordSchema, passwordRules, useConfig, type PasswordPolicy } from '../../config';
import { Field } from '../../ui/field';
import { FormAlert } from '../../ui/form-alert';
import { reportUiError, useErrorText, type ErrorFieldMap } from '../../ui/form-errors';
import { HiddenUsernameField } from '../../ui/hidden-username-field';
import { PasswordField } from '../../ui/password-field';
import { useSingleFlightSubmit } from '../../ui/single-flight-submit';
import { SubmitButton } from '../../ui/submit-button';
import { useAppTranslation } from '../../ui/use-app-translation';
import { failedPasswordFields } from '../failed-password-fields';
import { confirmPasswordSchema, requireMatchingConfirmation } from '../form-schemas';
import { ChallengeTimer } from '../challenge/challenge-timer';
import { BackToSignInLink, useLeaveChallenge } from '../challenge/leave-challenge';
import { useChallengeSession } from '../challenge/use-challenge-session';
import { attributeFieldSpec } from './required-attributes';

interface NewPasswordValues {
  newPassword: string;
  confirmPassword: string;
  attributes: Record<string, string>;
}

function newPasswordFormSchema(policy: PasswordPolicy, requiredAttributes: readonly string[]) {
  const attributes = Object.fromEntries(
    requiredAttributes.map((name) => [name, z.string().check(z.trim(), z.minLength(1, attributeFieldSpec(name).requiredKey))]),
  );
  return requireMatchingConfirmation(
    z.object({
      newPassword: newPasswordSchema(policy),
      confirmPassword: confirmPasswordSchema,
      attributes: z.object(attributes),
    }),
  );
}

export interface NewPasswordFormProps {
  challenge: ChallengeOf<'NEW_PASSWORD_REQUIRED'>;
  /** Where a guard interrupted the user before sign-in; setting the password leads there. */
  from?: string;
}

export function NewPasswordForm({ challenge, from }: NewPasswordFormProps) {
  const { t } = useAppTranslation();
  const errorText = useErrorText();
  const { completeNewPassword } = useAuth();
  const { passwordPolicy } = useConfig();
  const { username, requiredAttributes } = challenge;
  const rules = useMemo(() => passwordRules(passwordPolicy), [passwordPolicy]);
  const schema = useMemo(() => newPasswordFormSchema(passwordPolicy, requiredAttributes), [passwordPolicy, requiredAttributes]);
  const form = useForm<NewPasswordValues>({
    resolver: zodResolver(schema),
    defaultValues: {
      newPassword: '',
      confirmPassword: '',
      attributes: Object.fromEntries(requiredAttributes.map((name) => [name, ''])),
    },
  });
  const { register, formState, setValue } = form;
  const newPassword = useWatch({ control: form.control, name: 'newPassword' });
  const session = useChallengeSession(challenge);
  const { phase, ended, follow } = session;
  const expired = phase === 'expired';

  const errorField: ErrorFieldMap<NewPasswordValues> = (field) => {
    if (field === 'newPassword' || field === 'confirmPassword') return field;
    if (field.startsWith('attribute:')) {
      const name = field.slice('attribute:'.length);
      if (requiredAttributes.includes(name)) return `attributes.${name}` as Path<NewPasswordValues>;
    }
    return undefined;
  };

  const submit = useSingleFlightSubmit(
    form.handleSubmit(async (values) => {
      const outcome = await completeNewPassword(values.newPassword, values.attributes);
      // Signed in, or a second factor (or its set-up) next: the password is set either way. Signed in, the
      // next screen says so; a second step says so itself (the challenge knows the password changed).
      const error = follow(outcome, { from, signedInNotice: 'passwordSet' });
      if (!error) return;
      for (const field of failedPasswordFields(error, ['newPassword', 'confirmPassword'] as const)) setValue(field, '');
      reportUiError(form, error, errorField);
    }),
  );

  const leave = useLeaveChallenge(username);

  return (
    <form noValidate onSubmit={submit}>
      <ChallengeTimer session={session} limitKey="newPassword.timeLimit" expiredKey="newPassword.expired" />
      <FormAlert message={errorText(formState.errors.root?.server)} />
      <fieldset className="form-fieldset" disabled={expired || ended}>
        <HiddenUsernameField username={username} />
        <PasswordField
          label={t('newPassword.newPassword')}
          autoComplete="new-password"
          error={errorText(formState.errors.newPassword)}
          checklist={{ rules, password: newPassword }}
          {...register('newPassword')}
        />
        <PasswordField
          label={t('newPassword.confirmPassword')}
          autoComplete="new-password"
          error={errorText(formState.errors.confirmPassword)}
          {...register('confirmPassword')}
        />
        {requiredAttributes.length > 0 ? <p>{t('newPassword.detailsIntro')}</p> : null}
        {requiredAttributes.map((name) => {
          const spec = attributeFieldSpec(name);
          const label = spec.labelKey ? t(spec.labelKey) : spec.humanisedLabel;
          return (
            <Field
              key={name}
              label={label}
              hint={spec.hintKey ? t(spec.hintKey) : undefined}
              {...spec.inputProps}
              // Whatever put an error here (the schema, or Cognito naming the attribute as missing), it means
              // the field is empty: the field's own message, which names it, says so.
              error={formState.errors.attributes?.[name] ? t(spec.requiredKey, { field: label }) : undefined}
              {...register(`attributes.${name}`)}
            />
          );
        })}
        <SubmitButton pending={formState.isSubmitting} pendingLabel={t('newPassword.pending')}>
          {t('newPassword.submit')}
        </SubmitButton>
        <button type="button" className="link-button" onClick={leave}>
          {t('challenge.cancel')}
        </button>
      </fieldset>
      {ended ? <BackToSignInLink username={username} /> : null}
    </form>
  );
}
