import { describe, expect, it } from 'vitest';
import { denseZeros } from './dense-zeros';

describe('denseZeros', () => {
  it('allocates rows·cols complex zeros', () => {
    const z = denseZeros(2, 3);
    expect(z.rows).toBe(2);
    expect(z.cols).toBe(3);
    expect(Array.from(z.data)).toEqual(new Array(12).fill(0));
  });
  it('rejects dimensions that are not integers ≥ 1, naming the parameter', () => {
    expect(() => denseZeros(0, 3)).toThrow(/denseZeros: argument 'rows' must be an integer ≥ 1, got 0/);
    expect(() => denseZeros(2, 1.5)).toThrow(/argument 'cols' must be an integer ≥ 1, got 1.5/);
    expect(() => denseZeros(NaN, 1)).toThrow(/'rows'.*NaN/);
  });
});
