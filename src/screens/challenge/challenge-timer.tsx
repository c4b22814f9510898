import { ClockTime } from '../../ui/clock-time';
import { useAppTranslation } from '../../ui/use-app-translation';
import type { ChallengeSession } from './use-challenge-session';

export interface ChallengeTimerProps {
  /** The screen's `useChallengeSession()`: nothing is shown once the challenge has ended. */
  session: Pick<ChallengeSession, 'secondsLeft' | 'phase' | 'ended'>;
  /** What this screen's user must finish in time, and what happens if not. Shown from the start. */
  limitKey: string;
  /** Shown for the moment before the screen leaves for sign-in. */
  expiredKey: string;
}

/**
 * The challenge's time left: what must be done in time, then a compact clock that sticks to the top of the
 * screen while the user scrolls down the form (on a phone the fields and the button are below the fold).
 *
 * Nothing in the flow changes size when the warning starts, so the field being typed in stays where it is:
 * the time limit is said from the start, and the warning restyles the clock and swaps its label for one of
 * about the same length. No sentence carries a number of seconds either: the clock shows the time left, and
 * a fixed "within 60 seconds" would contradict it a moment later.
 *
 * The ticking clock is plain text (a live region announcing every second would make the form unusable with
 * a screen reader); a separate live region speaks once, when the warning starts, and its text stays the same
 * between ticks so nothing is re-announced.
 *
 * Time up is shown here for the moment before the form leaves for sign-in, but not announced here: this
 * screen is gone a moment later and focus moves to the sign-in heading, which would cut the message off.
 * Sign-in opens with the notice that time ran out, and the layout's announcer speaks it after the heading;
 * so the expiry is announced once, where the user lands.
 */
export function ChallengeTimer({ session: { secondsLeft, phase, ended }, limitKey, expiredKey }: ChallengeTimerProps) {
  const { t } = useAppTranslation();
  const warning = phase === 'warning';
  if (ended) return null;

  return (
    <div className={`challenge-timer challenge-timer--${phase}`}>
      <p className="challenge-limit">{t(limitKey)}</p>
      <div className="challenge-clock">
        <span>{warning ? t('challenge.almostUpLabel') : t('challenge.timeLeftLabel')}</span> <ClockTime seconds={secondsLeft} />
      </div>
      <div className="visually-hidden" aria-live="assertive" aria-atomic="true">
        {warning ? <p>{t('challenge.almostUp', { limit: t(limitKey) })}</p> : null}
      </div>
      {phase === 'expired' ? <p className="message message--warning">{t(expiredKey)}</p> : null}
    </div>
  );
}
