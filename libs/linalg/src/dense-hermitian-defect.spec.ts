import { describe, expect, it } from 'vitest';
import { denseAdd } from './dense-add';
import { denseAdjoint } from './dense-adjoint';
import { denseFromArrays } from './dense-from-arrays';
import { denseHermitianDefect } from './dense-hermitian-defect';
import { denseZeros } from './dense-zeros';
import { createRng } from './rng';
import { randomDense } from './test-support/kernel-fixtures';

describe('denseHermitianDefect', () => {
  it('is exactly 0 for A + A† (sums commute exactly in floating point)', () => {
    const a = randomDense(createRng(71), 4, 4);
    expect(denseHermitianDefect(denseAdd(a, denseAdjoint(a)))).toBe(0);
  });
  it('measures the largest violation, including a complex diagonal', () => {
    // [[i, 1], [3, 0]]: |i − conj(i)| = 2 on the diagonal, |1 − 3| = 2 off it
    expect(denseHermitianDefect(denseFromArrays([[0, 1], [3, 0]], [[1, 0], [0, 0]]))).toBe(2);
    // [[0, 1+i], [1+i, 0]]: |(1+i) − (1−i)| = 2
    expect(denseHermitianDefect(denseFromArrays([[0, 1], [1, 0]], [[0, 1], [1, 0]]))).toBe(2);
  });
  it('rejects a non-square matrix', () => {
    expect(() => denseHermitianDefect(denseZeros(1, 2))).toThrow(/denseHermitianDefect: argument 'a' must be square, got 1×2/);
  });
});
