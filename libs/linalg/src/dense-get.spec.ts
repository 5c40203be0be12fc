import { describe, expect, it } from 'vitest';
import { denseFromArrays } from './dense-from-arrays';
import { denseGet } from './dense-get';

describe('denseGet', () => {
  const m = denseFromArrays([[1, 2], [3, 4]], [[5, 6], [7, 8]]);
  it('reads entry (i, j) as a Complex', () => {
    expect(denseGet(m, 1, 0)).toEqual({ re: 3, im: 7 });
    expect(denseGet(m, 0, 1)).toEqual({ re: 2, im: 6 });
  });
  it('rejects indices out of range and non-matrices', () => {
    expect(() => denseGet(m, 2, 0)).toThrow(/denseGet: argument 'i' must be an integer in 0…1, got 2/);
    expect(() => denseGet(m, 0, -1)).toThrow(/argument 'j' must be an integer in 0…1, got -1/);
    expect(() => denseGet(m, 0.5, 0)).toThrow(/argument 'i'/);
    const broken = { rows: 2, cols: 2, data: new Float64Array(6) };
    expect(() => denseGet(broken, 0, 0)).toThrow(/argument 'm' \(2×2\) must have data of length 2·rows·cols = 8, got length 6/);
  });
});
