/** Quantiles of samples: shared by the bench scripts in Node and the bench page in the browser. */

/** The q-quantile (0..1) of samples, nearest-rank (p99 of 100 samples is the 99th smallest). */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] as number;
}

/** The median of samples. */
export function median(samples: readonly number[]): number {
  return quantile(samples, 0.5);
}
