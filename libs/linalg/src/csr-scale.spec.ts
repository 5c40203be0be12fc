import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { csrFromDense } from './csr-from-dense';
import { csrFromTriplets } from './csr-from-triplets';
import { csrNnz } from './csr-nnz';
import { csrScale } from './csr-scale';
import { csrToDense } from './csr-to-dense';
import { denseScale } from './dense-scale';
import { createRng } from './rng';
import { EXACT, expectValidCsr, randomDense } from './test-support/kernel-fixtures';

describe('csrScale', () => {
  it('equals the dense scaling exactly (same formula per entry)', () => {
    const d = randomDense(createRng(141), 3, 4, 0.5);
    const alpha = { re: -0.7, im: 2.5 };
    const s = csrScale(csrFromDense(d), alpha);
    expectValidCsr(s);
    expectClose(csrToDense(s).data, denseScale(d, alpha).data, EXACT);
  });
  it('returns a matrix with nothing stored for α = 0, and leaves the input alone', () => {
    const a = csrFromTriplets(2, 2, [0, 1], [1, 1], [3, 4]);
    expect(csrNnz(csrScale(a, 0))).toBe(0);
    expect(Array.from(a.data)).toEqual([3, 0, 4, 0]);
  });
  it('rejects a non-finite factor', () => {
    expect(() => csrScale(csrFromTriplets(1, 1, [0], [0], [1]), NaN)).toThrow(/csrScale: argument 'alpha' must be a finite/);
  });
});
