import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csrFromTriplets } from './csr-from-triplets';
import { csrToDense } from './csr-to-dense';
import { expectValidCsr } from './test-support/kernel-fixtures';

describe('csrFromTriplets', () => {
  it('sorts columns, sums duplicates in input order and drops exact zeros', () => {
    // row 0: (0,2)=1, (0,0)=2+i, (0,2)+=3 → cols [0, 2]; row 1: (1,1)=5 and −5 cancel; row 2: (2,1)=−i
    const a = csrFromTriplets(3, 3, [0, 0, 1, 0, 1, 2, 2], [2, 0, 1, 2, 1, 1, 0], [1, 2, 5, 3, -5, 0, 0], [0, 1, 0, 0, 0, -1, 0]);
    expect(Array.from(a.rowPtr)).toEqual([0, 2, 2, 3]);
    expect(Array.from(a.colIdx)).toEqual([0, 2, 1]);
    expect(Array.from(a.data)).toEqual([2, 1, 4, 0, 0, -1]);
    expectValidCsr(a);
  });
  it('builds an all-zero matrix from no triplets', () => {
    const a = csrFromTriplets(2, 4, [], [], []);
    expect(Array.from(a.rowPtr)).toEqual([0, 0, 0]);
    expect(a.colIdx.length).toBe(0);
  });
  it('equals dense accumulation for any list of triplets, in any order (property)', () => {
    // integer values keep every sum exact, so equality is exact whatever the summation order
    const triplet = fc.tuple(fc.nat(3), fc.nat(4), fc.integer({ min: -3, max: 3 }), fc.integer({ min: -3, max: 3 }));
    fc.assert(
      fc.property(fc.array(triplet, { maxLength: 30 }), (ts) => {
        const a = csrFromTriplets(4, 5, ts.map((t) => t[0]), ts.map((t) => t[1]), ts.map((t) => t[2]), ts.map((t) => t[3]));
        expectValidCsr(a);
        const dense = new Float64Array(2 * 4 * 5);
        for (const [r, c, re, im] of ts) {
          dense[2 * (r * 5 + c)] += re;
          dense[2 * (r * 5 + c) + 1] += im;
        }
        expect(Array.from(csrToDense(a).data)).toEqual(Array.from(dense));
      }),
      { numRuns: 100, seed: 20240601 },
    );
  });
  it('accepts typed arrays for indices and values', () => {
    const a = csrFromTriplets(2, 2, new Int32Array([1]), new Int32Array([0]), new Float64Array([7]));
    expect(Array.from(a.rowPtr)).toEqual([0, 0, 1]);
    expect(Array.from(a.data)).toEqual([7, 0]);
  });
  it('rejects an index out of range, naming the index and its position', () => {
    expect(() => csrFromTriplets(3, 2, [0, 3], [0, 0], [1, 1])).toThrow(
      /csrFromTriplets: rowIdx\[1\] = 3 is out of range 0…2 \(rows = 3\)/,
    );
    expect(() => csrFromTriplets(3, 2, [0], [-1], [1])).toThrow(/colIdx\[0\] = -1 is out of range 0…1 \(cols = 2\)/);
    expect(() => csrFromTriplets(3, 2, [0.5], [0], [1])).toThrow(/rowIdx\[0\] = 0.5 is out of range/);
  });
  it('rejects non-finite values, which would poison every product they enter', () => {
    expect(() => csrFromTriplets(2, 2, [0, 1], [0, 1], [1, NaN])).toThrow(/csrFromTriplets: re\[1\] = NaN must be a finite number/);
    expect(() => csrFromTriplets(2, 2, [0], [0], [1], [Infinity])).toThrow(/im\[0\] = Infinity must be a finite number/);
  });
  it('rejects arrays of different lengths and bad dimensions', () => {
    expect(() => csrFromTriplets(2, 2, [0, 1], [0], [1, 1])).toThrow(
      /csrFromTriplets: argument 'colIdx' must have the length of 'rowIdx' \(2\), got 1/,
    );
    expect(() => csrFromTriplets(2, 2, [0], [0], [1], [1, 2])).toThrow(/argument 'im' must have the length of 'rowIdx' \(1\), got 2/);
    expect(() => csrFromTriplets(2, 2, null as never, [0], [1])).toThrow(/argument 'rowIdx' must be an array of numbers/);
    expect(() => csrFromTriplets(2, 2, [0], 5 as never, [1])).toThrow(/argument 'colIdx' must be an array of numbers/);
    expect(() => csrFromTriplets(0, 2, [], [], [])).toThrow(/argument 'rows' must be an integer ≥ 1, got 0/);
  });
});
