import { describe, expect, it } from 'vitest';
import { csrDiagonal } from './csr-diagonal';
import { csrToDense } from './csr-to-dense';
import { denseFromArrays } from './dense-from-arrays';
import { expectValidCsr } from './test-support/kernel-fixtures';

describe('csrDiagonal', () => {
  it('puts the values on the diagonal and skips zeros', () => {
    const a = csrDiagonal(new Float64Array([0, 0, 1, 0, 2, -1]));
    expectValidCsr(a);
    expect(Array.from(a.rowPtr)).toEqual([0, 0, 1, 2]);
    expect(Array.from(csrToDense(a).data)).toEqual(
      Array.from(denseFromArrays([[0, 0, 0], [0, 1, 0], [0, 0, 2]], [[0, 0, 0], [0, 0, 0], [0, 0, -1]]).data),
    );
  });
  it('rejects empty, odd-length and non-finite input', () => {
    expect(() => csrDiagonal(new Float64Array(0))).toThrow(/csrDiagonal: argument 'values' must hold at least one complex entry/);
    expect(() => csrDiagonal(new Float64Array(3))).toThrow(/csrDiagonal: argument 'values'.*even length, got length 3/);
    expect(() => csrDiagonal(new Float64Array([1, 0, 0, NaN]))).toThrow(/argument 'values' entry 1 = 0 \+ NaNi must be finite/);
  });
});
