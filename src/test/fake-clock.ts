import { vi } from 'vitest';

/**
 * Fake timers for a component test, with the clock at `now`. Testing Library only recognises fake timers
 * when a global `jest` exists (it then advances them itself while it waits); without it, every
 * user-event call under vitest's fake timers would wait forever for a timer nobody advances.
 * Pass the result to `userEvent.setup()`. Undo with `vi.useRealTimers()` and `vi.unstubAllGlobals()`.
 */
export function installFakeClock(now: number): { advanceTimers: (ms: number) => void } {
  vi.useFakeTimers({ now });
  vi.stubGlobal('jest', { advanceTimersByTime: (ms: number) => vi.advanceTimersByTime(ms) });
  return { advanceTimers: (ms: number) => vi.advanceTimersByTime(ms) };
}
