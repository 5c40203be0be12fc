import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { csrFromDense } from './csr-from-dense';
import { csrFromTriplets } from './csr-from-triplets';
import { csrMatvecInto } from './csr-matvec-into';
import { createRng } from './rng';
import { naiveMatmul, randomDense, randomVector } from './test-support/kernel-fixtures';

describe('csrMatvecInto', () => {
  it('equals the dense product with x as a column, overwriting stale out', () => {
    const rng = createRng(161);
    for (const [m, n] of [[4, 4], [3, 7], [6, 2]]) {
      const d = randomDense(rng, m, n, 0.5);
      const x = randomVector(rng, n);
      const out = new Float64Array(2 * m).fill(42);
      expect(csrMatvecInto(out, csrFromDense(d), x)).toBe(out);
      // ≤ 7 products of N(0,1) parts summed: rounding ≲ 1e-13; 1e-12 bounds it
      expectClose(out, naiveMatmul(d, { rows: n, cols: 1, data: x }).data, { atol: 1e-12 });
    }
  });
  it('applies σx by hand', () => {
    const sx = csrFromTriplets(2, 2, [0, 1], [1, 0], [1, 1]);
    expect(Array.from(csrMatvecInto(new Float64Array(4), sx, new Float64Array([1, 2, 3, 4])))).toEqual([3, 4, 1, 2]);
  });
  it('rejects vectors of the wrong length and out aliasing x', () => {
    const a = csrFromTriplets(2, 3, [0], [2], [1]);
    expect(() => csrMatvecInto(new Float64Array(4), a, new Float64Array(4))).toThrow(
      /csrMatvecInto: argument 'x' must hold 3 complex entries \(length 6\), got length 4/,
    );
    expect(() => csrMatvecInto(new Float64Array(6), a, new Float64Array(6))).toThrow(
      /argument 'out' must hold 2 complex entries \(length 4\), got length 6/,
    );
    const sq = csrFromTriplets(2, 2, [0], [1], [1]);
    const v = new Float64Array(4);
    expect(() => csrMatvecInto(v, sq, v)).toThrow(/argument 'out' must not share memory with 'x'/);
  });
});
