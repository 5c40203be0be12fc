// The time grid of the fixed-step SDE steppers (internal): shared by the stepper, which
// walks it, and by sdeSolve, which counts its steps for progress reports.

/** A step that ends within this fraction of dt before the output time ends on it (no sliver step). */
export const LANDING_SLACK = 1e-10;

/**
 * True when step number m (1-based) of a walk from `anchor` toward `tOut` is the last one,
 * i.e. when anchor + m·dt reaches tOut − 1e-10·dt. The stepper evaluates exactly this
 * expression, so {@link stepsBetween} counts its steps exactly.
 */
export function isLastStep(anchor: number, m: number, dt: number, tOut: number): boolean {
  return anchor + m * dt >= tOut - LANDING_SLACK * dt;
}

/**
 * Number of steps a fixed-step SDE stepper takes from a to b (grid anchored at a): the
 * smallest m ≥ 1 with {@link isLastStep}, or 0 when b ≤ a.
 *
 * @param a - start time (an output time, where the grid restarts)
 * @param b - end time
 * @param dt - step > 0
 * @example
 * stepsBetween(0, 0.35, 0.1); // → 4 (0.1, 0.1, 0.1, 0.05)
 */
export function stepsBetween(a: number, b: number, dt: number): number {
  if (!(b > a)) return 0;
  let m = Math.max(1, Math.ceil((b - a) / dt - LANDING_SLACK));
  // the estimate is off by at most one or two through rounding; isLastStep is monotone in m
  while (m > 1 && isLastStep(a, m - 1, dt, b)) m--;
  while (!isLastStep(a, m, dt, b)) m++;
  return m;
}
