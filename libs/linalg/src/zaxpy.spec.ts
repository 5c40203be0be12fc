import { describe, expect, it } from 'vitest';
import { zaxpy } from './zaxpy';

describe('zaxpy', () => {
  it('adds α·x to y in place, entry by entry', () => {
    const x = new Float64Array([1, 2, -3, 0]); // [1+2i, −3]
    const y = new Float64Array([10, 20, 30, 40]);
    // (2−i)(1+2i) = 4+3i; (2−i)(−3) = −6+3i
    expect(zaxpy({ re: 2, im: -1 }, x, y)).toBe(y);
    expect(Array.from(y)).toEqual([14, 23, 24, 43]);
    expect(Array.from(x)).toEqual([1, 2, -3, 0]);
  });
  it('accepts a real α', () => {
    expect(Array.from(zaxpy(-1, new Float64Array([1, 2]), new Float64Array([1, 2])))).toEqual([0, 0]);
  });
  it('rejects vectors of different length and non-finite α', () => {
    expect(() => zaxpy(1, new Float64Array(4), new Float64Array(2))).toThrow(
      /zaxpy: argument 'y' must hold 2 complex entries \(length 4\), got length 2/,
    );
    expect(() => zaxpy({ re: 0, im: NaN }, new Float64Array(2), new Float64Array(2))).toThrow(/zaxpy: argument 'alpha'/);
    expect(() => zaxpy(1, new Float64Array(3), new Float64Array(3))).toThrow(/zaxpy: argument 'x' must be .* even length, got length 3/);
  });
});
