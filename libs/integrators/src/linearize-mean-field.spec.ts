import { createRng, eigenvalues } from '@qsync/linalg';
import { coherentKet, fockSpace, pureState, thermalState } from '@qsync/operators';
import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { compileMeanFieldRhs } from './compile-mean-field-rhs';
import { linearizeMeanField } from './linearize-mean-field';
import { steadyState } from './steady-state';
import { vdpMeanField } from './test-support/vdp-mean-field';

/** A random Hermitian n×n matrix (row-major interleaved). */
function randomHermitian(n: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const h = new Float64Array(2 * n * n);
  for (let i = 0; i < n; i++) {
    h[2 * (i * n + i)] = rng.gaussian();
    for (let j = i + 1; j < n; j++) {
      const re = rng.gaussian();
      const im = rng.gaussian();
      h[2 * (i * n + j)] = re;
      h[2 * (i * n + j) + 1] = im;
      h[2 * (j * n + i)] = re;
      h[2 * (j * n + i) + 1] = -im;
    }
  }
  return h;
}

describe('linearizeMeanField', () => {
  it('agrees with a finite-difference Jacobian of the nonlinear right-hand side (Eq. 4.22), on any complex δρ', () => {
    // independent: central differences (F(ρ0 + εH) − F(ρ0 − εH))/2ε of compileMeanFieldRhs, whose
    // error is ε²·F‴ ~ 1e-10 here (F is quadratic in ρ, so only rounding remains: ~1e-16/ε); a
    // non-Hermitian δρ = H1 + iH2 is M H1 + i M H2 by complex linearity.
    const n = 8;
    const { equation, space } = vdpMeanField(n, { kappa1: 1, kappa2: 0.5, V: 3 });
    // a state that is not stationary and not U(1)-symmetric: every term of M contributes
    const rho0 = pureState(coherentKet(space, { re: 0.7, im: -0.4 }));
    const lin = linearizeMeanField(equation, rho0);
    expect(lin.residual).toBeGreaterThan(0.1);
    const rhs = compileMeanFieldRhs(equation);
    const eps = 1e-4;
    const fdJacobian = (h: Float64Array): Float64Array => {
      const plus = Float64Array.from(rho0.matrix.data, (v, k) => v + eps * h[k]);
      const minus = Float64Array.from(rho0.matrix.data, (v, k) => v - eps * h[k]);
      const fp = new Float64Array(2 * n * n);
      const fm = new Float64Array(2 * n * n);
      rhs.applyInto(fp, plus);
      rhs.applyInto(fm, minus);
      return fp.map((v, k) => (v - fm[k]) / (2 * eps));
    };
    const h1 = randomHermitian(n, 1);
    const h2 = randomHermitian(n, 2);
    const j1 = fdJacobian(h1);
    const j2 = fdJacobian(h2);
    const out = new Float64Array(2 * n * n);
    lin.applyInto(out, h1);
    expectClose(out, j1, { atol: 1e-9 });
    // δρ = H1 + iH2: M δρ = J H1 + i J H2
    const mixed = new Float64Array(2 * n * n);
    for (let k = 0; k < mixed.length; k += 2) {
      mixed[k] = h1[k] - h2[k + 1];
      mixed[k + 1] = h1[k + 1] + h2[k];
    }
    lin.applyInto(out, mixed);
    const expected = new Float64Array(2 * n * n);
    for (let k = 0; k < expected.length; k += 2) {
      expected[k] = j1[k] - j2[k + 1];
      expected[k + 1] = j1[k + 1] + j2[k];
    }
    expectClose(out, expected, { atol: 1e-9 });
    // the dense matrix is the same map
    const m = lin.matrix();
    const byMatrix = new Float64Array(2 * n * n);
    for (let r = 0; r < n * n; r++) {
      for (let s = 0; s < n * n; s++) {
        const [ar, ai, xr, xi] = [m.data[2 * (r * n * n + s)], m.data[2 * (r * n * n + s) + 1], mixed[2 * s], mixed[2 * s + 1]];
        byMatrix[2 * r] += ar * xr - ai * xi;
        byMatrix[2 * r + 1] += ar * xi + ai * xr;
      }
    }
    expectClose(byMatrix, expected, { atol: 1e-9 });
  });

  it('splits around the incoherent state into the U(1) charge blocks, whose spectra make up the full one', () => {
    const n = 10;
    const { equation, l0 } = vdpMeanField(n, { kappa1: 1, kappa2: 1, V: 2.5 });
    const lin = linearizeMeanField(equation, steadyState(l0).rho);
    expect(lin.residual).toBeLessThan(1e-13);
    const blocks = lin.blocks();
    // one block per charge q = i − j ∈ (−n, n), of size n − |q|
    expect(blocks.map((b) => b.length).sort((p, q) => p - q)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10]);
    for (const b of blocks) {
      const q = Math.floor(b[0] / n) - (b[0] % n);
      for (const k of b) expect(Math.floor(k / n) - (k % n)).toBe(q);
    }
    const sortKey = (ev: Float64Array) => {
      const pairs: [number, number][] = [];
      for (let k = 0; k < ev.length; k += 2) pairs.push([ev[k], ev[k + 1]]);
      // real parts equal to rounding (conjugate pairs) are ordered by the imaginary part
      return pairs.sort((p, q) => (Math.abs(p[0] - q[0]) > 1e-9 ? p[0] - q[0] : p[1] - q[1]));
    };
    const full = sortKey(eigenvalues(lin.matrix()));
    const parts = sortKey(Float64Array.from(blocks.flatMap((b) => Array.from(eigenvalues(lin.matrix(b))))));
    expect(parts.length).toBe(n * n);
    for (let k = 0; k < full.length; k++) {
      expectClose(parts[k][0], full[k][0], { atol: 1e-10 });
      expectClose(parts[k][1], full[k][1], { atol: 1e-10 });
    }
  });

  it('refuses an index set that is not closed under M, and a state on another space', () => {
    const { equation, l0 } = vdpMeanField(4, { V: 1 });
    const lin = linearizeMeanField(equation, steadyState(l0).rho);
    expect(() => lin.matrix([1, 2])).toThrow(/'indices' is not closed under M/);
    expect(() => lin.matrix([2, 1])).toThrow(/'indices' must be increasing/);
    expect(() => linearizeMeanField(equation, thermalState(fockSpace(5), 0.5))).toThrow(/'rho0' must be a density matrix on dims \[4\]/);
    expect(() => linearizeMeanField(equation, steadyState(l0).rho, { dropTolerance: -1 })).toThrow(/'dropTolerance'/);
  });
});
