import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { csrAdd } from './csr-add';
import { csrFromDense } from './csr-from-dense';
import { csrIdentity } from './csr-identity';
import { csrNnz } from './csr-nnz';
import { csrToDense } from './csr-to-dense';
import { csrZeros } from './csr-zeros';
import { denseAdd } from './dense-add';
import { createRng } from './rng';
import { expectValidCsr, randomDense } from './test-support/kernel-fixtures';

describe('csrAdd', () => {
  it('equals the dense α·a + β·b on random sparse matrices', () => {
    const rng = createRng(131);
    const alpha = { re: 0.3, im: -1.2 };
    const beta = { re: -2, im: 0.5 };
    for (let trial = 0; trial < 4; trial++) {
      const a = randomDense(rng, 4, 5, 0.4);
      const b = randomDense(rng, 4, 5, 0.4);
      const c = csrAdd(csrFromDense(a), csrFromDense(b), alpha, beta);
      expectValidCsr(c);
      // where only one side is stored the sparse kernel adds one exact 0 less: a few ulps of O(10) values
      expectClose(csrToDense(c).data, denseAdd(a, b, alpha, beta).data, { atol: 1e-14 });
    }
  });
  it('defaults to a + b and drops entries that cancel exactly', () => {
    const i2 = csrIdentity(2);
    expect(Array.from(csrToDense(csrAdd(i2, i2)).data)).toEqual([2, 0, 0, 0, 0, 0, 2, 0]);
    expect(csrNnz(csrAdd(i2, i2, { re: 1, im: 0 }, { re: -1, im: 0 }))).toBe(0);
    expect(Array.from(csrAdd(i2, csrZeros(2, 2)).colIdx)).toEqual([0, 1]);
  });
  it('rejects different shapes, naming both', () => {
    expect(() => csrAdd(csrIdentity(2), csrZeros(2, 3))).toThrow(
      /csrAdd: arguments 'a' \(2×2\) and 'b' \(2×3\) must have the same shape/,
    );
  });
  it('rejects non-finite factors', () => {
    expect(() => csrAdd(csrIdentity(1), csrIdentity(1), { re: 1, im: NaN })).toThrow(/csrAdd: argument 'alpha'/);
  });
});
