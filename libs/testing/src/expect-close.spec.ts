import { describe, expect, it } from 'vitest';
import { expectClose } from './expect-close';

describe('expectClose', () => {
  it('accepts values within atol + rtol·|expected|', () => {
    expect(() => expectClose(1 + 1e-10, 1, { rtol: 1e-9 })).not.toThrow();
    expect(() => expectClose([0, 2], [1e-13, 2], { atol: 1e-12 })).not.toThrow();
  });
  it('puts the bound at atol + rtol·|expected| exactly: 0.9 of it passes, 1.1 of it fails', () => {
    // dyadic values, so that the bound and the differences are exact in binary
    const cases: [number, { rtol?: number; atol?: number }, number][] = [
      [4, { rtol: 2 ** -10 }, 4 * 2 ** -10], // relative to |expected| = 4, not to the actual value
      [-4, { rtol: 2 ** -10 }, 4 * 2 ** -10], // |expected| for a negative expected value
      [4, { atol: 2 ** -10, rtol: 0 }, 2 ** -10],
      [4, { atol: 2 ** -10, rtol: 2 ** -10 }, 5 * 2 ** -10], // the two add
      [4, {}, 4e-12], // defaults: rtol = 1e-12, atol = 0
    ];
    for (const [expected, tol, bound] of cases) {
      for (const sign of [1, -1]) {
        expect(() => expectClose(expected + sign * 0.9 * bound, expected, tol)).not.toThrow();
        expect(() => expectClose(expected + sign * 1.1 * bound, expected, tol)).toThrow(/expectClose: at index 0/);
      }
    }
    // atol defaults to 0: against an expected 0 only 0 passes
    expect(() => expectClose(0, 0)).not.toThrow();
    expect(() => expectClose(1e-300, 0)).toThrow(/got 1e-300, expected 0/);
    // rtol scales with the expected value only: 8 against 4 is 100 % off, 4 against 8 is 50 %
    expect(() => expectClose(8, 4, { rtol: 0.6 })).toThrow(/at index 0: got 8, expected 4/);
    expect(() => expectClose(4, 8, { rtol: 0.6 })).not.toThrow();
  });
  it('rejects values outside the tolerance, naming the index', () => {
    expect(() => expectClose([1, 2], [1, 2.1], { rtol: 1e-3 })).toThrow(/index 1/);
  });
  it('never accepts NaN', () => {
    expect(() => expectClose(NaN, NaN, { atol: 1 })).toThrow(/NaN/);
  });
  it('rejects arrays of different length', () => {
    expect(() => expectClose([1], [1, 2])).toThrow(/length/);
  });
});
