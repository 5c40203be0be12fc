import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { denseAdjoint } from './dense-adjoint';
import { denseFromArrays } from './dense-from-arrays';
import { denseMatmul } from './dense-matmul';
import { denseNormFrobenius, denseNormMax, denseNormOne } from './dense-norm';
import { denseTrace } from './dense-trace';
import { createRng } from './rng';
import { randomDense } from './test-support/kernel-fixtures';

describe('dense norms', () => {
  // [[3, 4i], [−1, 0]]: |entries| = 3, 4, 1, 0
  const a = denseFromArrays([[3, 0], [-1, 0]], [[0, 4], [0, 0]]);
  it('Frobenius: √(9 + 16 + 1)', () => {
    expectClose(denseNormFrobenius(a), Math.sqrt(26), { rtol: 2 * 2 ** -52 });
  });
  it('one-norm is the largest column sum of moduli', () => {
    expect(denseNormOne(a)).toBe(4);
    expect(denseNormOne(denseFromArrays([[1, -2], [3, 4]]))).toBe(6);
  });
  it('max-norm is the largest modulus', () => {
    expect(denseNormMax(a)).toBe(4);
  });
  it('‖A‖_F² = tr(A†A) on a random matrix', () => {
    const r = randomDense(createRng(61), 4, 3);
    const f = denseNormFrobenius(r);
    // both sum the same 24 squares, differently grouped: relative error ≲ 30·ε
    expectClose(f * f, denseTrace(denseMatmul(denseAdjoint(r), r)).re, { rtol: 1e-13 });
  });
  it('propagates NaN instead of ignoring it', () => {
    const n = denseFromArrays([[1, 2]]);
    n.data[2] = NaN;
    expect(denseNormOne(n)).toBeNaN();
    expect(denseNormMax(n)).toBeNaN();
    expect(denseNormFrobenius(n)).toBeNaN();
  });
  it('reject a non-matrix', () => {
    expect(() => denseNormOne({} as never)).toThrow(/denseNormOne: argument 'a' must be a DenseMatrix/);
    expect(() => denseNormMax(null as never)).toThrow(/denseNormMax: argument 'a'/);
    expect(() => denseNormFrobenius(null as never)).toThrow(/denseNormFrobenius: argument 'a'/);
  });
});
