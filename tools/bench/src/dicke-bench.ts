import { steadyState } from '@qsync/integrators';
import { dickeSpinMoments } from '@qsync/operators';
import { dickeBenchLindbladian } from './dicke-bench-lindbladian';

/** One N of the qsync side. */
export interface DickeQsyncCase {
  readonly N: number;
  /** Unknowns solved for: the populations ρ_j(m, m), Σ_j (2j+1). */
  readonly blockSize: number;
  /** Best of the timed `steadyState(l)` calls, seconds (the population sector is built inside). */
  readonly steady_s: number;
  readonly method: 'direct' | 'iterative';
  readonly residual: number;
  readonly Sz: number;
  readonly SpSm: number;
}

/** Options of {@link benchDickeQsync}. */
export interface BenchDickeQsyncConfig {
  /** timed calls after one untimed one; the fastest counts (default 3) */
  reps?: number;
}

/**
 * qsync's side: `steadyState(dickeLindbladian(…))` for N spins (default method `auto`), untimed
 * calls first (≥ 3 and ≥ 300 ms, at most 20: V8 optimises the loops), then the best of `reps` timed calls; the
 * Lindbladian's normal form is built before the clock starts, the population sector of the
 * permutation-invariant Liouvillian inside the timed call.
 *
 * @param n - number of spins N
 * @param config - reps
 * @example
 * const c = benchDickeQsync(10, { reps: 1 });
 * [c.blockSize, c.method]; // [36, 'direct']
 */
export function benchDickeQsync(n: number, config: BenchDickeQsyncConfig = {}): DickeQsyncCase {
  const reps = config.reps ?? 3;
  if (!Number.isInteger(reps) || reps < 1) throw new Error(`benchDickeQsync: 'reps' must be an integer ≥ 1, got ${String(reps)}`);
  const l = dickeBenchLindbladian(n);
  // Warm-up until V8 has optimised the loops for this size: ≥ 3 calls and ≥ 300 ms (or 20 calls).
  let r = steadyState(l);
  const w0 = performance.now();
  for (let k = 1; k < 20 && (k < 3 || performance.now() - w0 < 300); k++) r = steadyState(l);
  let best = Infinity;
  for (let k = 0; k < reps; k++) {
    const t0 = performance.now();
    r = steadyState(l);
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  const m = dickeSpinMoments(r.rho);
  return { N: n, blockSize: r.blockSize, steady_s: best, method: r.method, residual: r.residual, Sz: m.Sz, SpSm: m.SpSm };
}
