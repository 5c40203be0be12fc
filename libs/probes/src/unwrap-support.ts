/** The unwrapping rule shared by unwrapPhase, unwrapPhaseInto and unwrapPhaseOf (frames and blocks). Internal. */

const PI = Math.PI;
const TWO_PI = 2 * Math.PI;

/**
 * The whole turns k to take off a raw step d so that d − 2πk ∈ [−π, π]: 0 when |d| ≤ π, else
 * round(d/2π) with halves rounded away from zero, so that every |d| > π moves.
 */
export function unwrapTurns(d: number): number {
  if (d > PI) return Math.round(d / TWO_PI);
  if (d < -PI) return -Math.round(-d / TWO_PI);
  return 0;
}

/**
 * Unwraps phases into out (same length; may alias phases): out[i] = phases[i] + 2π·turns with the
 * turn count accumulated by {@link unwrapTurns} over the raw steps. One rounding per sample
 * (2π·turns is formed afresh, not summed). Throws naming `phases` at a non-finite entry.
 */
export function unwrapKernel(fn: string, out: Float64Array, phases: ArrayLike<number>): void {
  const n = phases.length;
  let turns = 0;
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const p = phases[i];
    if (!Number.isFinite(p)) {
      throw new Error(`${fn}: argument 'phases' must hold finite numbers, got ${String(p)} at index ${i}`);
    }
    if (i > 0) turns -= unwrapTurns(p - prev);
    prev = p; // read before writing: out may alias phases
    out[i] = p + TWO_PI * turns;
  }
}
