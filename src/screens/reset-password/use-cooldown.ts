import { useCallback, useEffect, useState } from 'react';

/**
 * A countdown in whole seconds: `secondsLeft` is 0 when it is not running. It runs from the first render
 * when `runningAtStart`, and again from each `start()`.
 */
export function useCooldown(seconds: number, runningAtStart = false): { secondsLeft: number; start(): void } {
  const [now, setNow] = useState(() => Date.now());
  const [endsAt, setEndsAt] = useState<number | null>(() => (runningAtStart ? now + seconds * 1000 : null));

  useEffect(() => {
    if (endsAt === null) return;
    const timer = setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= endsAt) setEndsAt(null);
    }, 1000);
    return () => clearInterval(timer);
  }, [endsAt]);

  const start = useCallback(() => {
    const current = Date.now();
    setNow(current);
    setEndsAt(current + seconds * 1000);
  }, [seconds]);

  const secondsLeft = endsAt === null ? 0 : Math.max(0, Math.ceil((endsAt - now) / 1000));
  return { secondsLeft, start };
}
