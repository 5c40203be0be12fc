/**
 * The closed-form modulus r(t) = |z(t)| of the order-parameter equation
 * ż = (a + iω) z − b |z|² z, the form of both the Ott–Antonsen equation (2.43)
 * (a = V/2 − G, b = V/2) and the reduced equation (2.51) (a = (V − σ²)/2, b = V²/4σ²).
 * With u = 1/r² the modulus obeys the linear u̇ = −2a u + 2b (a Bernoulli equation), so
 *
 *   r(t) = r0 / √(e^{−2at} + b r0² (1 − e^{−2at})/a),
 *
 * with (1 − e^{−2at})/a → 2t at a = 0 (evaluated with expm1, so it is accurate near a = 0).
 * For a > 0 and r0 > 0, r → √(a/b) (Eqs. 2.37, 2.52); for a ≤ 0, r → 0. The phase is
 * arg z(0) + ωt.
 *
 * @param t - time ≥ 0 since r0, in the models' time unit
 * @param gain - linear growth rate a (any real)
 * @param saturation - cubic damping b ≥ 0
 * @param r0 - modulus at t = 0, ≥ 0
 * @throws Error naming the argument when t < 0, saturation < 0, r0 < 0 or any is not finite
 * @example
 * orderParameterModulus(1e3, 0.25, 0.75, 0.01); // → 0.5773502691896… = √(1 − 2G/V) at V = 3G = 1.5
 */
export function orderParameterModulus(t: number, gain: number, saturation: number, r0: number): number {
  const FN = 'orderParameterModulus';
  if (!(t >= 0) || !Number.isFinite(t)) throw new Error(`${FN}: argument 't' must be a finite time ≥ 0, got ${t}`);
  if (!Number.isFinite(gain)) throw new Error(`${FN}: argument 'gain' must be finite, got ${gain}`);
  if (!(saturation >= 0) || !Number.isFinite(saturation)) {
    throw new Error(`${FN}: argument 'saturation' must be finite and ≥ 0, got ${saturation}`);
  }
  if (!(r0 >= 0) || !Number.isFinite(r0)) throw new Error(`${FN}: argument 'r0' must be finite and ≥ 0, got ${r0}`);
  if (r0 === 0) return 0;
  const x = -2 * gain * t;
  // (1 − e^{−2at})/a, and its limit 2t at a = 0
  const growth = gain === 0 ? 2 * t : -Math.expm1(x) / gain;
  const decay = Math.exp(x);
  if (decay === Infinity) return 0; // a < 0, late times: r decays as r0 e^{at}, below every double
  return r0 / Math.sqrt(decay + saturation * r0 * r0 * growth);
}
