/**
 * The two-sided Bonferroni threshold z* for `comparisons` z-scores at family-wise level `alpha`
 * (internal to figures): P(|Z| > z*) = alpha/comparisons for a standard normal Z, so a right
 * result has all |z| ≤ z* with probability ≥ 1 − alpha however the comparisons are correlated.
 * The normal tail is erfc(z/√2) (Chebyshev fit, relative error < 1.2e-7), solved by bisection.
 *
 * @example
 * Math.abs(bonferroniZ(0.05, 1) - 1.959964) < 1e-5; // → true
 * Math.abs(bonferroniZ(0.01, 400) - 4.2148) < 1e-4; // → true — scipy: norm.isf(0.01/800) = 4.21480
 */
export function bonferroniZ(alpha: number, comparisons: number): number {
  if (!(alpha > 0 && alpha < 1)) throw new Error(`bonferroniZ: 'alpha' must lie in (0, 1), got ${alpha}`);
  if (!(Number.isInteger(comparisons) && comparisons >= 1)) throw new Error(`bonferroniZ: 'comparisons' must be an integer ≥ 1, got ${comparisons}`);
  const target = alpha / comparisons;
  let lo = 0;
  let hi = 40;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (erfc(mid / Math.SQRT2) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** erfc(x) for x ≥ 0 (Numerical Recipes' erfcc). */
function erfc(x: number): number {
  const t = 1 / (1 + 0.5 * x);
  return (
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851632 + t * (-0.82215223 + t * 0.17087277)))))))),
    )
  );
}
