import { useId } from 'react';
import { formatClock } from './clock-time';
import { useAppTranslation } from './use-app-translation';

export interface ResendCodeProps {
  /** What the button does: "Send a new code". */
  label: string;
  pendingLabel: string;
  pending: boolean;
  /** The wait before another code may be asked for; 0 when it may. */
  secondsLeft: number;
  /** The wait in words, for screen readers (the ticking "(0:45)" is hidden from them). */
  waitDescription: string;
  onResend(): void;
}

/**
 * "Didn't get it? Send a new code (0:45)": a quiet, link-style way to a new code under the form's main action.
 *
 * While the wait runs (and while a code is being sent) the button is `aria-disabled` rather than disabled:
 * a disabled button would drop the keyboard focus of the user who just pressed it. Its name stays "Send a new
 * code"; the ticking time is hidden from screen readers, which read the wait in words as its description
 * instead of hearing the name change every second.
 */
export function ResendCode({ label, pendingLabel, pending, secondsLeft, waitDescription, onResend }: ResendCodeProps) {
  const { t, i18n } = useAppTranslation();
  const waitId = useId();
  const waiting = secondsLeft > 0;
  const unavailable = waiting || pending;
  return (
    <p className="resend">
      {/* No space typed between: the button's padding spaces them, as in languages that put none after "？". */}
      {t('ui.resend.prompt')}
      <button
        type="button"
        className="link-button"
        aria-disabled={unavailable || undefined}
        aria-describedby={waiting ? waitId : undefined}
        onClick={() => {
          if (!unavailable) onResend();
        }}
      >
        {pending ? pendingLabel : label}
        {waiting && !pending ? (
          <span className="resend__wait" aria-hidden="true">
            {t('ui.resend.wait', { time: formatClock(secondsLeft, i18n.language) })}
          </span>
        ) : null}
      </button>
      {waiting ? (
        <span id={waitId} className="visually-hidden">
          {waitDescription}
        </span>
      ) : null}
    </p>
  );
}
