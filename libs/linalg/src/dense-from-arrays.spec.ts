import { describe, expect, it } from 'vitest';
import { denseFromArrays } from './dense-from-arrays';

describe('denseFromArrays', () => {
  it('lays entries out row-major and interleaved', () => {
    const m = denseFromArrays([[1, 2, 3], [4, 5, 6]], [[-1, -2, -3], [-4, -5, -6]]);
    expect(m.rows).toBe(2);
    expect(m.cols).toBe(3);
    // entry (1, 2) = 6 − 6i sits at 2·(1·3 + 2) = 10
    expect(m.data[10]).toBe(6);
    expect(m.data[11]).toBe(-6);
    expect(Array.from(m.data.slice(0, 4))).toEqual([1, -1, 2, -2]);
  });
  it('takes imaginary parts as 0 when omitted', () => {
    expect(Array.from(denseFromArrays([[7]]).data)).toEqual([7, 0]);
  });
  it('rejects empty, ragged and mismatched input, naming the argument', () => {
    expect(() => denseFromArrays([])).toThrow(/argument 're' must be a non-empty array of rows/);
    expect(() => denseFromArrays([[1, 2], [3]])).toThrow(/argument 're' row 1 must be an array of length 2/);
    expect(() => denseFromArrays([[]])).toThrow(/row 0 must be an array of length 0 ≥ 1/);
    expect(() => denseFromArrays([[1], [2]], [[1]])).toThrow(/argument 'im' must have 2 rows like 're', got 1/);
    expect(() => denseFromArrays([[1, 2]], [[1]])).toThrow(/argument 'im' row 0 must be an array of length 2/);
  });
  it('rejects non-finite values, naming the position', () => {
    expect(() => denseFromArrays([[1, NaN]])).toThrow(/argument 're'\[0\]\[1\] must be a finite number, got NaN/);
    expect(() => denseFromArrays([[1]], [[Infinity]])).toThrow(/'im'\[0\]\[0\].*Infinity/);
  });
});
