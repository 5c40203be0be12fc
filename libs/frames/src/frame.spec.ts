import { describe, expect, it } from 'vitest';
import { arrayChannel, complexChannel, realChannel } from './frame';

describe('realChannel / complexChannel', () => {
  it('builds tagged scalars, with the unit only when given (doc examples)', () => {
    expect(realChannel(0.5, '1/κ')).toEqual({ kind: 'real', value: 0.5, unit: '1/κ' });
    expect(realChannel(3)).toStrictEqual({ kind: 'real', value: 3 });
    expect(complexChannel(1, -2)).toStrictEqual({ kind: 'complex', re: 1, im: -2 });
    expect(complexChannel(1, -2, '√κ')).toEqual({ kind: 'complex', re: 1, im: -2, unit: '√κ' });
  });
});

describe('arrayChannel', () => {
  it('wraps data with its shape, without copying (doc example)', () => {
    const data = new Float64Array([1, 0, 0, 1]);
    const c = arrayChannel(data, [2], { complex: true });
    expect(c.shape).toEqual([2]);
    expect(c.complex).toBe(true);
    expect(c.data).toBe(data);
    expect(c).not.toHaveProperty('unit');
    const r = arrayChannel(new Float64Array(6), [2, 3], { unit: 'photons' });
    expect(r).toMatchObject({ kind: 'array', shape: [2, 3], complex: false, unit: 'photons' });
  });
  it('does not share the caller’s shape array', () => {
    const shape = [3];
    const c = arrayChannel(new Float64Array(3), shape);
    shape[0] = 7;
    expect(c.shape).toEqual([3]);
  });
  it('accepts empty shapes: [] is a scalar, [0] is empty', () => {
    expect(arrayChannel(new Float64Array(1), []).shape).toEqual([]);
    expect(arrayChannel(new Float64Array(0), [0]).shape).toEqual([0]);
  });
  it('rejects a data length that does not fit the shape, naming data', () => {
    expect(() => arrayChannel(new Float64Array(4), [4], { complex: true })).toThrow(
      /'data' must have length 8 for shape \[4\] \(complex.*got length 4/,
    );
    expect(() => arrayChannel(new Float64Array(5), [2, 3])).toThrow(/'data'.*length 6.*got length 5/);
  });
  it('rejects shapes with negative or fractional entries, naming shape', () => {
    expect(() => arrayChannel(new Float64Array(0), [2, -1])).toThrow(/'shape'.*shape\[1\] = -1/);
    expect(() => arrayChannel(new Float64Array(0), [1.5])).toThrow(/'shape'.*shape\[0\] = 1.5/);
  });
  it('rejects data that is not a Float64Array', () => {
    expect(() => arrayChannel([1, 2] as unknown as Float64Array, [2])).toThrow(
      /'data' must be a Float64Array/,
    );
  });
});
