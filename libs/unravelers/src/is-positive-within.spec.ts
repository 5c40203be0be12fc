import { describe, expect, it } from 'vitest';
import { createRng } from '@qsync/linalg';
import { isPositiveWithin } from './is-positive-within';

describe('isPositiveWithin', () => {
  // ρ = [[p, c], [c*, 1 − p]] has eigenvalues ½ ± √((p − ½)² + |c|²)
  const rho = (p: number, cr: number, ci: number) => Float64Array.of(p, 0, cr, ci, cr, -ci, 1 - p, 0);
  const smallest = (p: number, cr: number, ci: number) => 0.5 - Math.sqrt((p - 0.5) ** 2 + cr * cr + ci * ci);
  const work = new Float64Array(8);

  it('accepts ρ whose smallest eigenvalue is ≥ −tol and refuses it below', () => {
    // a pure state |ψ⟩ = (|0⟩ + i|1⟩)/√2: eigenvalues 0 and 1
    expect(isPositiveWithin(rho(0.5, 0, 0.5), 2, 1e-12, work)).toBe(true);
    // coherence slightly too large: smallest eigenvalue −1e-6
    const c = 0.5 + 1e-6;
    expect(smallest(0.5, 0, c)).toBeCloseTo(-1e-6, 12);
    expect(isPositiveWithin(rho(0.5, 0, c), 2, 1e-7, work)).toBe(false);
    expect(isPositiveWithin(rho(0.5, 0, c), 2, 2e-6, work)).toBe(true);
    // a complex coherence (both parts) and unequal populations
    const [p, cr, ci] = [0.8, 0.3, -0.28];
    const lam = smallest(p, cr, ci); // −0.0104
    expect(isPositiveWithin(rho(p, cr, ci), 2, -lam * 0.99, work)).toBe(false);
    expect(isPositiveWithin(rho(p, cr, ci), 2, -lam * 1.01, work)).toBe(true);
  });

  it('tests a 3×3 matrix with a negative eigenvalue hidden from the diagonal', () => {
    // diag(1/3) + 0.34·(all-ones − I) has eigenvalues 1/3 + 0.68 and 1/3 − 0.34 = −0.00667 (twice)
    const n = 3;
    const m = new Float64Array(2 * n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m[2 * (i * n + j)] = i === j ? 1 / 3 : 0.34;
    const w = new Float64Array(2 * n * n);
    expect(isPositiveWithin(m, n, 0.006, w)).toBe(false);
    expect(isPositiveWithin(m, n, 0.007, w)).toBe(true);
    // the same spectrum with complex entries: U m U†, U = diag(e^{iθ_i})
    const theta = [0, 0.7, 1.9];
    const c = new Float64Array(2 * n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const v = m[2 * (i * n + j)];
        c[2 * (i * n + j)] = v * Math.cos(theta[i] - theta[j]);
        c[2 * (i * n + j) + 1] = v * Math.sin(theta[i] - theta[j]);
      }
    }
    expect(isPositiveWithin(c, n, 0.006, w)).toBe(false);
    expect(isPositiveWithin(c, n, 0.007, w)).toBe(true);
  });

  it('finds a smallest eigenvalue of −1e-3 spread over every basis state at n = 7, 8 and 50 (odd and even row counts)', () => {
    // ρ = U diag(λ) U† with the Householder reflection U = I − 2vv†/|v|² of a random complex v:
    // ρ = D − 2(v w† + w v†)/|v|² + 4(v†Dv) v v†/|v|⁴, w = Dv; λ_0 = −1e-3, the rest in (0, 1)
    for (const n of [7, 8, 50]) {
      const rng = createRng(n);
      const v = new Float64Array(2 * n);
      rng.fillNormalZigguratInto(v, 0, 2 * n, 1);
      const lambda = Float64Array.from({ length: n }, (_, i) => (i === 0 ? -1e-3 : (i + 1) / (n + 1)));
      let vv = 0;
      let vdv = 0;
      for (let i = 0; i < n; i++) {
        const q = v[2 * i] ** 2 + v[2 * i + 1] ** 2;
        vv += q;
        vdv += lambda[i] * q;
      }
      const m = new Float64Array(2 * n * n);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          // v_i conj(v_j)
          const pr = v[2 * i] * v[2 * j] + v[2 * i + 1] * v[2 * j + 1];
          const pi = v[2 * i + 1] * v[2 * j] - v[2 * i] * v[2 * j + 1];
          const f = (-2 * (lambda[i] + lambda[j])) / vv + (4 * vdv) / (vv * vv);
          m[2 * (i * n + j)] = (i === j ? lambda[i] : 0) + f * pr;
          m[2 * (i * n + j) + 1] = f * pi;
        }
      }
      const w = new Float64Array(2 * n * n);
      expect(isPositiveWithin(m, n, 0.99e-3, w)).toBe(false);
      expect(isPositiveWithin(m, n, 1.01e-3, w)).toBe(true);
    }
  });
});
