import { describe, expect, it } from 'vitest';
import { csrFromDense } from './csr-from-dense';
import { csrFromTriplets } from './csr-from-triplets';
import { csrNormFrobenius, csrNormInf } from './csr-norm';
import { csrZeros } from './csr-zeros';
import { denseAdjoint } from './dense-adjoint';
import { denseNormFrobenius, denseNormOne } from './dense-norm';
import { createRng } from './rng';
import { randomDense } from './test-support/kernel-fixtures';

describe('csr norms', () => {
  const d = randomDense(createRng(201), 4, 5, 0.5);
  it('Frobenius equals the dense one (zeros do not change the scaled sum)', () => {
    expect(csrNormFrobenius(csrFromDense(d))).toBe(denseNormFrobenius(d));
    expect(csrNormFrobenius(csrZeros(2, 2))).toBe(0);
  });
  it('‖A‖_∞ = ‖A†‖₁ (row sums of A are column sums of A†, same order)', () => {
    expect(csrNormInf(csrFromDense(d))).toBe(denseNormOne(denseAdjoint(d)));
  });
  it('‖·‖_∞ by hand: rows |3| + |4i| = 7 and |1| = 1', () => {
    expect(csrNormInf(csrFromTriplets(2, 2, [0, 0, 1], [0, 1, 1], [3, 0, 1], [0, 4, 0]))).toBe(7);
  });
  it('reject malformed arguments', () => {
    expect(() => csrNormInf(null as never)).toThrow(/csrNormInf: argument 'a'/);
    expect(() => csrNormFrobenius(null as never)).toThrow(/csrNormFrobenius: argument 'a'/);
  });
});
