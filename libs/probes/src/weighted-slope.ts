import { assertFiniteArray } from './assert';

/**
 * The slope b of the weighted least-squares line y ≈ a + b·t through the points (t_k, y_k) with
 * weights w_k ≥ 0 (inverse variances: b minimises Σ w_k (y_k − a − b t_k)²), by two passes about the
 * weighted means. With equal weights it is the ordinary least-squares slope of `observedFrequency`'s
 * `'leastSquares'`. The fit's own covariance is not returned: when the y_k share noise (an ensemble
 * mean at successive times comes from the same trajectories), take its error by {@link jackknife}
 * over groups of realizations instead.
 *
 * @param t - abscissae, finite
 * @param y - ordinates, finite, the same length
 * @param w - weights, finite and ≥ 0, the same length; at least two distinct t must have w > 0
 * @throws Error naming `t`, `y` or `w` on bad input, or `t` when the weighted points do not fix a slope
 * @example
 * weightedSlope([0, 1, 2, 3], [1, 3, 5, 100], [1, 2, 3, 0]); // 2 — the last point has no weight
 */
export function weightedSlope(t: ArrayLike<number>, y: ArrayLike<number>, w: ArrayLike<number>): number {
  const FN = 'weightedSlope';
  assertFiniteArray(FN, 't', t);
  assertFiniteArray(FN, 'y', y);
  assertFiniteArray(FN, 'w', w);
  const n = t.length;
  if (y.length !== n || w.length !== n) {
    throw new Error(`${FN}: arguments 't', 'y' and 'w' must have one length, got ${n}, ${y.length} and ${w.length}`);
  }
  let sw = 0;
  let st = 0;
  let sy = 0;
  for (let k = 0; k < n; k++) {
    if (!(w[k] >= 0)) throw new Error(`${FN}: argument 'w' must hold weights ≥ 0, got ${w[k]} at index ${k}`);
    sw += w[k];
    st += w[k] * t[k];
    sy += w[k] * y[k];
  }
  const tm = st / sw;
  const ym = sy / sw;
  let stt = 0;
  let sty = 0;
  for (let k = 0; k < n; k++) {
    stt += w[k] * (t[k] - tm) ** 2;
    sty += w[k] * (t[k] - tm) * (y[k] - ym);
  }
  if (!(stt > 0)) throw new Error(`${FN}: argument 't' must hold two distinct values with weight w > 0 to fix a slope`);
  return sty / stt;
}
