import { describe, expect, it } from 'vitest';
import { csrFromTriplets } from './csr-from-triplets';
import { csrNnz } from './csr-nnz';

describe('csrNnz', () => {
  it('counts stored entries after merging duplicates', () => {
    expect(csrNnz(csrFromTriplets(3, 3, [0, 0, 2], [1, 1, 2], [1, 2, 3]))).toBe(2);
  });
  it('rejects a malformed argument', () => {
    expect(() => csrNnz({ rows: 1, cols: 1, rowPtr: new Int32Array([1, 1]) } as never)).toThrow(
      /csrNnz: argument 'a' \(1×1\) must have an Int32Array rowPtr of length rows\+1 = 2 starting at 0/,
    );
  });
});
