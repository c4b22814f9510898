import './mfa-code.css';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod/mini';
import { useAuth } from '../../auth/auth-context';
import type { ChallengeOf, MfaCodeChallengeName } from '../../auth/challenges';
import { FormAlert } from '../../ui/form-alert';
import { reportUiError, useErrorText, type ErrorFieldMap } from '../../ui/form-errors';
import { useSingleFlightSubmit } from '../../ui/single-flight-submit';
import { SubmitButton } from '../../ui/submit-button';
import { useAppTranslation } from '../../ui/use-app-translation';
import { VerificationCodeField } from '../../ui/verification-code-field';
import { ChallengeTimer } from '../challenge/challenge-timer';
import { BackToSignInLink, useLeaveChallenge } from '../challenge/leave-challenge';
import { useChallengeSession } from '../challenge/use-challenge-session';
import { verificationCodeSchema } from '../form-schemas';

const MfaCodeSchema = z.object({ code: verificationCodeSchema });
type MfaCodeValues = z.infer<typeof MfaCodeSchema>;

const errorField: ErrorFieldMap<MfaCodeValues> = (field) => (field === 'code' ? 'code' : undefined);

export interface MfaCodeFormProps {
  challenge: ChallengeOf<MfaCodeChallengeName>;
  /** Where a guard interrupted the user before sign-in; signing in leads there. */
  from?: string;
}

export function MfaCodeForm({ challenge, from }: MfaCodeFormProps) {
  const { t } = useAppTranslation();
  const errorText = useErrorText();
  const { answerMfaCode } = useAuth();
  const form = useForm<MfaCodeValues>({ resolver: zodResolver(MfaCodeSchema), defaultValues: { code: '' } });
  const { register, formState } = form;
  const session = useChallengeSession(challenge);
  const { phase, ended, follow } = session;
  const leave = useLeaveChallenge(challenge.username);
  // Cognito has no way to send a text-message or email code again; an authenticator app shows a new one itself.
  const sentByMessage = challenge.name !== 'SOFTWARE_TOKEN_MFA';

  const submit = useSingleFlightSubmit(
    form.handleSubmit(async ({ code }) => {
      const outcome = await answerMfaCode(code);
      // Straight after a first password, the account says the password is set (nothing else has).
      const error = follow(outcome, { from, signedInNotice: challenge.passwordChanged ? 'passwordSet' : undefined });
      // A wrong or already used code goes on the field, which keeps what was typed and takes focus.
      if (error) reportUiError(form, error, errorField);
    }),
  );

  return (
    <form noValidate onSubmit={submit}>
      <ChallengeTimer session={session} limitKey="mfaCode.timeLimit" expiredKey="mfaCode.expired" />
      <FormAlert message={errorText(formState.errors.root?.server)} />
      <fieldset className="form-fieldset" disabled={phase === 'expired' || ended}>
        <VerificationCodeField
          label={t('mfaCode.code')}
          hint={sentByMessage ? t('mfaCode.codeHintMessage') : t('mfaCode.codeHintAuthenticator')}
          error={errorText(formState.errors.code)}
          {...register('code')}
        />
        <SubmitButton pending={formState.isSubmitting} pendingLabel={t('mfaCode.pending')}>
          {t('mfaCode.submit')}
        </SubmitButton>
        {sentByMessage ? (
          <div className="new-code">
            <p>{t('mfaCode.newCodeHint')}</p>
            <button type="button" className="link-button" onClick={leave}>
              {t('mfaCode.signInAgain')}
            </button>
          </div>
        ) : null}
        <button type="button" className="link-button" onClick={leave}>
          {t('challenge.cancel')}
        </button>
      </fieldset>
      {ended ? <BackToSignInLink username={challenge.username} /> : null}
    </form>
  );
}
