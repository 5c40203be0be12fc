import { describe, expect, it } from 'vitest';
import { denseGet } from './dense-get';
import { denseSet } from './dense-set';
import { denseZeros } from './dense-zeros';

describe('denseSet', () => {
  it('writes entry (i, j) in place and leaves the others alone', () => {
    const m = denseZeros(2, 3);
    expect(denseSet(m, 1, 2, 3, -4)).toBe(m);
    expect(denseGet(m, 1, 2)).toEqual({ re: 3, im: -4 });
    expect(m.data[2 * (1 * 3 + 2)]).toBe(3);
    expect(m.data.filter((v) => v !== 0).length).toBe(2);
    denseSet(m, 0, 0, 5);
    expect(denseGet(m, 0, 0)).toEqual({ re: 5, im: 0 });
  });
  it('rejects indices out of range', () => {
    expect(() => denseSet(denseZeros(2, 3), 0, 3, 1)).toThrow(/denseSet: argument 'j' must be an integer in 0…2, got 3/);
    expect(() => denseSet(denseZeros(2, 3), -1, 0, 1)).toThrow(/denseSet: argument 'i'/);
  });
});
