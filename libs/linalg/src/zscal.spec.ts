import { describe, expect, it } from 'vitest';
import { zscal } from './zscal';

describe('zscal', () => {
  it('scales in place by a complex factor', () => {
    const x = new Float64Array([1, 2, 0, -1]);
    // i·(1+2i) = −2+i; i·(−i) = 1
    expect(zscal({ re: 0, im: 1 }, x)).toBe(x);
    expect(Array.from(x)).toEqual([-2, 1, 1, 0]);
  });
  it('accepts a real factor', () => {
    expect(Array.from(zscal(3, new Float64Array([1, -1])))).toEqual([3, -3]);
  });
  it('rejects bad arguments', () => {
    expect(() => zscal(Infinity, new Float64Array(2))).toThrow(/zscal: argument 'alpha'/);
    expect(() => zscal(1, new Float64Array(1))).toThrow(/zscal: argument 'x'/);
  });
});
