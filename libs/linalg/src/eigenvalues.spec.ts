import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { eigenvalues } from './eigenvalues';
import { eigenvaluesReal } from './eigenvalues-real';
import { luFactor } from './lu-factor';
import {
  EPS,
  addScaled,
  adjoint,
  companionOfRoots,
  denseFrom,
  eigenMismatch,
  identity,
  kron,
  matmul,
  normInf,
  randomDense,
  randomUnitary,
  scale,
  seededUniform,
} from './test-support/solver-fixtures';
import type { DenseMatrix } from './types';

/** Transpose without conjugation. */
function transpose(a: DenseMatrix): DenseMatrix {
  return denseFrom(a.cols, a.rows, (i, j) => [a.data[2 * (j * a.cols + i)], a.data[2 * (j * a.cols + i) + 1]]);
}
/** Entry-wise complex conjugate. */
function conj(a: DenseMatrix): DenseMatrix {
  return { rows: a.rows, cols: a.cols, data: a.data.map((v, k) => (k % 2 === 1 ? -v : v)) };
}
/** Multiplies by the complex number (re, im). */
function times(a: DenseMatrix, re: number, im: number): DenseMatrix {
  return denseFrom(a.rows, a.cols, (i, j) => {
    const xr = a.data[2 * (i * a.cols + j)];
    const xi = a.data[2 * (i * a.cols + j) + 1];
    return [re * xr - im * xi, re * xi + im * xr];
  });
}

describe('eigenvalues (complex Hessenberg QR)', () => {
  it('runs the doc example', () => {
    const ev = eigenvalues({ rows: 2, cols: 2, data: Float64Array.of(0, 0, 1, 0, -1, 0, 0, 0) });
    // 2×2 closed form: exact up to one rounding
    expect(eigenMismatch(ev, [0, 1, 0, -1])).toBeLessThanOrEqual(4 * EPS);
  });

  it('returns the diagonal of a triangular matrix', () => {
    const rand = seededUniform(4);
    const n = 8;
    const diag = Array.from({ length: n }, (_, k) => [k - 3.5, (k % 3) - 1] as const);
    const upper = denseFrom(n, n, (i, j) =>
      i === j ? [diag[i][0], diag[i][1]] : j > i ? [2 * rand() - 1, 2 * rand() - 1] : [0, 0],
    );
    const expected = diag.flat();
    // already Hessenberg with zero subdiagonal: deflates at once, exact
    expect(eigenMismatch(eigenvalues(upper), expected)).toBe(0);
    // lower triangular needs the full reduction; distinct, well separated eigenvalues of
    // a non-normal matrix: error ~ κ(λ)·n·eps·‖A‖
    expect(eigenMismatch(eigenvalues(transpose(upper)), expected)).toBeLessThan(1e-12);
  });

  it('finds the roots of polynomials from their companion matrices', () => {
    // z^8 − 1: roots of unity, well conditioned
    const unity = Array.from({ length: 8 }, (_, k) => [
      Math.cos((2 * Math.PI * k) / 8),
      Math.sin((2 * Math.PI * k) / 8),
    ]).flat();
    // companion matrices are non-normal; balancing keeps the error at ~100 eps
    expect(eigenMismatch(eigenvalues(companionOfRoots(unity)), unity)).toBeLessThan(1e-13);
    // complex roots of mixed size: (z − 1 − i)(z + 2)(z − 0.5i)(z − 3)(z + 1 − 2i)
    const mixed = [1, 1, -2, 0, 0, 0.5, 3, 0, -1, 2];
    expect(eigenMismatch(eigenvalues(companionOfRoots(mixed)), mixed)).toBeLessThan(1e-12);
    // (z − 1)(z − 2)…(z − 6): root sensitivity grows to ~1e4 at this degree
    const ints = [1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0];
    expect(eigenMismatch(eigenvalues(companionOfRoots(ints)), ints)).toBeLessThan(1e-9);
  });

  it('escapes the stationary cycle of the cyclic shift via exceptional shifts', () => {
    // Wilkinson shift of the cyclic permutation is 0 and unshifted QR leaves it unchanged;
    // only the exceptional shift makes progress. Eigenvalues: 7th roots of unity.
    const n = 7;
    const p = denseFrom(n, n, (i, j) => [i === (j + 1) % n ? 1 : 0, 0]);
    const roots = Array.from({ length: n }, (_, k) => [
      Math.cos((2 * Math.PI * k) / n),
      Math.sin((2 * Math.PI * k) / n),
    ]).flat();
    // unitary matrix: perfectly conditioned eigenvalues, error ~ n·eps
    expect(eigenMismatch(eigenvalues(p), roots)).toBeLessThan(1e-13);
  });

  it('satisfies Σλ = trace and Πλ = det (via LU) on a random complex matrix', () => {
    const n = 40;
    const a = randomDense(n, seededUniform(99));
    const ev = eigenvalues(a);
    let tr = 0;
    let ti = 0;
    let sr = 0;
    let si = 0;
    for (let k = 0; k < n; k++) {
      tr += a.data[2 * (k * n + k)];
      ti += a.data[2 * (k * n + k) + 1];
      sr += ev[2 * k];
      si += ev[2 * k + 1];
    }
    // trace is preserved by unitary similarities up to n·eps·‖A‖
    expectClose([sr, si], [tr, ti], { atol: 10 * n * EPS * normInf(a) });
    // det via LU: (−1)^swaps Π U_kk; compare Πλ in log-modulus and argument
    const f = luFactor(a);
    let logDet = 0;
    let argDet = f.swaps % 2 === 1 ? Math.PI : 0;
    let logProd = 0;
    let argProd = 0;
    for (let k = 0; k < n; k++) {
      logDet += Math.log(Math.hypot(f.lu[2 * (k * n + k)], f.lu[2 * (k * n + k) + 1]));
      argDet += Math.atan2(f.lu[2 * (k * n + k) + 1], f.lu[2 * (k * n + k)]);
      logProd += Math.log(Math.hypot(ev[2 * k], ev[2 * k + 1]));
      argProd += Math.atan2(ev[2 * k + 1], ev[2 * k]);
    }
    // relative error of the product = Σ relative eigenvalue errors ≲ n·1e-13 for this matrix
    expectClose(logProd, logDet, { atol: 1e-10 });
    const dArg = Math.atan2(Math.sin(argProd - argDet), Math.cos(argProd - argDet));
    expectClose(dArg, 0, { atol: 1e-10 });
  });

  it('gives real eigenvalues equal to D for Hermitian A = U·D·U†', () => {
    const n = 12;
    const u = randomUnitary(n, seededUniform(12));
    const d = Array.from({ length: n }, (_, k) => k * k - 20);
    const a = matmul(matmul(u, denseFrom(n, n, (i, j) => [i === j ? d[i] : 0, 0])), adjoint(u));
    // normal matrix: eigenvalue errors ≤ n·eps·‖A‖ with ‖A‖ = 101
    expect(eigenMismatch(eigenvalues(a), d.flatMap((x) => [x, 0]))).toBeLessThan(
      10 * n * EPS * 101,
    );
  });

  it('finds 0, −γ, −γ/2 ± iω for the amplitude-damping Liouvillian of a two-level system', () => {
    // H = (ω/2)σz, jump L = √γ σ−, column-stacking vec: vec(AXB) = (Bᵀ ⊗ A) vec X
    const omega = 1.3;
    const gamma = 0.4;
    const sz = denseFrom(2, 2, (i, j) => [i === j ? (i === 0 ? 1 : -1) : 0, 0]);
    const sm = denseFrom(2, 2, (i, j) => [i === 1 && j === 0 ? Math.sqrt(gamma) : 0, 0]);
    const h = scale(sz, omega / 2);
    const id = identity(2);
    const ldl = matmul(adjoint(sm), sm);
    let liou = times(addScaled(kron(id, h), kron(transpose(h), id), -1), 0, -1);
    liou = addScaled(liou, kron(conj(sm), sm));
    liou = addScaled(liou, kron(id, ldl), -0.5);
    liou = addScaled(liou, kron(transpose(ldl), id), -0.5);
    const expected = [0, 0, -gamma, 0, -gamma / 2, omega, -gamma / 2, -omega];
    // 4×4, non-normal but well separated: a few eps
    expect(eigenMismatch(eigenvalues(liou), expected)).toBeLessThan(1e-14);
  });

  it('agrees with ml-matrix (eigenvaluesReal) on a random real matrix', () => {
    const n = 60;
    const rand = seededUniform(606);
    const rows = Array.from({ length: n }, () => Array.from({ length: n }, () => 2 * rand() - 1));
    const a = denseFrom(n, n, (i, j) => [rows[i][j], 0]);
    // two backward-stable methods; random matrices have modest eigenvalue condition numbers
    expect(eigenMismatch(eigenvalues(a), eigenvaluesReal(rows))).toBeLessThan(1e-11);
  });

  it('handles n = 1, the zero matrix and a Jordan block', () => {
    expect(Array.from(eigenvalues({ rows: 1, cols: 1, data: Float64Array.of(2, -3) }))).toEqual([2, -3]);
    expect(Array.from(eigenvalues(denseFrom(4, 4, () => [0, 0])))).toEqual(new Array(8).fill(0));
    // J_3(2 + i): a triple defective eigenvalue is only determined to ~eps^(1/3) ≈ 6e-6
    const j3 = denseFrom(3, 3, (i, j) => (i === j ? [2, 1] : j === i + 1 ? [1, 0] : [0, 0]));
    expect(eigenMismatch(eigenvalues(transpose(j3)), [2, 1, 2, 1, 2, 1])).toBeLessThan(1e-4);
  });

  it('rejects bad arguments and reports non-convergence, naming them', () => {
    expect(() => eigenvalues({ rows: 3, cols: 2, data: new Float64Array(12) })).toThrow(
      /eigenvalues: argument 'a' must be a square DenseMatrix/,
    );
    expect(() => eigenvalues({ rows: 1, cols: 1, data: Float64Array.of(NaN, 0) })).toThrow(
      /argument 'a' must be finite/,
    );
    const a = randomDense(6, seededUniform(1));
    expect(() => eigenvalues(a, { maxIterations: 0 })).toThrow(
      /argument 'a' did not converge within maxIterations = 0/,
    );
    expect(() => eigenvalues(a, { maxIterations: -1 })).toThrow(/option 'maxIterations'/);
  });
});
