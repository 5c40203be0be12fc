import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { expm } from './expm';
import {
  EPS,
  addScaled,
  adjoint,
  denseFrom,
  identity,
  matmul,
  randomDense,
  randomUnitary,
  scale,
  seededUniform,
} from './test-support/solver-fixtures';
import type { DenseMatrix } from './types';

/** exp(A) by a 40-term Taylor series after scaling ‖A/2^s‖ ≤ 1/2, then squaring: an independent reference. */
function expTaylor(a: DenseMatrix): DenseMatrix {
  const n = a.rows;
  let norm = 0;
  for (let k = 0; k < a.data.length; k += 2) norm += Math.hypot(a.data[k], a.data[k + 1]);
  const s = Math.max(0, Math.ceil(Math.log2(norm / 0.5)));
  const x = scale(a, 2 ** -s);
  let term = identity(n);
  let sum = identity(n);
  for (let k = 1; k <= 40; k++) {
    term = scale(matmul(term, x), 1 / k);
    sum = addScaled(sum, term);
  }
  for (let k = 0; k < s; k++) sum = matmul(sum, sum);
  return sum;
}

describe('expm', () => {
  it('runs the doc example', () => {
    const r = expm({ rows: 2, cols: 2, data: Float64Array.of(0, 0, -Math.PI, 0, Math.PI, 0, 0, 0) });
    // ‖A‖₁ = π needs one squaring; error a few eps
    expectClose(r.data, [-1, 0, 0, 0, 0, 0, -1, 0], { atol: 1e-14 });
  });

  it('exponentiates a complex diagonal matrix entry-wise, for every Padé degree and with scaling', () => {
    // |d| spans the θ_3 … θ_13 thresholds and beyond (scaling s up to 5)
    for (const d of [
      [0.001, 0.01],
      [0.1, -0.2],
      [0.5, 0.3],
      [1.5, -1],
      [-4, 3],
      [-30, 150],
    ] as const) {
      const diag = [d, [d[1], d[0]], [-d[0] / 2, 0]];
      const a = denseFrom(3, 3, (i, j) => (i === j ? [diag[i][0], diag[i][1]] : [0, 0]));
      const r = expm(a);
      const expected = denseFrom(3, 3, (i, j) => {
        if (i !== j) return [0, 0];
        const m = Math.exp(diag[i][0]);
        return [m * Math.cos(diag[i][1]), m * Math.sin(diag[i][1])];
      });
      // relative to the largest entry: squaring a diagonal amplifies rounding by ≈ |z|·eps
      const big = Math.max(...expected.data.map(Math.abs));
      const zmax = Math.max(...diag.map(([re, im]) => Math.hypot(re, im)));
      expectClose(r.data, expected.data, { atol: 20 * Math.max(1, zmax) * EPS * big });
    }
  });

  it('gives the closed form I + N + N²/2 + N³/6 for a nilpotent N', () => {
    const n = 4;
    const rand = seededUniform(8);
    for (const size of [0.01, 1, 8]) {
      const nil = denseFrom(n, n, (i, j) =>
        j > i ? [size * (2 * rand() - 1), size * (2 * rand() - 1)] : [0, 0],
      );
      const n2 = matmul(nil, nil);
      const n3 = matmul(n2, nil);
      const closed = addScaled(addScaled(addScaled(identity(n), nil), n2, 1 / 2), n3, 1 / 6);
      const big = Math.max(...closed.data.map(Math.abs));
      // Padé with scaling and squaring; error relative to the largest entry ~ 100 eps
      expectClose(expm(nil).data, closed.data, { atol: 200 * EPS * big });
    }
  });

  it('turns a rotation generator into cos/sin', () => {
    for (const theta of [0.3, 2, 25, 400]) {
      const g = denseFrom(2, 2, (i, j) => [i === j ? 0 : i < j ? -theta : theta, 0]);
      const r = expm(g);
      // rounding of the angle grows like θ·eps under 2^s squarings
      expectClose(
        r.data,
        [Math.cos(theta), 0, -Math.sin(theta), 0, Math.sin(theta), 0, Math.cos(theta), 0],
        { atol: 50 * Math.max(1, theta) * EPS },
      );
    }
  });

  it('satisfies exp(A)·exp(−A) = I and matches a Taylor reference on random matrices', () => {
    const rand = seededUniform(77);
    for (const [n, size] of [
      [5, 0.002],
      [6, 0.04],
      [6, 0.15],
      [8, 0.3],
      [8, 1],
      [10, 3],
    ] as const) {
      const a = scale(randomDense(n, rand), size);
      const e = expm(a);
      const inv = expm(scale(a, -1));
      // ‖A‖ ≤ 3n: ‖e^A‖‖e^−A‖ grows, so the identity holds to κ-scaled rounding
      expectClose(matmul(e, inv).data, identity(n).data, { atol: 1e-11 });
      const big = Math.max(...e.data.map(Math.abs));
      // both methods are accurate to a few hundred eps relative to ‖e^A‖
      expectClose(e.data, expTaylor(a).data, { atol: 1e-12 * big });
    }
  });

  it('matches U·exp(tD)·U† for Hermitian A = U·D·U†', () => {
    const n = 6;
    const rand = seededUniform(2024);
    const u = randomUnitary(n, rand);
    const d = [-3, -1.2, 0, 0.4, 2.5, 5];
    for (const t of [0.1, 1, 4]) {
      const a = matmul(matmul(u, denseFrom(n, n, (i, j) => [i === j ? d[i] : 0, 0])), adjoint(u));
      const ta = scale(a, t);
      const expected = matmul(
        matmul(u, denseFrom(n, n, (i, j) => [i === j ? Math.exp(t * d[i]) : 0, 0])),
        adjoint(u),
      );
      const big = Math.exp(t * 5);
      // relative to ‖e^{tA}‖ = e^{5t}; the reference itself carries ~n·eps from U
      expectClose(expm(ta).data, expected.data, { atol: 1e-13 * big });
    }
  });

  it('handles 1×1 and the zero matrix', () => {
    expectClose(expm({ rows: 1, cols: 1, data: Float64Array.of(1, Math.PI / 2) }).data, [0, Math.E], {
      atol: 10 * EPS * Math.E, // scalar: a few ulps of e
    });
    expect(Array.from(expm(denseFrom(3, 3, () => [0, 0])).data)).toEqual(Array.from(identity(3).data));
  });

  it('rejects malformed arguments, naming them', () => {
    expect(() => expm({ rows: 2, cols: 1, data: new Float64Array(4) })).toThrow(
      /expm: argument 'a' must be a square DenseMatrix/,
    );
    expect(() => expm({ rows: 1, cols: 1, data: Float64Array.of(Infinity, 0) })).toThrow(
      /expm: argument 'a' must be finite/,
    );
  });
});
