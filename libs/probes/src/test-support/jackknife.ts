/**
 * Delete-one-group jackknife for the specs (test support, not part of the public entry): the
 * standard error of a smooth statistic θ of a sample, from the sample itself. The sample is cut
 * into G groups and θ_(g) is the statistic of the sample without group g; then
 * SE² = (G − 1)/G · Σ_g (θ_(g) − θ̄)² (Efron & Tibshirani, An Introduction to the Bootstrap, §11.5).
 * `leaveOneOut[g]` holds the components of θ_(g); each component gets its own SE. `difference`
 * measures u − v (e.g. an angle difference, for a phase near ±π).
 */
export function jackknifeError(
  leaveOneOut: readonly (readonly number[])[],
  difference: (u: number, v: number, component: number) => number = (u, v) => u - v,
): number[] {
  const groups = leaveOneOut.length;
  return leaveOneOut[0].map((ref, c) => {
    // the mean of the θ_(g), as an offset from the first one
    const offset = leaveOneOut.reduce((s, v) => s + difference(v[c], ref, c), 0) / groups;
    const ss = leaveOneOut.reduce((s, v) => s + (difference(v[c], ref, c) - offset) ** 2, 0);
    return Math.sqrt(((groups - 1) / groups) * ss);
  });
}
