// Internal: the bracketing step of quantumVanDerPolCriticalCoupling (not exported from the library).

/**
 * A bracket [lo, hi] = [lo, 2 lo] with growth(lo) < 0 < growth(hi) for a bisection of the critical
 * coupling: from `start`, halved until the incoherent state is stable, then doubled until it is not.
 * A growth rate within `resolution(V)` of 0 is refused rather than read as a sign (at κ1/κ2 ≈ 1e-15
 * the rates of Eq. 4.22 fall to rounding and a sign test alone returned Vc = 32κ2 instead of ≈ 10κ2/3).
 *
 * @example
 * bracketInstability('f', (V) => V - 3, 1, 1e-9, 1e4, () => 1e-12); // [2, 4]
 * bracketInstability('f', () => 1, 1, 1e-9, 1e4, () => 1e-12); // throws "f: the incoherent state is unstable down to V"
 */
export function bracketInstability(
  fn: string,
  growth: (V: number) => number,
  start: number,
  vMin: number,
  vMax: number,
  resolution: (V: number) => number,
): [number, number] {
  const signOf = (V: number): number => {
    const g = growth(V);
    if (!(Math.abs(g) > resolution(V))) {
      throw new Error(
        `${fn}: the growth rate at V = ${V} is ${g}, not resolved from 0 (|rate| must exceed ${resolution(V)}); κ1/κ2 is too small for the stability analysis`,
      );
    }
    return Math.sign(g);
  };
  let lo = start;
  while (signOf(lo) > 0) {
    lo /= 2;
    if (lo < vMin) throw new Error(`${fn}: the incoherent state is unstable down to V = ${lo} (expected it stable for V → 0)`);
  }
  let hi = 2 * lo;
  while (signOf(hi) < 0) {
    lo = hi;
    hi *= 2;
    if (hi > vMax) throw new Error(`${fn}: no instability of the incoherent state up to V = ${vMax}`);
  }
  return [lo, hi];
}
