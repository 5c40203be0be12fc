import { describe, expect, it } from 'vitest';
import { denseFromArrays } from './dense-from-arrays';
import { denseGet } from './dense-get';
import { denseView } from './dense-view';

describe('denseView', () => {
  it('is a [rows, cols, 2] view over the same buffer', () => {
    const m = denseFromArrays([[1, 2, 3], [4, 5, 6]], [[0, 0, 0], [0, 0, -6]]);
    const v = denseView(m);
    expect(v.shape).toEqual([2, 3, 2]);
    expect(v.data).toBe(m.data);
    expect(v.get(1, 2, 0)).toBe(6);
    expect(v.get(1, 2, 1)).toBe(-6);
    expect(v.get(0, 1, 0)).toBe(2);
  });
  it('writes through to the matrix', () => {
    const m = denseFromArrays([[1, 2], [3, 4]]);
    denseView(m).set(1, 0, 1, 7);
    expect(denseGet(m, 1, 0)).toEqual({ re: 3, im: 7 });
  });
  it('rejects a non-matrix', () => {
    expect(() => denseView({ rows: 1, cols: 1, data: new Float64Array(1) })).toThrow(/denseView: argument 'm'/);
  });
});
