/** Options of {@link criticalCoupling}. */
export interface CriticalCouplingConfig {
  /** Stop when the bracket is narrower than this (default 1e-10·max(|lo|, |hi|)). */
  tol?: number;
  /** Most steps after the two ends (default 200). */
  maxIterations?: number;
  /**
   * 'brent' (default): Brent's method, bisection safeguarded by secant and inverse quadratic steps —
   * superlinear on a smooth growth rate (≈ 8 evaluations instead of ≈ 35 for a 1e-10 bracket), never
   * slower than about twice bisection on a rough one. 'bisection': halve the bracket at each step.
   */
  method?: 'brent' | 'bisection';
}

/** What {@link criticalCoupling} finds. */
export interface CriticalCouplingResult {
  /** inside the final bracket: its midpoint (bisection), the end with the smaller |rate| (Brent) */
  readonly coupling: number;
  /** the final bracket [lo, hi], the growth rate changes sign inside it */
  readonly bracket: readonly [number, number];
  /** growth-rate evaluations, the two ends included */
  readonly evaluations: number;
}

/**
 * The coupling where a growth rate changes sign, by Brent's method or bisection within a bracket that
 * always straddles the change (narrower than `tol` at the end): the critical coupling Vc of a
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
  const method = config.method ?? 'brent';
  if (method !== 'brent' && method !== 'bisection') throw new Error(`${fn}: option 'method' must be 'brent' or 'bisection', got ${String(method)}`);
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
  if (method === 'brent') return brent(rate, lo, gLo, hi, gHi, tol, maxIterations);
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

/**
 * Brent's method on a straddling bracket: b is the best estimate, c the other end of the bracket
 * ([b, c] always straddles the sign change), a the previous b. Each step tries inverse quadratic
 * interpolation through a, b, c (the secant through b, c when a = c) and falls back to bisection when
 * the step leaves the bracket or the last two steps did not shrink it fast enough.
 */
function brent(
  rate: (V: number) => number,
  lo: number,
  gLo: number,
  hi: number,
  gHi: number,
  tol: number,
  maxIterations: number,
): CriticalCouplingResult {
  let a = lo;
  let fa = gLo;
  let b = hi;
  let fb = gHi;
  let c = a;
  let fc = fa;
  let step = b - a;
  let previous = step;
  let evaluations = 2;
  for (let k = 0; k <= maxIterations; k++) {
    if (Math.sign(fb) === Math.sign(fc)) {
      // the change lies between a and b: a becomes the other end
      c = a;
      fc = fa;
      step = b - a;
      previous = step;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      // keep the end with the smaller rate as b
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const slack = 2 * Number.EPSILON * Math.abs(b) + 0.5 * tol;
    const half = 0.5 * (c - b);
    if (Math.abs(half) <= slack || fb === 0 || k === maxIterations) {
      return { coupling: b, bracket: fb === 0 ? [b, b] : [Math.min(b, c), Math.max(b, c)], evaluations };
    }
    let bisect = true;
    if (Math.abs(previous) >= slack && Math.abs(fa) > Math.abs(fb)) {
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * half * s;
        q = 1 - s;
      } else {
        const t = fa / fc;
        const u = fb / fc;
        p = s * (2 * half * t * (t - u) - (b - a) * (u - 1));
        q = (t - 1) * (u - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      // accept the interpolation when it stays well inside the bracket and shrinks faster than halving
      if (2 * p < Math.min(3 * half * q - Math.abs(slack * q), Math.abs(previous * q))) {
        previous = step;
        step = p / q;
        bisect = false;
      }
    }
    if (bisect) {
      step = half;
      previous = step;
    }
    a = b;
    fa = fb;
    b += Math.abs(step) > slack ? step : Math.sign(half) * slack;
    fb = rate(b);
    evaluations++;
  }
  return { coupling: b, bracket: [Math.min(b, c), Math.max(b, c)], evaluations };
}
