import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { denseFromArrays } from './dense-from-arrays';
import { denseMatmul } from './dense-matmul';
import { denseTrace } from './dense-trace';
import { denseZeros } from './dense-zeros';
import { createRng } from './rng';
import { randomDense } from './test-support/kernel-fixtures';

describe('denseTrace', () => {
  it('sums the diagonal', () => {
    expect(denseTrace(denseFromArrays([[1, 9], [9, 2]], [[3, 9], [9, -1]]))).toEqual({ re: 3, im: 2 });
  });
  it('is cyclic: tr(AB) = tr(BA) for rectangular A, B', () => {
    const rng = createRng(51);
    const a = randomDense(rng, 3, 5);
    const b = randomDense(rng, 5, 3);
    const ab = denseTrace(denseMatmul(a, b));
    const ba = denseTrace(denseMatmul(b, a));
    // both are sums of the same 15 products in different groupings: ≲ 20·ε·Σ|terms| ≈ 1e-13
    expectClose([ab.re, ab.im], [ba.re, ba.im], { atol: 1e-12 });
  });
  it('rejects a non-square matrix', () => {
    expect(() => denseTrace(denseZeros(2, 3))).toThrow(/denseTrace: argument 'a' must be square, got 2×3/);
  });
});
