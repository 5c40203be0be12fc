import { describe, expect, it } from 'vitest';
import { denseAdjoint } from './dense-adjoint';
import { denseFromArrays } from './dense-from-arrays';
import { createRng } from './rng';
import { at, randomDense } from './test-support/kernel-fixtures';

describe('denseAdjoint', () => {
  it('transposes and conjugates a hand example', () => {
    const a = denseFromArrays([[1, 2, 3]], [[4, 5, 6]]);
    const h = denseAdjoint(a);
    expect([h.rows, h.cols]).toEqual([3, 1]);
    expect(Array.from(h.data)).toEqual([1, -4, 2, -5, 3, -6]);
  });
  it('maps entry (i, j) to conj of (j, i) and is an involution', () => {
    const a = randomDense(createRng(21), 3, 5);
    const h = denseAdjoint(a);
    for (let i = 0; i < 5; i++) {
      for (let j = 0; j < 3; j++) {
        const [re, im] = at(a, j, i);
        expect(at(h, i, j)).toEqual([re, -im]);
      }
    }
    expect(Array.from(denseAdjoint(h).data)).toEqual(Array.from(a.data));
  });
  it('rejects a non-matrix', () => {
    expect(() => denseAdjoint({ rows: 0, cols: 1, data: new Float64Array(0) })).toThrow(
      /denseAdjoint: argument 'a' must be a DenseMatrix with rows, cols ≥ 1/,
    );
  });
});
