/**
 * Streaming batch-means estimator of a correlated series' mean and its standard error, shared by
 * {@link longTimeAverage} (arrays) and {@link longTimeAverageOf} (streams of frames or blocks), which feed it the
 * same samples in the same order and so report the same numbers. Internal (not in index.ts).
 *
 * Method (non-overlapping batch means with a bounded number of batches, doubling the batch
 * size as the series grows): samples are summed into consecutive batches of b samples, b
 * starting at 1. When 2M full batches exist, neighbouring pairs merge (b doubles, M batches
 * remain), so the number K of full batches stays in [M, 2M) once n ≥ 2M, and each batch spans
 * about n/(1.5M) samples. For batches much longer than the series' correlation time the batch
 * means mₖ are nearly independent with variance ≈ σ²τ/b (τ the integrated autocorrelation
 * time, τ = 1 for white noise), so
 *
 *   s² = Σₖ (mₖ − m̄)²/(K − 1),   standardError = √(s²·b/n)
 *
 * estimates the standard deviation of the overall mean of all n samples (b/n instead of 1/K
 * counts the samples of an unfinished last batch). Its own relative scatter is ≈ 1/√(2(K − 1)),
 * 9–13% for M = 32; it is biased low by O(τ/b) when batches are not much longer than τ.
 * Below 2M samples the batches are single samples and the estimate ignores correlations.
 * Memory is O(M) and a push costs O(1) amortised, with no allocation.
 */
export class BatchMeans {
  private readonly sums: Float64Array;
  private readonly minBatches: number;
  private full = 0;
  private size = 1;
  private partial = 0;
  private partialCount = 0;
  private total = 0;
  /** number of samples pushed */
  count = 0;

  /** @param minBatches - M ≥ 2, the number of batches after a merge */
  constructor(minBatches: number) {
    this.minBatches = minBatches;
    this.sums = new Float64Array(2 * minBatches);
  }

  /** Adds one sample. */
  push(x: number): void {
    this.total += x;
    this.count++;
    this.partial += x;
    if (++this.partialCount === this.size) {
      this.sums[this.full++] = this.partial;
      this.partial = 0;
      this.partialCount = 0;
      if (this.full === this.sums.length) {
        const m = this.minBatches;
        for (let k = 0; k < m; k++) this.sums[k] = this.sums[2 * k] + this.sums[2 * k + 1];
        this.full = m;
        this.size *= 2;
      }
    }
  }

  /** Mean of all samples (NaN before the first). */
  mean(): number {
    return this.total / this.count;
  }

  /** Number of full batches K. */
  batches(): number {
    return this.full;
  }

  /** Current batch size b. */
  batchSize(): number {
    return this.size;
  }

  /** Batch-means standard error of {@link mean}; NaN with fewer than two full batches. */
  standardError(): number {
    const k = this.full;
    if (k < 2) return NaN;
    const b = this.size;
    let s = 0;
    for (let i = 0; i < k; i++) s += this.sums[i];
    const mbar = s / (k * b);
    let v = 0;
    for (let i = 0; i < k; i++) {
      const d = this.sums[i] / b - mbar;
      v += d * d;
    }
    return Math.sqrt(((v / (k - 1)) * b) / this.count);
  }
}

/** Default M of {@link BatchMeans}. */
export const DEFAULT_MIN_BATCHES = 32;

/** Checks the `batches` option (M, an integer ≥ 2) and returns it or the default. */
export function minBatchesOption(fn: string, batches: unknown): number {
  if (batches === undefined) return DEFAULT_MIN_BATCHES;
  if (typeof batches !== 'number' || !Number.isSafeInteger(batches) || batches < 2) {
    throw new Error(`${fn}: option 'batches' must be an integer ≥ 2, got ${String(batches)}`);
  }
  return batches;
}
