import { describe, expect, it } from 'vitest';
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
});
