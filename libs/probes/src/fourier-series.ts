/**
 * (1/2π) Re Σ_{k=−K}^{K} s_k e^{ikφ} at each φ, with s_k = s[2(k+K)] + i s[2(k+K)+1].
 * The last step of phaseDistribution and relativePhaseDistribution; internal, no argument checks.
 *
 * @param s - interleaved coefficients s_k, k = −kMax…kMax (length 2(2·kMax + 1))
 * @param kMax - highest frequency K ≥ 0
 * @param phis - angles in radians
 * @example
 * evaluateFourierSeries(Float64Array.of(0, 0, 1, 0, 0, 0), 1, [0]); // Float64Array [1 / (2 * Math.PI)] — s₀ = 1 alone
 */
export function evaluateFourierSeries(s: Float64Array, kMax: number, phis: ArrayLike<number>): Float64Array {
  const out = new Float64Array(phis.length);
  const c0 = 2 * kMax;
  for (let t = 0; t < phis.length; t++) {
    const phi = phis[t];
    let acc = s[c0];
    for (let k = 1; k <= kMax; k++) {
      // Re(s_k e^{ikφ} + s_{−k} e^{−ikφ}) = cos kφ (Re s_k + Re s_{−k}) − sin kφ (Im s_k − Im s_{−k}).
      const pp = c0 + 2 * k;
      const pm = c0 - 2 * k;
      acc += Math.cos(k * phi) * (s[pp] + s[pm]) - Math.sin(k * phi) * (s[pp + 1] - s[pm + 1]);
    }
    out[t] = acc / (2 * Math.PI);
  }
  return out;
}
