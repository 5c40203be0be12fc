import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { denseAdjoint } from './dense-adjoint';
import { denseFromArrays } from './dense-from-arrays';
import { denseIdentity } from './dense-identity';
import { denseMatmul, denseMatmulInto } from './dense-matmul';
import { denseZeros } from './dense-zeros';
import { createRng } from './rng';
import { naiveMatmul, randomDense } from './test-support/kernel-fixtures';

// Sums of ≤ 7 products of N(0,1) parts: rounding ≲ (k+2)·ε·Σ|terms| ≈ 9·2.2e-16·60 ≈ 1e-13;
// atol 1e-12 bounds it with margin and still catches any wrong index (errors of O(1)).
const TOL = { atol: 1e-12, rtol: 0 };

describe('denseMatmul', () => {
  it('multiplies a hand-computed complex example', () => {
    // [[1, i], [2, 0]] · [[i, 1], [1, 1−i]] = [[2i, 2+i], [2i, 2]]
    const a = denseFromArrays([[1, 0], [2, 0]], [[0, 1], [0, 0]]);
    const b = denseFromArrays([[0, 1], [1, 1]], [[1, 0], [0, -1]]);
    expect(Array.from(denseMatmul(a, b).data)).toEqual([0, 2, 2, 1, 0, 2, 2, 0]);
  });
  it('agrees with the textbook i-j-k sum on random rectangular matrices (with zero entries)', () => {
    const rng = createRng(11);
    for (const [m, k, n] of [[1, 1, 1], [3, 5, 2], [4, 4, 4], [2, 7, 6]]) {
      const a = randomDense(rng, m, k, 0.6);
      const b = randomDense(rng, k, n, 0.6);
      const c = denseMatmul(a, b);
      expect([c.rows, c.cols]).toEqual([m, n]);
      expectClose(c.data, naiveMatmul(a, b).data, TOL);
    }
  });
  it('satisfies (AB)† = B†A† and A·1 = A exactly', () => {
    const rng = createRng(12);
    const a = randomDense(rng, 3, 4);
    const b = randomDense(rng, 4, 5);
    expectClose(denseAdjoint(denseMatmul(a, b)).data, denseMatmul(denseAdjoint(b), denseAdjoint(a)).data, TOL);
    expect(Array.from(denseMatmul(a, denseIdentity(4)).data)).toEqual(Array.from(a.data));
  });
  it('rejects inner dimensions that differ, naming both shapes', () => {
    expect(() => denseMatmul(denseZeros(2, 3), denseZeros(2, 3))).toThrow(
      /denseMatmul: 'a'.cols must equal 'b'.rows, got 'a' 2×3 and 'b' 2×3/,
    );
  });
});

describe('denseMatmulInto', () => {
  it('overwrites stale contents of out and returns it', () => {
    const rng = createRng(13);
    const a = randomDense(rng, 3, 3);
    const b = randomDense(rng, 3, 2);
    const out = denseZeros(3, 2);
    out.data.fill(99);
    expect(denseMatmulInto(out, a, b)).toBe(out);
    expectClose(out.data, naiveMatmul(a, b).data, TOL);
  });
  it('rejects an out of the wrong shape, naming all shapes', () => {
    expect(() => denseMatmulInto(denseZeros(2, 2), denseZeros(2, 3), denseZeros(3, 4))).toThrow(
      /denseMatmulInto: argument 'out' must be 2×4 for 'a' 2×3 times 'b' 3×4, got 2×2/,
    );
    expect(() => denseMatmulInto(denseZeros(2, 2), denseZeros(2, 3), denseZeros(2, 2))).toThrow(
      /'a'.cols must equal 'b'.rows, got 'a' 2×3 and 'b' 2×2/,
    );
  });
  it('rejects out sharing memory with a or b', () => {
    const a = denseIdentity(2);
    expect(() => denseMatmulInto(a, a, denseIdentity(2))).toThrow(/argument 'out' must not share memory with 'a'/);
    const buf = new Float64Array(16);
    const b = { rows: 2, cols: 2, data: buf.subarray(0, 8) };
    const out = { rows: 2, cols: 2, data: buf.subarray(6, 14) };
    expect(() => denseMatmulInto(out, denseIdentity(2), b)).toThrow(/must not share memory with 'b'/);
  });
});
