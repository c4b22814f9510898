import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { z } from 'zod/mini';
import type { NavigationState } from '../../app/navigation-state';
import { paths } from '../../app/paths';
import type { VerifiableAttribute } from '../../auth/adapter';
import { useAuth } from '../../auth/auth-context';
import { FormAlert } from '../../ui/form-alert';
import { reportUiError, serverError, useErrorText, type ErrorFieldMap } from '../../ui/form-errors';
import { Notice } from '../../ui/notice';
import { ResendCode } from '../../ui/resend-code';
import { useSingleFlightSubmit } from '../../ui/single-flight-submit';
import { SubmitButton } from '../../ui/submit-button';
import { useAppTranslation } from '../../ui/use-app-translation';
import { VerificationCodeField } from '../../ui/verification-code-field';
import { confirmationCodeSchema } from '../form-schemas';
import { deliveryMessageKey } from '../reset-password/code-delivery';
import { useSessionEnded } from '../use-session-ended';
import { useCodeSending } from '../use-code-sending';

const VerifyContactSchema = z.object({ code: confirmationCodeSchema });
type VerifyContactValues = z.infer<typeof VerifyContactSchema>;

const errorField: ErrorFieldMap<VerifyContactValues> = (field) => (field === 'code' ? 'code' : undefined);

const INTRO: Record<VerifiableAttribute, string> = { email: 'verifyContact.introEmail', phone_number: 'verifyContact.introPhone' };

/** "Send code", then the code from the message; a right code verifies the attribute and returns to the account. */
export function VerifyContactForm({ attribute, value }: { attribute: VerifiableAttribute; value: string }) {
  const { t } = useAppTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const sessionEnded = useSessionEnded();
  const { verifyAttribute } = useAuth();
  const form = useForm<VerifyContactValues>({ resolver: zodResolver(VerifyContactSchema), defaultValues: { code: '' } });
  const { register, formState, setFocus } = form;
  const { sendAttributeVerificationCode } = useAuth();
  const { sent, sending, send, secondsLeft } = useCodeSending(() => sendAttributeVerificationCode(attribute), {
    onResult: (error) => {
      if (error) form.setError('root.server', serverError(error));
      else form.clearErrors('root.server');
    },
    onSessionOver: sessionEnded,
  });

  // The "Send code" button gives way to the code field: focus follows, where the user continues.
  const firstSent = sent !== null;
  useEffect(() => {
    if (firstSent) setFocus('code');
  }, [firstSent, setFocus]);

  const submit = useSingleFlightSubmit(
    form.handleSubmit(async ({ code }) => {
      const outcome = await verifyAttribute(attribute, code);
      if (outcome.ok) {
        const state: NavigationState = { notice: attribute === 'email' ? 'emailVerified' : 'phoneVerified' };
        navigate(paths.account, { replace: true, state });
        return;
      }
      if (outcome.error.kind === 'sessionExpired') {
        sessionEnded();
        return;
      }
      // A wrong or expired code goes on the field, which keeps what was typed and takes focus.
      reportUiError(form, outcome.error, errorField);
    }),
  );

  const sentMessage = sent
    ? t(deliveryMessageKey(sent.count === 1 ? 'resetPassword.codeSent' : 'resetPassword.resent', sent.delivery), {
        destination: sent.delivery.destination,
      })
    : undefined;

  return (
    <form noValidate onSubmit={submit}>
      <p>{t(INTRO[attribute], { value })}</p>
      {/* One line says where the newest code went; a new status region per code, so each one is announced. */}
      <Notice key={sent?.count ?? 0} message={sentMessage} />
      <FormAlert message={errorText(formState.errors.root?.server)} />
      {sent ? (
        <>
          <VerificationCodeField
            label={t('verifyContact.code')}
            hint={t('verifyContact.codeHint')}
            error={errorText(formState.errors.code)}
            {...register('code')}
          />
          <SubmitButton pending={formState.isSubmitting} pendingLabel={t('verifyContact.pending')}>
            {t('verifyContact.submit')}
          </SubmitButton>
          <ResendCode
            label={t('verifyContact.resend')}
            pendingLabel={t('verifyContact.sendPending')}
            pending={sending}
            secondsLeft={secondsLeft}
            waitDescription={t('verifyContact.resendCooldown', { count: secondsLeft })}
            onResend={() => void send()}
          />
        </>
      ) : (
        <div className="actions">
          <button type="button" className="button button--primary" onClick={() => void send()} disabled={sending}>
            {sending ? t('verifyContact.sendPending') : t('verifyContact.send')}
          </button>
        </div>
      )}
    </form>
  );
}
