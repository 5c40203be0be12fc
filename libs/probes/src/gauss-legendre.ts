/** Nodes and weights of a quadrature rule: ∫ f ≈ Σ weights[i]·f(nodes[i]). */
export interface QuadratureRule {
  readonly nodes: Float64Array;
  readonly weights: Float64Array;
}

/**
 * n-point Gauss–Legendre rule on [a, b]: exact for polynomials of degree ≤ 2n−1, geometrically
 * convergent for integrands analytic on [a, b]. Internal to @qsync/probes.
 *
 * Nodes are the roots of the Legendre polynomial Pₙ, found by Newton's method from the
 * asymptotic guess cos(π(i − ¼)/(n + ½)); Pₙ and Pₙ' come from the three-term recurrence;
 * weights 2/((1 − x²)·Pₙ'(x)²), scaled to [a, b]. Nodes are returned in increasing order.
 *
 * @param n - number of nodes (integer ≥ 1)
 * @param a - lower limit
 * @param b - upper limit
 * @example
 * gaussLegendre(1, 0, 2); // { nodes: Float64Array [1], weights: Float64Array [2] }
 */
export function gaussLegendre(n: number, a: number, b: number): QuadratureRule {
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  const half = 0.5 * (b - a);
  const mid = 0.5 * (a + b);
  const m = Math.floor((n + 1) / 2);
  for (let i = 0; i < m; i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 0;
    for (let iter = 0; iter < 100; iter++) {
      // Pₙ(x) by P_k = ((2k−1) x P_{k−1} − (k−1) P_{k−2}) / k.
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      // p1 = Pₙ(x), p0 = Pₙ₋₁(x); Pₙ'(x) = n (x Pₙ − Pₙ₋₁)/(x² − 1).
      dp = (n * (x * p1 - p0)) / (x * x - 1);
      const dx = p1 / dp;
      x -= dx;
      if (Math.abs(dx) <= 1e-15) break;
    }
    // Recompute the derivative at the converged root for the weight.
    let p0 = 1;
    let p1 = x;
    for (let k = 2; k <= n; k++) {
      const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
      p0 = p1;
      p1 = p2;
    }
    dp = (n * (x * p1 - p0)) / (x * x - 1);
    const w = 2 / ((1 - x * x) * dp * dp);
    // x is the i-th largest root; place ±x symmetrically.
    nodes[n - 1 - i] = mid + half * x;
    weights[n - 1 - i] = half * w;
    nodes[i] = mid - half * x;
    weights[i] = half * w;
  }
  return { nodes, weights };
}
