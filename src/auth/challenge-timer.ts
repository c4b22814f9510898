import { useContext, useEffect, useState } from 'react';
import { ConfigContext } from '../config/config-context';

export type CountdownPhase = 'running' | 'warning' | 'expired';

export interface Countdown {
  secondsLeft: number;
  phase: CountdownPhase;
}

/** Whole seconds left, rounded up so "0" appears only once the time is really over. */
export function secondsLeft(expiresAt: number, now: number): number {
  return Math.max(0, Math.ceil((expiresAt - now) / 1000));
}

export function countdownPhase(seconds: number, warningSeconds: number): CountdownPhase {
  if (seconds <= 0) return 'expired';
  if (seconds <= warningSeconds) return 'warning';
  return 'running';
}

export function countdown(expiresAt: number, now: number, warningSeconds: number): Countdown {
  const seconds = secondsLeft(expiresAt, now);
  return { secondsLeft: seconds, phase: countdownPhase(seconds, warningSeconds) };
}

const DEFAULT_WARNING_SECONDS = 60;

/**
 * The challenge's time left, ticking once a second on the second boundaries of `expiresAt`. Each tick
 * re-reads the clock, so a throttled background tab catches up at once; the ticks run on their own
 * (not one render at a time), and stop at the expiry. The warning threshold is the config's
 * `challengeWarningSeconds` unless given.
 */
export function useChallengeCountdown(expiresAt: number, options: { warningSeconds?: number } = {}): Countdown {
  const config = useContext(ConfigContext);
  const warningSeconds = options.warningSeconds ?? config?.challengeWarningSeconds ?? DEFAULT_WARNING_SECONDS;
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const remainingMs = expiresAt - Date.now();
    if (remainingMs <= 0) return;
    let interval: ReturnType<typeof setInterval> | undefined;
    const tick = () => {
      const current = Date.now();
      setNow(current);
      if (current >= expiresAt) clearInterval(interval);
    };
    const firstTick = setTimeout(() => {
      tick();
      if (Date.now() < expiresAt) interval = setInterval(tick, 1000);
    }, remainingMs % 1000 || 1000);
    return () => {
      clearTimeout(firstTick);
      clearInterval(interval);
    };
  }, [expiresAt]);

  return countdown(expiresAt, now, warningSeconds);
}
