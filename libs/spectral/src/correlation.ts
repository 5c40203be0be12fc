/**
 * A sampled two-time correlation g(τ_k), k = 0 … maxLag. Shared result type.
 */
export interface Correlation {
  /** lags τ_k = kΔt (time units), ascending from 0 */
  readonly tau: Float64Array;
  /** g(τ_k) = E[x(t+τ_k) x*(t)], interleaved complex (re, im) pairs */
  readonly g: Float64Array;
}
