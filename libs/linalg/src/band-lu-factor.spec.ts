import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { bandLuFactor, bandLuSolveInto } from './band-lu-factor';
import { reverseCuthillMcKee } from './reverse-cuthill-mckee';
import { solveDense } from './solve-dense';
import {
  EPS,
  csrFromDense,
  denseFrom,
  matvec,
  normInf,
  permuteDense,
  randomBanded,
  randomPermutation,
  randomVector,
  seededUniform,
  vecNormInf,
} from './test-support/solver-fixtures';
import type { DenseMatrix } from './types';

function inverse(perm: Int32Array): Int32Array {
  const inv = new Int32Array(perm.length);
  perm.forEach((old, k) => (inv[old] = k));
  return inv;
}

/**
 * Birth–death generator on n states (columns sum to zero), made complex by the diagonal
 * similarity D·Q·D⁻¹ with D = diag(e^{iφ_k}); its null vector is D·π with the detailed-balance
 * distribution π_{k+1}/π_k = λ_k/μ_{k+1}.
 */
function birthDeath(
  n: number,
  birth: (k: number) => number,
  death: (k: number) => number,
  phase: (k: number) => number,
): { a: DenseMatrix; nullVector: Float64Array } {
  const q = denseFrom(n, n, (i, j) => {
    let v = 0;
    if (i === j) v = -((j < n - 1 ? birth(j) : 0) + (j > 0 ? death(j) : 0));
    else if (i === j + 1) v = birth(j);
    else if (i === j - 1) v = death(j);
    const ph = phase(i) - phase(j);
    return [v * Math.cos(ph), v * Math.sin(ph)];
  });
  const pi = new Float64Array(n);
  pi[0] = 1;
  for (let k = 0; k + 1 < n; k++) pi[k + 1] = (pi[k] * birth(k)) / death(k + 1);
  const nullVector = new Float64Array(2 * n);
  for (let k = 0; k < n; k++) {
    nullVector[2 * k] = pi[k] * Math.cos(phase(k));
    nullVector[2 * k + 1] = pi[k] * Math.sin(phase(k));
  }
  return { a: q, nullVector };
}

/** x scaled so that the entry of largest modulus of `ref` has the same value in x. */
function alignTo(x: Float64Array, ref: Float64Array): Float64Array {
  let at = 0;
  for (let k = 1; k < ref.length / 2; k++) {
    if (Math.hypot(ref[2 * k], ref[2 * k + 1]) > Math.hypot(ref[2 * at], ref[2 * at + 1])) at = k;
  }
  // c = ref[at] / x[at]
  const xr = x[2 * at];
  const xi = x[2 * at + 1];
  const d = xr * xr + xi * xi;
  const cr = (ref[2 * at] * xr + ref[2 * at + 1] * xi) / d;
  const ci = (ref[2 * at + 1] * xr - ref[2 * at] * xi) / d;
  const y = new Float64Array(x.length);
  for (let k = 0; k < x.length; k += 2) {
    y[k] = cr * x[k] - ci * x[k + 1];
    y[k + 1] = cr * x[k + 1] + ci * x[k];
  }
  return y;
}

describe('bandLuFactor / bandLuSolveInto', () => {
  it('runs the doc example', () => {
    const a = {
      rows: 3,
      cols: 3,
      rowPtr: Int32Array.of(0, 2, 5, 7),
      colIdx: Int32Array.of(0, 1, 0, 1, 2, 1, 2),
      data: Float64Array.of(2, 0, 1, 0, 1, 0, 2, 0, 1, 0, 1, 0, 2, 0),
    };
    const f = bandLuFactor(a);
    expect([f.kl, f.ku]).toEqual([1, 1]);
    const x = bandLuSolveInto(new Float64Array(6), f, Float64Array.of(3, 0, 4, 0, 3, 0));
    // 3×3 with small integers: a few ulps
    expectClose(x, [1, 0, 1, 0, 1, 0], { atol: 4 * EPS });
  });

  it('runs the bandLuSolveInto doc example', () => {
    const f = bandLuFactor({
      rows: 2,
      cols: 2,
      rowPtr: Int32Array.of(0, 1, 2),
      colIdx: Int32Array.of(0, 1),
      data: Float64Array.of(2, 0, 0, 1),
    });
    // divisions by 2 and by i are exact
    expect(Array.from(bandLuSolveInto(new Float64Array(4), f, Float64Array.of(2, 0, 1, 0)))).toEqual([
      1, 0, 0, -1,
    ]);
  });

  it('agrees with dense LU on random banded matrices of several shapes', () => {
    const rand = seededUniform(21);
    for (const [n, kl, ku] of [
      [1, 0, 0],
      [25, 0, 0],
      [25, 0, 3],
      [25, 4, 0],
      [40, 2, 3],
      [40, 5, 1],
    ] as const) {
      // no diagonal shift: pivoting is needed and exercised
      const dense = randomBanded(n, kl, ku, rand);
      const b = randomVector(n, rand);
      const f = bandLuFactor(csrFromDense(dense));
      expect([f.kl, f.ku]).toEqual([Math.min(kl, n - 1), Math.min(ku, n - 1)]);
      const x = bandLuSolveInto(new Float64Array(2 * n), f, b);
      const ref = solveDense(dense, b);
      // both backward stable; forward difference ≲ κ(A)·n·eps·‖x‖, κ of these ≲ 1e4
      expectClose(x, ref, { atol: 1e-10 * vecNormInf(ref) });
      const r = matvec(dense, x).map((v, k) => v - b[k]);
      expect(vecNormInf(r)).toBeLessThanOrEqual(10 * n * EPS * normInf(dense) * vecNormInf(x));
    }
  });

  it('pivots when the diagonal is zero', () => {
    // [[0, 1, 0, 0], [1, 0, 1, 0], [0, 1, 0, 1], [0, 0, 1, 0]] is nonsingular (det = 1)
    const dense = denseFrom(4, 4, (i, j) => [Math.abs(i - j) === 1 ? 1 : 0, 0]);
    const b = Float64Array.of(1, 0, 2, 1, 3, 0, 4, -1);
    const f = bandLuFactor(csrFromDense(dense));
    expect(Array.from(f.piv)).not.toEqual([0, 1, 2, 3]);
    // integer matrix with unit pivots: exact up to a few roundings
    expectClose(bandLuSolveInto(new Float64Array(8), f, b), solveDense(dense, b), { atol: 1e-14 });
  });

  it('solves in the original ordering when given an RCM permutation of a scrambled band', () => {
    const n = 60;
    const rand = seededUniform(31);
    const banded = randomBanded(n, 2, 2, rand, 3);
    const scramble = randomPermutation(n, rand);
    // scrambled[i, j] = banded[inv[i], inv[j]]: same matrix under a random relabelling
    const scrambled = permuteDense(banded, inverse(scramble));
    const a = csrFromDense(scrambled);
    const perm = reverseCuthillMcKee(a);
    const f = bandLuFactor(a, perm);
    const plain = bandLuFactor(a);
    expect(f.kl + f.ku).toBeLessThan(12); // band ≈ 2 kept near 2·2 by RCM
    expect(plain.kl + plain.ku).toBeGreaterThan(60); // without it nearly dense
    const b = randomVector(n, rand);
    const x = bandLuSolveInto(new Float64Array(2 * n), f, b);
    // diagonally shifted, κ ≈ 10: agreement to ~1e-13 relative
    expectClose(x, solveDense(scrambled, b), { atol: 1e-12 * vecNormInf(x) });
    // out may alias b
    const inPlace = Float64Array.from(b);
    bandLuSolveInto(inPlace, f, inPlace);
    expect(Array.from(inPlace)).toEqual(Array.from(x));
  });

  it('throws on a singular matrix unless allowSingular, naming the argument and pivot', () => {
    // row 2 is zero
    const dense = denseFrom(3, 3, (i, j) => (i === 2 ? [0, 0] : [i + j + 1, i === j ? 1 : 0]));
    const a = csrFromDense(dense);
    expect(() => bandLuFactor(a)).toThrow(
      /bandLuFactor: argument 'a' is numerically singular: pivot 2 .*allowSingular/,
    );
    const f = bandLuFactor(a, undefined, { allowSingular: true });
    expect(f.pivotsReplaced).toBe(1);
    const x = bandLuSolveInto(new Float64Array(6), f, Float64Array.of(1, 0, 1, 0, 1, 0));
    expect(x.every(Number.isFinite)).toBe(true);
  });

  it('finds the null vector of a singular generator by inverse iteration (allowSingular)', () => {
    const n = 50;
    for (const [birth, death, phase, replaced] of [
      // irrational rates and phases: the last pivot comes out as rounding noise (kept)
      [(k: number) => 1 + 0.5 * Math.sin(k), (k: number) => 0.8 + 0.3 * Math.cos(k), (k: number) => 0.7 * k, 0],
      // dyadic rates, real: elimination is exact and the last pivot is exactly 0 (replaced)
      [() => 1, () => 2, () => 0, 1],
    ] as const) {
      const { a: dense, nullVector } = birthDeath(n, birth, death, phase);
      const a = csrFromDense(dense);
      expect(() => bandLuFactor(a)).toThrow(/numerically singular/);
      const f = bandLuFactor(a, reverseCuthillMcKee(a), { allowSingular: true });
      expect(f.pivotsReplaced).toBe(replaced);
      let x = new Float64Array(2 * n).fill(1);
      for (let it = 0; it < 2; it++) {
        bandLuSolveInto(x, f, x);
        const s = vecNormInf(x);
        x = x.map((v) => v / s);
      }
      const aligned = alignTo(x, nullVector);
      // the null space is well separated (gap ≈ 1e-2 vs eps·‖A‖): error ~ cond·eps
      expectClose(aligned, nullVector, { atol: 1e-10 * vecNormInf(nullVector) });
      // and it is a null vector: ‖A x‖ ≈ eps·‖A‖‖x‖
      expect(vecNormInf(matvec(dense, aligned))).toBeLessThan(
        100 * n * EPS * normInf(dense) * vecNormInf(aligned),
      );
    }
  });

  it('treats the zero matrix under allowSingular with unit pivots', () => {
    const zero = csrFromDense(denseFrom(2, 2, () => [0, 0]));
    const f = bandLuFactor(zero, undefined, { allowSingular: true });
    expect(f.pivotsReplaced).toBe(2);
    expect(Array.from(bandLuSolveInto(new Float64Array(4), f, Float64Array.of(1, 2, 3, 4)))).toEqual([1, 2, 3, 4]);
  });

  it('rejects malformed arguments, naming them', () => {
    const a = csrFromDense(denseFrom(3, 3, (i, j) => [i === j ? 1 : 0, 0]));
    expect(() => bandLuFactor(a, Int32Array.of(0, 1))).toThrow(/bandLuFactor: argument 'perm' must have length 3/);
    expect(() => bandLuFactor(a, Int32Array.of(0, 1, 1))).toThrow(/argument 'perm' must hold distinct indices/);
    expect(() =>
      bandLuFactor(a, undefined, { allowSingular: 'yes' as unknown as boolean }),
    ).toThrow(/option 'allowSingular' must be a boolean/);
    expect(() => bandLuFactor({ ...a, data: Float64Array.of(1, 0, NaN, 0, 1, 0) })).toThrow(
      /argument 'a' must be finite/,
    );
    const f = bandLuFactor(a);
    expect(() => bandLuSolveInto(new Float64Array(6), f, new Float64Array(4))).toThrow(
      /bandLuSolveInto: argument 'b' must have length 2·n = 6/,
    );
    expect(() => bandLuSolveInto(new Float64Array(5), f, new Float64Array(6))).toThrow(
      /bandLuSolveInto: argument 'out'/,
    );
  });
});
