import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { maxAbsDiff } from './max-abs-diff';

describe('maxAbsDiff', () => {
  it('is the largest complex modulus of the difference (doc example)', () => {
    // 1e-9 subtracted from 0 is exact; hypot adds at most one rounding.
    expectClose(maxAbsDiff([1, 2], [0, 0], [1, 2], [0, 1e-9]), 1e-9, { rtol: Number.EPSILON });
  });

  it('combines real and imaginary errors as a modulus (3-4-5)', () => {
    expect(maxAbsDiff([3, 0], [4, 0], [0, 0], [0, 0])).toBe(5);
    expect(maxAbsDiff([0.5], [-0.5], [0.5], [-0.5])).toBe(0);
  });

  it('rejects length mismatches, empty series and non-finite entries', () => {
    expect(() => maxAbsDiff([1], [1, 2], [1], [1])).toThrow(/'aIm' must have length 1/);
    expect(() => maxAbsDiff([1], [1], [1], [])).toThrow(/'bIm' must have length 1 .* got 0/);
    expect(() => maxAbsDiff([], [], [], [])).toThrow(/at least one value/);
    expect(() => maxAbsDiff([NaN], [0], [0], [0])).toThrow(/entry 0 is not finite/);
  });
});
