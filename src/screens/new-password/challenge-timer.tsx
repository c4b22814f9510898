import type { CountdownPhase } from '../../auth/challenge-timer';
import { useAppTranslation } from '../../ui/use-app-translation';

export interface ChallengeTimerProps {
  secondsLeft: number;
  phase: CountdownPhase;
  warningSeconds: number;
}

/**
 * The challenge's time left. The ticking clock is plain text (a live region announcing every second
 * would make the form unusable with a screen reader); a separate live region speaks twice only, when
 * the warning starts and when time is up, and its text stays the same between ticks so nothing is
 * re-announced.
 */
export function ChallengeTimer({ secondsLeft, phase, warningSeconds }: ChallengeTimerProps) {
  const { t, i18n } = useAppTranslation();
  const minutes = Math.floor(secondsLeft / 60);
  const seconds = secondsLeft % 60;
  const twoDigits = new Intl.NumberFormat(i18n.language, { minimumIntegerDigits: 2, useGrouping: false });
  const time = `${new Intl.NumberFormat(i18n.language, { useGrouping: false }).format(minutes)}:${twoDigits.format(seconds)}`;
  const announcement =
    phase === 'warning' ? t('newPassword.warning', { count: warningSeconds }) : phase === 'expired' ? t('newPassword.expired') : '';

  return (
    <div className={`challenge-timer challenge-timer--${phase}`}>
      <p className="challenge-timer__time">
        {t('newPassword.timeLeftLabel')} <time dateTime={`PT${minutes}M${seconds}S`}>{time}</time>
      </p>
      <div className="message message--warning" aria-live="assertive" aria-atomic="true">
        {announcement ? <p>{announcement}</p> : null}
      </div>
    </div>
  );
}
