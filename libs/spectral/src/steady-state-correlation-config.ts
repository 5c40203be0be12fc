import type { RegressionOptions } from './regression-problem';

/** Options of {@link steadyStateCorrelation} and {@link steadyStateCorrelationChunked}. */
export interface SteadyStateCorrelationConfig extends RegressionOptions {
  /** Relative tolerance of the Dormand–Prince steps (default 1e-10). */
  rtol?: number;
  /** Absolute tolerance, in units of ρ (default 1e-13). */
  atol?: number;
  /**
   * {@link steadyStateCorrelationChunked} only: wall-clock ms of computing between yields to the
   * event loop, as `chunkedObservable`'s option (default 16; 0 yields after every lag).
   */
  yieldEvery?: number;
}
