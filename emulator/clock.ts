/**
 * The local user pool's notion of "now". Everything time-dependent in the emulator (token expiry, code and
 * session lifetimes, SRP timestamp skew, temporary-password validity) reads this clock, so tests and the
 * `POST /_emulator/clock` endpoint can move time forward without touching the process clock.
 */
export interface Clock {
  /** Epoch milliseconds: the base clock plus the accumulated offset. */
  now(): number;
  /** Moves the clock forward. Throws RangeError for a negative or non-finite amount. */
  advance(seconds: number): void;
  /** Sets the offset back to 0. */
  reset(): void;
}

export function createClock(base: () => number = Date.now): Clock {
  let offsetMs = 0;
  return {
    now: () => base() + offsetMs,
    advance(seconds: number) {
      // Time only moves forward: codes, sessions and tokens issued "in the future" of a rewound clock
      // would otherwise outlive their lifetimes in ways real Cognito can never show.
      if (!Number.isFinite(seconds) || seconds < 0) {
        throw new RangeError('advance(seconds) needs a finite, non-negative number of seconds');
      }
      offsetMs += seconds * 1000;
    },
    reset() {
      offsetMs = 0;
    },
  };
}
