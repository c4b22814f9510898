import { describe, expect, it } from 'vitest';
import { pairedRatio, summarize } from './stats';

describe('summarize', () => {
  it('gives the median, the extremes and the quartiles of unsorted samples', () => {
    const summary = summarize([9, 1, 5, 3, 7]);
    expect(summary).toMatchObject({ runs: 5, median: 5, min: 1, max: 9, q1: 3, q3: 7 });
    expect(summary.samples).toEqual([9, 1, 5, 3, 7]);
  });

  it('interpolates between the middle samples of an even count', () => {
    expect(summarize([1, 2, 3, 4]).median).toBe(2.5);
  });

  it('refuses to summarise nothing', () => {
    expect(() => summarize([])).toThrow('No samples');
  });
});

describe('pairedRatio', () => {
  it('divides each run by its partner before taking the median, so a slow moment slows both', () => {
    expect(pairedRatio([200, 120, 1000], [100, 100, 800]).median).toBe(1.25);
  });
});
