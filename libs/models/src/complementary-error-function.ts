/**
 * The complementary error function erfc(x) = (2/√π)∫ₓ^∞ e^{−t²} dt and its scaled form
 * erfcx(x) = e^{x²} erfc(x), to a few ulps; internal to @qsync/models (the stationary amplitude
 * distribution of the van-der-Pol oscillator is a Gaussian cut off at 0, whose tails need erfcx far
 * out, where erfc itself underflows). JavaScript has no error function and no package in this
 * workspace provides one.
 *
 * Below x = 2: erf(x) = (2/√π) e^{−x²} Σₙ 2ⁿx^{2n+1}/(1·3·…·(2n + 1)), a series of positive terms
 * (no cancellation), and erfc = 1 − erf (erfc(2) = 0.0047, so at most ~2e-14 relative is lost).
 * From x = 2: the continued fraction erfcx(x) = (1/√π)·1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))),
 * evaluated by the modified Lentz method until a step changes it by less than 1e-16.
 */
export function erfcx(x: number): number {
  if (!(x >= 0)) throw new Error(`erfcx: needs x ≥ 0, got ${x}`);
  if (x < 2) return Math.exp(x * x) * (1 - erfSeries(x));
  const tiny = 1e-300;
  // b₀ + a₁/(b₁ + a₂/(b₂ + …)) with b = x and a_k = k/2
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 5000; k++) {
    const a = k / 2;
    d = x + a * d;
    d = d === 0 ? tiny : 1 / d;
    c = x + a / c;
    if (c === 0) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return 1 / (Math.sqrt(Math.PI) * f);
}

/** erfc(x) for any real x (0 beyond x ≈ 26.5, 2 below −6). */
export function erfc(x: number): number {
  if (Number.isNaN(x)) throw new Error('erfc: got NaN');
  if (x < 0) return 2 - erfc(-x);
  if (x < 2) return 1 - erfSeries(x);
  return Math.exp(-x * x) * erfcx(x);
}

/** erf(x) for 0 ≤ x < 2 by its series of positive terms. */
function erfSeries(x: number): number {
  const q = 2 * x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200 && term > 1e-17 * sum; n++) {
    term *= q / (2 * n + 1);
    sum += term;
  }
  return (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
}
