import type { CountdownPhase } from '../../auth/challenge-timer';
import type { ChallengeSession } from './use-challenge-session';
import { useAppTranslation } from '../../ui/use-app-translation';

export interface ChallengeTimerProps extends Pick<ChallengeSession, 'secondsLeft'> {
  phase: CountdownPhase;
  warningSeconds: number;
  /** What this screen's user must finish in time, and what happens if not: a key with a `count` of seconds. */
  warningKey: string;
  /** Shown for the moment before the screen leaves for sign-in. */
  expiredKey: string;
}

/**
 * The challenge's time left. The ticking clock is plain text (a live region announcing every second
 * would make the form unusable with a screen reader); a separate live region speaks once, when the
 * warning starts, and its text stays the same between ticks so nothing is re-announced.
 *
 * Time up is shown here for the moment before the form leaves for sign-in, but not announced here:
 * this screen is gone a moment later and focus moves to the sign-in heading, which would cut the
 * message off. Sign-in opens with the notice that time ran out, and the layout's announcer speaks it
 * after the heading; so the expiry is announced once, where the user lands.
 */
export function ChallengeTimer({ secondsLeft, phase, warningSeconds, warningKey, expiredKey }: ChallengeTimerProps) {
  const { t, i18n } = useAppTranslation();
  const minutes = Math.floor(secondsLeft / 60);
  const seconds = secondsLeft % 60;
  const twoDigits = new Intl.NumberFormat(i18n.language, { minimumIntegerDigits: 2, useGrouping: false });
  const time = `${new Intl.NumberFormat(i18n.language, { useGrouping: false }).format(minutes)}:${twoDigits.format(seconds)}`;

  return (
    <div className={`challenge-timer challenge-timer--${phase}`}>
      <p className="challenge-timer__time">
        {t('challenge.timeLeftLabel')} <time dateTime={`PT${minutes}M${seconds}S`}>{time}</time>
      </p>
      <div className="message message--warning" aria-live="assertive" aria-atomic="true">
        {phase === 'warning' ? <p>{t(warningKey, { count: warningSeconds })}</p> : null}
      </div>
      {phase === 'expired' ? <p className="message message--warning">{t(expiredKey)}</p> : null}
    </div>
  );
}
