import { describe, expect, it } from 'vitest';
import { complexVectorView } from './complex-vector-view';

describe('complexVectorView', () => {
  it('is an [n, 2] view over the same buffer, writable', () => {
    const x = new Float64Array([1, 2, 3, 4, 5, 6]);
    const v = complexVectorView(x);
    expect(v.shape).toEqual([3, 2]);
    expect(v.get(2, 0)).toBe(5);
    expect(v.get(1, 1)).toBe(4);
    v.set(0, 1, -9);
    expect(x[1]).toBe(-9);
  });
  it('rejects odd lengths and non-Float64Arrays', () => {
    expect(() => complexVectorView(new Float64Array(3))).toThrow(
      /complexVectorView: argument 'x' must be an interleaved complex Float64Array of even length, got length 3/,
    );
    expect(() => complexVectorView([1, 2] as never)).toThrow(/got not a Float64Array/);
  });
});
