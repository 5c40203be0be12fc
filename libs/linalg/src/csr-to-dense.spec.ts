import { describe, expect, it } from 'vitest';
import { csrFromTriplets } from './csr-from-triplets';
import { csrToDense } from './csr-to-dense';

describe('csrToDense', () => {
  it('places each stored entry at its row-major position', () => {
    const a = csrFromTriplets(2, 3, [1, 0], [2, 1], [5, 7], [-1, 0]);
    expect(Array.from(csrToDense(a).data)).toEqual([0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 5, -1]);
  });
  it('rejects a malformed CSR matrix', () => {
    const bad = { rows: 2, cols: 2, rowPtr: new Int32Array([0, 1]), colIdx: new Int32Array(1), data: new Float64Array(2) };
    expect(() => csrToDense(bad)).toThrow(
      /csrToDense: argument 'a' \(2×2\) must have an Int32Array rowPtr of length rows\+1 = 3 starting at 0/,
    );
    const short = { rows: 1, cols: 2, rowPtr: new Int32Array([0, 2]), colIdx: new Int32Array(2), data: new Float64Array(2) };
    expect(() => csrToDense(short)).toThrow(/colIdx \(Int32Array\) of length ≥ nnz = 2 and data \(Float64Array\) of length ≥ 2·nnz = 4/);
    expect(() => csrToDense({ rows: 1, cols: 1 } as never)).toThrow(/must have an Int32Array rowPtr/);
    expect(() => csrToDense(undefined as never)).toThrow(/csrToDense: argument 'a' must be a CsrMatrix with rows, cols ≥ 1/);
  });
});
