import { BatchMeans, minBatchesOption } from './batch-means';
import { assertConfig, assertTimes, keptStart, throwFirstNonFinite } from './series-support';
import type { DiscardConfig } from './series-support';

/** Options of {@link longTimeAverage}: the transient to drop and the batch count. */
export interface LongTimeAverageConfig extends DiscardConfig {
  /**
   * M, the fewest batches the standard error is computed from once there are ≥ 2M samples
   * (the count stays in [M, 2M)); integer ≥ 2, default 32.
   */
  batches?: number;
}

/** A long-time average with its statistical error. */
export interface LongTimeAverage {
  /** sample mean of the kept values */
  readonly mean: number;
  /** batch-means standard error of `mean` (NaN with fewer than 2 kept samples) */
  readonly standardError: number;
  /** number of kept samples n */
  readonly samples: number;
  /** number K of full batches the error comes from */
  readonly batches: number;
  /** samples per batch b */
  readonly batchSize: number;
}

/**
 * Long-time average of a time series, lim_{T→∞} (1/T)∫x dt, as the mean of the samples after a
 * transient, with a standard error that accounts for correlations between samples.
 *
 * The transient is dropped by `tStart` (keep t ≥ tStart) or by `discard` (keep the last
 * 1 − discard of the time span); by default nothing is dropped. The mean is the plain sample
 * mean, so the samples should be equally spaced in time (for unequal steps use a trapezoid,
 * e.g. `runningTimeAverage` of @qsync/frames). The standard error comes from non-overlapping batch
 * means: consecutive samples are grouped into K batches of b samples, K kept between M and 2M
 * by doubling b as n grows, and standardError = √(s²·b/n) with s² the sample variance of the
 * batch means. It is the error of the mean when b ≫ τ (τ the integrated autocorrelation time in
 * samples; the estimate is ~O(τ/b) low otherwise) and has a relative scatter ≈ 1/√(2(K − 1))
 * (≈ 10% for M = 32). {@link longTimeAverageOf} gives the same numbers on a stream of frames or blocks.
 *
 * @param times - sample times, finite and non-decreasing
 * @param values - samples x(t), finite, same length as `times`
 * @param config - `{ discard }` (fraction in [0, 1)) or `{ tStart }`, and `batches` (M, default 32)
 * @returns `{ mean, standardError, samples, batches, batchSize }`
 * @throws Error naming `times`, `values`, `discard`, `tStart` or `batches` on bad input, or
 *   `tStart` when it leaves no sample
 * @example
 * longTimeAverage([0, 1, 2, 3, 4], [9, 1, 3, 1, 3], { tStart: 1 }); // { mean: 2, standardError: Math.sqrt(1 / 3), samples: 4, batches: 4, batchSize: 1 }
 */
export function longTimeAverage(
  times: ArrayLike<number>,
  values: ArrayLike<number>,
  config: LongTimeAverageConfig = {},
): LongTimeAverage {
  const fn = 'longTimeAverage';
  assertTimes(fn, 'times', times);
  const v = values as ArrayLike<unknown> | null | undefined;
  if (v == null || typeof v !== 'object' || v.length !== times.length) {
    const got = v != null && typeof v === 'object' ? `length ${String(v.length)}` : String(values);
    throw new Error(`${fn}: argument 'values' must be an array of the length of 'times' (${times.length}), got ${got}`);
  }
  assertConfig(fn, config);
  const m = minBatchesOption(fn, config.batches);
  const start = keptStart(fn, times, config);
  const acc = new BatchMeans(m);
  for (let i = start; i < times.length; i++) acc.push(values[i]);
  const mean = acc.mean();
  if (!Number.isFinite(mean)) throwFirstNonFinite(fn, 'values', values, start, times.length);
  return {
    mean,
    standardError: acc.standardError(),
    samples: acc.count,
    batches: acc.batches(),
    batchSize: acc.batchSize(),
  };
}
