import { describe, expect, it } from 'vitest';
import { csrAdd } from './csr-add';
import { csrAdjoint } from './csr-adjoint';
import { csrFromDense } from './csr-from-dense';
import { csrFromTriplets } from './csr-from-triplets';
import { csrHermitianDefect } from './csr-hermitian-defect';
import { csrZeros } from './csr-zeros';
import { denseHermitianDefect } from './dense-hermitian-defect';
import { createRng } from './rng';
import { randomDense } from './test-support/kernel-fixtures';

describe('csrHermitianDefect', () => {
  it('equals the dense defect on a random sparse matrix (one-sided entries included)', () => {
    const d = randomDense(createRng(211), 5, 5, 0.4);
    expect(csrHermitianDefect(csrFromDense(d))).toBe(denseHermitianDefect(d));
  });
  it('is 0 for A + A† and for σy, 1 for σ₊', () => {
    const a = csrFromDense(randomDense(createRng(212), 4, 4, 0.5));
    expect(csrHermitianDefect(csrAdd(a, csrAdjoint(a)))).toBe(0);
    expect(csrHermitianDefect(csrFromTriplets(2, 2, [0, 1], [1, 0], [0, 0], [-1, 1]))).toBe(0);
    expect(csrHermitianDefect(csrFromTriplets(2, 2, [0], [1], [1]))).toBe(1);
  });
  it('rejects a non-square matrix', () => {
    expect(() => csrHermitianDefect(csrZeros(3, 2))).toThrow(/csrHermitianDefect: argument 'a' must be square, got 3×2/);
  });
});
