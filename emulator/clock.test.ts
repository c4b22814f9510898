import { describe, expect, it } from 'vitest';
import { createClock } from './clock';

describe('createClock', () => {
  it('follows the base clock when not advanced', () => {
    let baseMs = 1_000_000;
    const clock = createClock(() => baseMs);
    expect(clock.now()).toBe(1_000_000);
    baseMs += 250;
    expect(clock.now()).toBe(1_000_250);
  });

  it('adds advanced seconds on top of the base clock, cumulatively', () => {
    let baseMs = 5_000;
    const clock = createClock(() => baseMs);
    clock.advance(60);
    expect(clock.now()).toBe(65_000);
    clock.advance(0.5);
    expect(clock.now()).toBe(65_500);
    baseMs += 1_000;
    expect(clock.now()).toBe(66_500);
  });

  it('reset puts the offset back to 0', () => {
    const clock = createClock(() => 42);
    clock.advance(3_600);
    clock.reset();
    expect(clock.now()).toBe(42);
  });

  it('rejects moving backwards or by a non-finite amount, leaving the clock unchanged', () => {
    const clock = createClock(() => 0);
    clock.advance(10);
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
    expect(() => clock.advance(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(clock.now()).toBe(10_000);
  });

  it('defaults to Date.now as the base', () => {
    const clock = createClock();
    const before = Date.now();
    const reading = clock.now();
    expect(reading).toBeGreaterThanOrEqual(before);
    expect(reading).toBeLessThanOrEqual(Date.now());
  });
});
