/** Below this log-modulus an amplitude is not representable as a normal double (e^−708 ≈ 2e−308). */
const LOG_TINY = -700;

/**
 * Writes the Fock amplitudes of a coherent state, ⟨k|α⟩ = e^{−|α|²/2} αᵏ/√(k!) for k = 0…n−1,
 * into `out` (interleaved re, im; the first 2n entries are written). Internal to @qsync/probes.
 *
 * Computed by the recurrence ⟨k|α⟩ = ⟨k−1|α⟩ · α/√k, so no factorial is ever formed (no overflow
 * for any n) and the relative rounding error grows only like k·ε. When e^{−|α|²/2} itself would
 * underflow (|α| ≳ 37.4), the modulus is first carried in logarithms, log|⟨k|α⟩| = −|α|²/2 +
 * k·ln|α| − ½·ln k!, and the product recurrence starts at the first k whose amplitude is a
 * normal double; the amplitudes before it are below e^−700 and written as 0.
 *
 * @param out - length ≥ 2n, overwritten
 * @param re - Re α (dimensionless quadrature x)
 * @param im - Im α (dimensionless quadrature p)
 * @param n - number of Fock levels
 * @example
 * coherentOverlapsInto(new Float64Array(4), 0, 0, 2); // Float64Array [1, 0, 0, 0] — α = 0 is the vacuum
 */
export function coherentOverlapsInto(out: Float64Array, re: number, im: number, n: number): Float64Array {
  const r2 = re * re + im * im;
  let k = 0;
  let cr: number;
  let ci: number;
  if (-0.5 * r2 >= LOG_TINY) {
    cr = Math.exp(-0.5 * r2);
    ci = 0;
  } else {
    const logR = 0.5 * Math.log(r2);
    let logMod = -0.5 * r2;
    while (k < n && logMod < LOG_TINY) {
      out[2 * k] = 0;
      out[2 * k + 1] = 0;
      k++;
      logMod += logR - 0.5 * Math.log(k);
    }
    if (k === n) return out;
    const theta = Math.atan2(im, re);
    const mod = Math.exp(logMod);
    cr = mod * Math.cos(k * theta);
    ci = mod * Math.sin(k * theta);
  }
  if (k < n) {
    out[2 * k] = cr;
    out[2 * k + 1] = ci;
  }
  for (k = k + 1; k < n; k++) {
    const s = 1 / Math.sqrt(k);
    const nr = (cr * re - ci * im) * s;
    ci = (cr * im + ci * re) * s;
    cr = nr;
    out[2 * k] = cr;
    out[2 * k + 1] = ci;
  }
  return out;
}
