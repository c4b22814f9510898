import { useAppTranslation } from './use-app-translation';

/** Whole seconds as "m:ss", in the page language's digits, without grouping. */
export function formatClock(totalSeconds: number, language: string): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const minutes = new Intl.NumberFormat(language, { useGrouping: false }).format(Math.floor(seconds / 60));
  const rest = new Intl.NumberFormat(language, { minimumIntegerDigits: 2, useGrouping: false }).format(seconds % 60);
  return `${minutes}:${rest}`;
}

/**
 * A duration shown as "m:ss" (the challenge's time left, the wait before a new code), with its machine-readable
 * value in `dateTime`.
 */
export function ClockTime({ seconds }: { seconds: number }) {
  const { i18n } = useAppTranslation();
  const whole = Math.max(0, Math.floor(seconds));
  return <time dateTime={`PT${Math.floor(whole / 60)}M${whole % 60}S`}>{formatClock(whole, i18n.language)}</time>;
}
