import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { csrAdjoint } from './csr-adjoint';
import { csrFromDense } from './csr-from-dense';
import { csrFromTriplets } from './csr-from-triplets';
import { csrIdentity } from './csr-identity';
import { csrMatmul } from './csr-matmul';
import { csrNnz } from './csr-nnz';
import { csrToDense } from './csr-to-dense';
import { csrZeros } from './csr-zeros';
import { denseMatmul } from './dense-matmul';
import { createRng } from './rng';
import { expectValidCsr, randomDense } from './test-support/kernel-fixtures';

// Sums of ≤ 6 products of N(0,1) parts: rounding ≲ 1e-13; 1e-12 bounds it.
const TOL = { atol: 1e-12, rtol: 0 };

describe('csrMatmul', () => {
  it('equals the dense product on random sparse rectangular matrices', () => {
    const rng = createRng(151);
    for (const [m, k, n] of [[3, 4, 5], [5, 2, 5], [1, 6, 1], [6, 6, 6]]) {
      const a = randomDense(rng, m, k, 0.4);
      const b = randomDense(rng, k, n, 0.4);
      const c = csrMatmul(csrFromDense(a), csrFromDense(b));
      expectValidCsr(c);
      expect([c.rows, c.cols]).toEqual([m, n]);
      expectClose(csrToDense(c).data, denseMatmul(a, b).data, TOL);
    }
  });
  it('satisfies (AB)† = B†A†', () => {
    const rng = createRng(152);
    const a = csrFromDense(randomDense(rng, 4, 3, 0.5));
    const b = csrFromDense(randomDense(rng, 3, 5, 0.5));
    expectClose(
      csrToDense(csrAdjoint(csrMatmul(a, b))).data,
      csrToDense(csrMatmul(csrAdjoint(b), csrAdjoint(a))).data,
      TOL,
    );
  });
  it('computes σ₊σ₋ = |0⟩⟨0| and drops entries that cancel', () => {
    const sp = csrFromTriplets(2, 2, [0], [1], [1]);
    const p = csrMatmul(sp, csrAdjoint(sp));
    expect(Array.from(p.rowPtr)).toEqual([0, 1, 1]);
    expect(Array.from(p.data)).toEqual([1, 0]);
    expect(csrNnz(csrMatmul(sp, sp))).toBe(0);
    // [1, 1]·[[1], [−1]] = 0: structurally present, numerically cancelled
    const row = csrFromTriplets(1, 2, [0, 0], [0, 1], [1, 1]);
    const col = csrFromTriplets(2, 1, [0, 1], [0, 0], [1, -1]);
    expect(csrNnz(csrMatmul(row, col))).toBe(0);
    expect(Array.from(csrMatmul(csrIdentity(3), csrZeros(3, 2)).rowPtr)).toEqual([0, 0, 0, 0]);
  });
  it('rejects inner dimensions that differ, naming both shapes', () => {
    expect(() => csrMatmul(csrZeros(2, 3), csrZeros(2, 3))).toThrow(
      /csrMatmul: 'a'.cols must equal 'b'.rows, got 'a' 2×3 and 'b' 2×3/,
    );
  });
});
