/** Shared internals of observedFrequency and observedFrequencies. Not part of the public entry. */
import { assertConfig, assertTimes, keptStart, throwFirstNonFinite } from './series-support';
import type { DiscardConfig } from './series-support';

/** How the mean phase velocity is estimated; see {@link observedFrequency}. */
export type FrequencyMethod = 'endpoints' | 'leastSquares';

/** Options of {@link observedFrequency} and {@link observedFrequencies}. */
export interface ObservedFrequencyConfig extends DiscardConfig {
  /**
   * `'endpoints'` (default): (φ(T) − φ(t₀))/(T − t₀), the thesis's mean phase velocity;
   * `'leastSquares'`: slope of the least-squares line through the kept samples.
   */
  method?: FrequencyMethod;
}

/**
 * Checks times and options, returns the first kept index and the method. Throws naming
 * `times`, `discard`, `tStart` or `method`, or `tStart`/`discard`/`times` when the kept part spans
 * no time.
 */
export function frequencySetup(
  fn: string,
  times: unknown,
  config: ObservedFrequencyConfig,
): { start: number; method: FrequencyMethod } {
  assertTimes(fn, 'times', times);
  assertConfig(fn, config);
  const method = config.method ?? 'endpoints';
  if (method !== 'endpoints' && method !== 'leastSquares') {
    throw new Error(`${fn}: option 'method' must be 'endpoints' or 'leastSquares', got ${String(method)}`);
  }
  const start = keptStart(fn, times, config);
  const n = times.length;
  if (!(times[n - 1] > times[start])) {
    const by = config.tStart !== undefined ? `option 'tStart' = ${config.tStart}` : `argument 'times'`;
    throw new Error(
      `${fn}: the kept samples span no time (${by} leaves ${n - start} sample(s) at t = ${times[n - 1]}); ` +
        `need two distinct times`,
    );
  }
  return { start, method };
}

/**
 * Mean phase velocity of phases[offset + start … offset + n − 1] against times[start … n − 1];
 * throws naming `name` at a non-finite phase (index into `phases`).
 */
export function frequencyKernel(
  fn: string,
  name: string,
  times: ArrayLike<number>,
  phases: ArrayLike<number>,
  offset: number,
  start: number,
  method: FrequencyMethod,
): number {
  const n = times.length;
  throwFirstNonFinite(fn, name, phases, offset + start, offset + n);
  if (method === 'endpoints') {
    return (phases[offset + n - 1] - phases[offset + start]) / (times[n - 1] - times[start]);
  }
  // two passes: centre first, then the sums of products (no cancellation of large means)
  const m = n - start;
  let tMean = 0;
  let pMean = 0;
  for (let i = start; i < n; i++) {
    tMean += times[i];
    pMean += phases[offset + i];
  }
  tMean /= m;
  pMean /= m;
  let stt = 0;
  let stp = 0;
  for (let i = start; i < n; i++) {
    const dt = times[i] - tMean;
    stt += dt * dt;
    stp += dt * (phases[offset + i] - pMean);
  }
  return stp / stt;
}
