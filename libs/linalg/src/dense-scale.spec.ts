import { describe, expect, it } from 'vitest';
import { denseFromArrays } from './dense-from-arrays';
import { denseScale } from './dense-scale';

describe('denseScale', () => {
  const a = denseFromArrays([[1, 2]], [[3, -1]]); // [1+3i, 2−i]
  it('scales by a complex factor into a new matrix', () => {
    // i·(1+3i) = −3+i, i·(2−i) = 1+2i
    expect(Array.from(denseScale(a, { re: 0, im: 1 }).data)).toEqual([-3, 1, 1, 2]);
    expect(Array.from(a.data)).toEqual([1, 3, 2, -1]);
  });
  it('accepts a real factor', () => {
    expect(Array.from(denseScale(a, -2).data)).toEqual([-2, -6, -4, 2]);
  });
  it('rejects a non-finite factor', () => {
    expect(() => denseScale(a, Infinity)).toThrow(/denseScale: argument 'alpha' must be a finite number/);
  });
});
