import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { denseFromArrays } from './dense-from-arrays';
import { denseKron } from './dense-kron';
import { denseMatmul } from './dense-matmul';
import { denseTrace } from './dense-trace';
import { createRng } from './rng';
import { randomDense } from './test-support/kernel-fixtures';

// Products of a few N(0,1) numbers summed over ≤ 4 terms: rounding ≲ 1e-14; 1e-12 bounds it.
const TOL = { atol: 1e-12, rtol: 0 };

describe('denseKron', () => {
  it('matches a hand-computed 2×2 ⊗ 2×2 example', () => {
    // A = [[1, i], [0, 2]], B = [[0, 1], [1, 0]]:
    // A⊗B = [[0, 1, 0, i], [1, 0, i, 0], [0, 0, 0, 2], [0, 0, 2, 0]]
    const a = denseFromArrays([[1, 0], [0, 2]], [[0, 1], [0, 0]]);
    const b = denseFromArrays([[0, 1], [1, 0]]);
    const expected = denseFromArrays(
      [[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 2], [0, 0, 2, 0]],
      [[0, 0, 0, 1], [0, 0, 1, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
    );
    const k = denseKron(a, b);
    expect([k.rows, k.cols]).toEqual([4, 4]);
    expect(Array.from(k.data)).toEqual(Array.from(expected.data));
  });
  it('has shape (p·r)×(q·s) and tr(A⊗B) = trA·trB', () => {
    const rng = createRng(31);
    const a = randomDense(rng, 3, 3);
    const b = randomDense(rng, 2, 2);
    const ta = denseTrace(a);
    const tb = denseTrace(b);
    const t = denseTrace(denseKron(a, b));
    expectClose([t.re, t.im], [ta.re * tb.re - ta.im * tb.im, ta.re * tb.im + ta.im * tb.re], TOL);
    const r = denseKron(randomDense(rng, 2, 3), randomDense(rng, 4, 1));
    expect([r.rows, r.cols]).toEqual([8, 3]);
  });
  it('satisfies the mixed-product rule (A⊗B)(C⊗D) = AC ⊗ BD', () => {
    const rng = createRng(32);
    const [a, c] = [randomDense(rng, 2, 3), randomDense(rng, 3, 2)];
    const [b, d] = [randomDense(rng, 2, 2), randomDense(rng, 2, 3)];
    expectClose(
      denseMatmul(denseKron(a, b), denseKron(c, d)).data,
      denseKron(denseMatmul(a, c), denseMatmul(b, d)).data,
      TOL,
    );
  });
  it('rejects a non-matrix argument by name', () => {
    expect(() => denseKron(denseFromArrays([[1]]), { rows: 1, cols: 1 } as never)).toThrow(
      /denseKron: argument 'b' \(1×1\) must have data of length 2·rows·cols = 2, got not a Float64Array/,
    );
  });
});
