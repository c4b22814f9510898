import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod/mini';
import { useAuth } from '../../auth/auth-context';
import { MFA_METHODS, type ChallengeOf } from '../../auth/challenges';
import { FormAlert } from '../../ui/form-alert';
import { reportUiError, useErrorText } from '../../ui/form-errors';
import { useSingleFlightSubmit } from '../../ui/single-flight-submit';
import { SubmitButton } from '../../ui/submit-button';
import { useAppTranslation } from '../../ui/use-app-translation';
import { ChallengeTimer } from '../challenge/challenge-timer';
import { BackToSignInLink, useLeaveChallenge } from '../challenge/leave-challenge';
import { useChallengeSession } from '../challenge/use-challenge-session';
import { MethodChoice } from './method-choice';

// Nothing is chosen for the user: which method suits them (phone at hand, app installed) is theirs to say.
const ChooseMfaSchema = z.object({ method: z.enum(MFA_METHODS, 'ui.validation.mfaMethodRequired') });
type ChooseMfaValues = z.infer<typeof ChooseMfaSchema>;

export interface ChooseMfaFormProps {
  challenge: ChallengeOf<'SELECT_MFA_TYPE'>;
  /** Where a guard interrupted the user before sign-in; passed on to the next step. */
  from?: string;
}

export function ChooseMfaForm({ challenge, from }: ChooseMfaFormProps) {
  const { t } = useAppTranslation();
  const errorText = useErrorText();
  const { chooseMfaMethod } = useAuth();
  // No default: every radio button starts unchecked.
  const form = useForm<ChooseMfaValues>({ resolver: zodResolver(ChooseMfaSchema) });
  const { register, formState } = form;
  const session = useChallengeSession(challenge);
  const { phase, ended, follow } = session;
  const leave = useLeaveChallenge(challenge.username);

  const submit = useSingleFlightSubmit(
    form.handleSubmit(async ({ method }) => {
      const outcome = await chooseMfaMethod(method);
      const error = follow(outcome, { from, signedInNotice: challenge.passwordChanged ? 'passwordSet' : undefined });
      if (error) reportUiError(form, error, () => undefined);
    }),
  );

  return (
    <form noValidate onSubmit={submit}>
      <ChallengeTimer session={session} limitKey="chooseMfa.timeLimit" expiredKey="chooseMfa.expired" />
      <FormAlert message={errorText(formState.errors.root?.server)} />
      <fieldset className="form-fieldset" disabled={phase === 'expired' || ended}>
        <MethodChoice
          methods={challenge.methods}
          legend={t('chooseMfa.legend')}
          error={errorText(formState.errors.method)}
          {...register('method')}
        />
        <SubmitButton pending={formState.isSubmitting} pendingLabel={t('chooseMfa.pending')}>
          {t('chooseMfa.submit')}
        </SubmitButton>
        <button type="button" className="link-button" onClick={leave}>
          {t('challenge.cancel')}
        </button>
      </fieldset>
      {ended ? <BackToSignInLink username={challenge.username} /> : null}
    </form>
  );
}
