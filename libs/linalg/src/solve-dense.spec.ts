import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { solveDense } from './solve-dense';
import {
  EPS,
  matvec,
  normInf,
  randomDense,
  randomVector,
  seededUniform,
  vecNormInf,
} from './test-support/solver-fixtures';

describe('solveDense', () => {
  it('runs the doc example', () => {
    const x = solveDense(
      { rows: 2, cols: 2, data: Float64Array.of(1, 0, 0, 1, 0, 0, 2, 0) },
      Float64Array.of(1, 1, 2, 0),
    );
    // exact arithmetic on small integers
    expectClose(x, [1, 0, 1, 0], { atol: 0 });
  });

  it('has a small residual on a random system', () => {
    const rand = seededUniform(11);
    const n = 30;
    const a = randomDense(n, rand);
    const b = randomVector(n, rand);
    const x = solveDense(a, b);
    const r = matvec(a, x).map((v, k) => v - b[k]);
    // backward stability of partial pivoting, c = 10
    expect(vecNormInf(r)).toBeLessThanOrEqual(10 * n * EPS * normInf(a) * vecNormInf(x));
  });

  it('names its own arguments in errors', () => {
    const a = { rows: 2, cols: 2, data: Float64Array.of(1, 0, 2, 0, 2, 0, 4, 0) };
    expect(() => solveDense(a, new Float64Array(4))).toThrow(
      /solveDense: argument 'a' is numerically singular: pivot 1/,
    );
    const i2 = { rows: 2, cols: 2, data: Float64Array.of(1, 0, 0, 0, 0, 0, 1, 0) };
    expect(() => solveDense(i2, new Float64Array(2))).toThrow(/solveDense: argument 'b'/);
    expect(() => solveDense(i2, Float64Array.of(1, 0, Infinity, 0))).toThrow(
      /argument 'b' must be finite/,
    );
  });
});
