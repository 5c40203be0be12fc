import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { luFactor, luSolveInto, luSolveMatrixInPlace } from './lu-factor';
import {
  EPS,
  denseFrom,
  identity,
  matmul,
  matvec,
  normInf,
  randomDense,
  randomVector,
  seededUniform,
  vecNormInf,
} from './test-support/solver-fixtures';

describe('luFactor / luSolveInto', () => {
  it('runs the doc examples', () => {
    const f = luFactor({ rows: 2, cols: 2, data: Float64Array.of(0, 0, 1, 0, 2, 0, 0, 0) });
    expect(Array.from(f.piv)).toEqual([1, 1]);
    expect(f.swaps).toBe(1);
    const g = luFactor({ rows: 2, cols: 2, data: Float64Array.of(2, 0, 0, 0, 0, 0, 0, 1) });
    // exact: only divisions by 2 and by i
    expect(Array.from(luSolveInto(new Float64Array(4), g, Float64Array.of(2, 0, 1, 0)))).toEqual([
      1, 0, 0, -1,
    ]);
  });

  it('reproduces P·A = L·U on a random complex matrix', () => {
    const n = 7;
    const a = randomDense(n, seededUniform(1));
    const { lu, piv } = luFactor(a);
    const l = denseFrom(n, n, (i, j) =>
      i === j ? [1, 0] : i > j ? [lu[2 * (i * n + j)], lu[2 * (i * n + j) + 1]] : [0, 0],
    );
    const u = denseFrom(n, n, (i, j) =>
      j >= i ? [lu[2 * (i * n + j)], lu[2 * (i * n + j) + 1]] : [0, 0],
    );
    const pa = Float64Array.from(a.data);
    for (let k = 0; k < n; k++) {
      const p = piv[k];
      for (let j = 0; j < 2 * n; j++) {
        const t = pa[2 * k * n + j];
        pa[2 * k * n + j] = pa[2 * p * n + j];
        pa[2 * p * n + j] = t;
      }
    }
    // entries are O(1) and |L_ij| ≤ 1, so each product entry carries ≲ n·eps rounding
    expectClose(matmul(l, u).data, pa, { atol: 10 * n * EPS });
  });

  it('solves a system with a known solution exactly enough', () => {
    // A = [[4, 1+i, 0], [1−i, 3, i], [0, −i, 2]], x = [1, −1, 2i]
    const a = denseFrom(3, 3, (i, j) => {
      const m: [number, number][][] = [
        [[4, 0], [1, 1], [0, 0]],
        [[1, -1], [3, 0], [0, 1]],
        [[0, 0], [0, -1], [2, 0]],
      ];
      return m[i][j];
    });
    const x = Float64Array.of(1, 0, -1, 0, 0, 2);
    const b = matvec(a, x);
    const got = luSolveInto(new Float64Array(6), luFactor(a), b);
    // well-conditioned 3×3 with O(1) entries: a few ulps
    expectClose(got, x, { atol: 1e-14 });
  });

  it('meets the backward-error bound ‖Ax − b‖ ≤ c·n·eps·‖A‖‖x‖ on random matrices', () => {
    const rand = seededUniform(42);
    for (const n of [1, 5, 40, 120]) {
      const a = randomDense(n, rand);
      const b = randomVector(n, rand);
      const x = luSolveInto(new Float64Array(2 * n), luFactor(a), b);
      const r = matvec(a, x).map((v, k) => v - b[k]);
      // partial pivoting is backward stable with modest growth on random matrices; c = 10
      expect(vecNormInf(r)).toBeLessThanOrEqual(10 * n * EPS * normInf(a) * vecNormInf(x));
    }
  });

  it('allows out to alias b', () => {
    const rand = seededUniform(3);
    const a = randomDense(6, rand);
    const b = randomVector(6, rand);
    const f = luFactor(a);
    const expected = luSolveInto(new Float64Array(12), f, b);
    const inPlace = Float64Array.from(b);
    luSolveInto(inPlace, f, inPlace);
    // same operations in the same order: bitwise equal
    expect(Array.from(inPlace)).toEqual(Array.from(expected));
  });

  it('solves a matrix right-hand side (internal, used by expm): A·A⁻¹ = I', () => {
    const n = 9;
    const a = randomDense(n, seededUniform(5));
    const x = identity(n).data.slice();
    luSolveMatrixInPlace(luFactor(a), x);
    // κ(A) of a random 9×9 is O(10–100): residual ~ κ·n·eps
    expectClose(matmul(a, { rows: n, cols: n, data: x }).data, identity(n).data, { atol: 1e-12 });
  });

  it('throws on a singular matrix, naming the argument and the pivot index', () => {
    // rank 2: third row = first + second
    const a = denseFrom(3, 3, (i, j) => {
      const r = [
        [1, 2, 3],
        [4, 5, 6],
        [5, 7, 9],
      ];
      return [r[i][j], 0];
    });
    expect(() => luFactor(a)).toThrow(/luFactor: argument 'a' is numerically singular: pivot 2/);
    const zero = denseFrom(2, 2, () => [0, 0]);
    expect(() => luFactor(zero)).toThrow(/pivot 0/);
  });

  it('rejects malformed arguments, naming them', () => {
    expect(() => luFactor({ rows: 2, cols: 3, data: new Float64Array(12) })).toThrow(
      /argument 'a' must be a square DenseMatrix/,
    );
    expect(() => luFactor({ rows: 0, cols: 0, data: new Float64Array(0) })).toThrow(/rows ≥ 1/);
    expect(() => luFactor({ rows: 1, cols: 1, data: [1, 0] as unknown as Float64Array })).toThrow(
      /argument 'a' must be a DenseMatrix with a Float64Array 'data'/,
    );
    expect(() => luFactor({ rows: 2, cols: 2, data: new Float64Array(6) })).toThrow(
      /argument 'a' has data of length 6/,
    );
    expect(() =>
      luFactor({ rows: 1, cols: 1, data: Float64Array.of(NaN, 0) }),
    ).toThrow(/argument 'a' must be finite/);
    const f = luFactor(identity(2));
    expect(() => luSolveInto(new Float64Array(4), f, new Float64Array(3))).toThrow(
      /luSolveInto: argument 'b' must have length 2·n = 4/,
    );
    expect(() => luSolveInto(new Float64Array(4), f, [1, 0, 1, 0] as unknown as Float64Array)).toThrow(
      /luSolveInto: argument 'b' must be a Float64Array of length 4/,
    );
    expect(() => luSolveInto(new Float64Array(2), f, new Float64Array(4))).toThrow(
      /argument 'out'/,
    );
  });
});
