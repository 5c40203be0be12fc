/** Options of {@link criticalCoupling}. */
export interface CriticalCouplingConfig {
  /** Stop when the bracket is narrower than this (default 1e-10·max(|lo|, |hi|)). */
  tol?: number;
  /** Most bisection steps (default 200). */
  maxIterations?: number;
}

/** What {@link criticalCoupling} finds. */
export interface CriticalCouplingResult {
  /** the midpoint of the final bracket */
  readonly coupling: number;
  /** the final bracket [lo, hi], the growth rate changes sign inside it */
  readonly bracket: readonly [number, number];
  /** growth-rate evaluations, the two ends included */
  readonly evaluations: number;
}

/**
 * The coupling where a growth rate changes sign, by bisection: the critical coupling Vc of a
 * transition, where the largest real part of the linearization's eigenvalues crosses zero (thesis
 * Sec. 4.1.3, Fig. 4.5b). Generic: `growthRate` maps a coupling to a rate (e.g. `meanFieldStability`'s
 * `growthRate` of the incoherent state at that coupling), the bracket must straddle the sign change.
 *
 * @param growthRate coupling → growth rate (a finite number)
 * @param bracket [lo, hi] with growth rates of opposite signs at the ends
 * @throws Error when the bracket is not two finite increasing numbers, when the rates at its ends have
 *   the same sign (both values quoted), or when a rate is not finite
 * @example
 * // λ(V) = V − 2 crosses zero at 2
 * criticalCoupling((V) => V - 2, [0, 5]).coupling; // ≈ 2
 * criticalCoupling((V) => V - 2, [3, 5]); // throws "does not straddle"
 */
export function criticalCoupling(
  growthRate: (coupling: number) => number,
  bracket: readonly [number, number],
  config: CriticalCouplingConfig = {},
): CriticalCouplingResult {
  const fn = 'criticalCoupling';
  if (typeof growthRate !== 'function') throw new Error(`${fn}: 'growthRate' must be a function coupling → rate`);
  if (!Array.isArray(bracket) || bracket.length !== 2 || !Number.isFinite(bracket[0]) || !Number.isFinite(bracket[1]) || !(bracket[0] < bracket[1])) {
    throw new Error(`${fn}: 'bracket' must be [lo, hi] with finite lo < hi, got ${JSON.stringify(bracket)}`);
  }
  let [lo, hi] = bracket;
  const tol = config.tol ?? 1e-10 * Math.max(Math.abs(lo), Math.abs(hi));
  const maxIterations = config.maxIterations ?? 200;
  if (!(tol > 0 && Number.isFinite(tol))) throw new Error(`${fn}: option 'tol' must be a finite number > 0, got ${String(tol)}`);
  if (!(Number.isInteger(maxIterations) && maxIterations >= 1)) {
    throw new Error(`${fn}: option 'maxIterations' must be an integer ≥ 1, got ${String(maxIterations)}`);
  }
  const rate = (V: number): number => {
    const g = growthRate(V);
    if (typeof g !== 'number' || !Number.isFinite(g)) throw new Error(`${fn}: the growth rate at coupling ${V} is not a finite number: ${String(g)}`);
    return g;
  };
  const gLo = rate(lo);
  const gHi = rate(hi);
  let evaluations = 2;
  if (gLo === 0) return { coupling: lo, bracket: [lo, lo], evaluations };
  if (gHi === 0) return { coupling: hi, bracket: [hi, hi], evaluations };
  if (Math.sign(gLo) === Math.sign(gHi)) {
    throw new Error(
      `${fn}: the bracket [${lo}, ${hi}] does not straddle the sign change: growth rate ${gLo} at ${lo} and ${gHi} at ${hi} have the same sign`,
    );
  }
  const signLo = Math.sign(gLo);
  for (let k = 0; k < maxIterations && hi - lo > tol; k++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break; // the bracket is as narrow as doubles allow
    const g = rate(mid);
    evaluations++;
    if (g === 0) return { coupling: mid, bracket: [mid, mid], evaluations };
    if (Math.sign(g) === signLo) lo = mid;
    else hi = mid;
  }
  return { coupling: 0.5 * (lo + hi), bracket: [lo, hi], evaluations };
}
