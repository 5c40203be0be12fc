/** A jackknifed estimate, from {@link jackknife}. */
export interface JackknifeEstimate {
  /** θ of all groups */
  readonly value: number;
  /** √((G − 1)/G · Σ_g (θ_(g) − θ̄)²) */
  readonly standardError: number;
  /** G·θ − (G − 1)·θ̄: θ with its O(1/n) bias removed */
  readonly biasCorrected: number;
}

/**
 * Delete-one-group jackknife (Quenouille, Tukey; Efron & Tibshirani, "An Introduction to the
 * Bootstrap", Ch. 11) of an estimator θ computed from G equal groups of independent realizations:
 * `estimate(null)` is θ of all groups, `estimate(g)` θ_(g) with group g left out, θ̄ the mean of the
 * θ_(g). The standard error √((G − 1)/G · Σ_g (θ_(g) − θ̄)²) holds for estimators that are smooth
 * but not linear in the data (a fitted rate, a parabola's peak, a ratio), where per-group estimates
 * would carry their own small-sample bias; for a mean it is exactly the standard error of the group
 * means. G·θ − (G − 1)·θ̄ removes a bias ∝ 1/(sample size) (for x̄² it gives x̄² − s²/n exactly).
 *
 * @param groups - G, an integer ≥ 2
 * @param estimate - θ of all groups (argument null) or of all but group g (argument g, 0 ≤ g < G); called G + 1 times
 * @returns `{ value, standardError, biasCorrected }`
 * @throws Error naming `groups` unless it is an integer ≥ 2, or `estimate` when it returns a non-finite value
 * @example
 * // the mean of four groups (one value each): the jackknife error is that of the mean
 * const x = [1, 2, 3, 6];
 * const mean = (g: number | null) => x.filter((_, k) => k !== g).reduce((a, b) => a + b) / (g === null ? 4 : 3);
 * jackknife(4, mean); // { value: 3, standardError: Math.sqrt(14 / 12), biasCorrected: 3 }
 */
export function jackknife(groups: number, estimate: (leftOut: number | null) => number): JackknifeEstimate {
  const FN = 'jackknife';
  if (!(Number.isSafeInteger(groups) && groups >= 2)) throw new Error(`${FN}: argument 'groups' must be an integer ≥ 2, got ${groups}`);
  const checked = (g: number | null) => {
    const v = estimate(g);
    if (!Number.isFinite(v)) throw new Error(`${FN}: argument 'estimate' returned ${v} for ${g === null ? 'all groups' : `group ${g} left out`}`);
    return v;
  };
  const value = checked(null);
  const partial = Array.from({ length: groups }, (_, g) => checked(g));
  const mean = partial.reduce((a, b) => a + b, 0) / groups;
  const spread = partial.reduce((a, b) => a + (b - mean) ** 2, 0);
  return { value, standardError: Math.sqrt(((groups - 1) / groups) * spread), biasCorrected: groups * value - (groups - 1) * mean };
}
