/**
 * The mean-field drift of the Kuramoto models, Eq. (2.31) written with K = V z:
 * out[off + i] = ω[off + i] + Im K cos φ_i − Re K sin φ_i for i = from … to − 1, from the
 * cos φ_i, sin φ_i that `phaseFactorsInto` wrote. A module-level kernel on its arguments, not a
 * loop inside the model's closure: V8 re-reads captured arrays on every iteration there
 * (measured 2× slower at N = 2^14). Allocates nothing; the caller checks lengths.
 *
 * @example
 * const out = new Float64Array(1);
 * meanFieldDriftInto(out, Float64Array.of(0.5), Float64Array.of(1), Float64Array.of(0), 0, 1, 0, 2, 0);
 * out[0]; // → 2.5 = ω + Im K · cos φ at φ = 0
 */
export function meanFieldDriftInto(
  out: Float64Array,
  omega: Float64Array,
  cos: Float64Array,
  sin: Float64Array,
  from: number,
  to: number,
  off: number,
  kIm: number,
  kRe: number,
): void {
  for (let i = from; i < to; i++) out[off + i] = omega[off + i] + kIm * cos[i] - kRe * sin[i];
}
