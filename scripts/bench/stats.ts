/** Summary of repeated timings: the median, and the spread as min/max and the interquartile range. */
export interface Summary {
  runs: number;
  median: number;
  min: number;
  max: number;
  q1: number;
  q3: number;
  samples: number[];
}

/** Quantile by linear interpolation between closest ranks (the common "type 7" definition). */
function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] ?? Number.NaN;
  const high = sorted[upper] ?? Number.NaN;
  return low + (high - low) * (position - lower);
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('No samples to summarize.');
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    median: quantile(sorted, 0.5),
    min: sorted[0] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
    samples: [...samples],
  };
}

/**
 * Median of the per-run ratios a[i] / b[i]. Each app load is paired with the floor load next to it, so a
 * burst of load on the machine slows both and the ratio stays put.
 */
export function pairedRatio(a: readonly number[], b: readonly number[]): Summary {
  const count = Math.min(a.length, b.length);
  const ratios: number[] = [];
  for (let index = 0; index < count; index += 1) ratios.push((a[index] ?? Number.NaN) / (b[index] ?? Number.NaN));
  return summarize(ratios);
}
