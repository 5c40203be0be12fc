/**
 * Right-hand side of an ODE system y' = f(y, t): writes f(y, t) into `out`.
 * `out` and `y` are work arrays of the integrator, reused between calls: read `y`, write
 * every entry of `out`, and keep neither. t is in the time unit of the model (1/rate).
 */
export type OdeRhs = (out: Float64Array, y: Float64Array, t: number) => void;

/** Work counters of an ODE stepper, updated in place as it runs. */
export interface OdeStats {
  /** accepted steps */
  steps: number;
  /** rejected step attempts (always 0 for fixed-step methods) */
  rejected: number;
  /** calls of the right-hand side */
  rhsEvaluations: number;
}

/**
 * An ODE integrator that can be advanced piece by piece, e.g. one chunk of a
 * `chunkedObservable` at a time: `advanceTo(tOut, yOut)` integrates up to `tOut` and
 * writes y(tOut) into `yOut`. Output times must not decrease from call to call.
 */
export interface OdeStepper {
  /** dimension of the system (length of y) */
  readonly dim: number;
  /** time the integration has reached (may lie beyond the last output time) */
  readonly t: number;
  /** work counters, live */
  readonly stats: Readonly<OdeStats>;
  /** Integrates to `tOut` and writes y(tOut) into `yOut` (length `dim`). */
  advanceTo(tOut: number, yOut: Float64Array): void;
}
