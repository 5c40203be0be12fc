import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { linspace, maxAbsDifference, weightedSlope } from './figure-support';

describe('figure support', () => {
  it('linspace includes both ends', () => {
    expectClose(linspace(-1, 1, 5), [-1, -0.5, 0, 0.5, 1], { atol: 1e-15 });
    expect(Array.from(linspace(2, 3, 1))).toEqual([2]);
  });

  it('weightedSlope is exact on a line and ignores zero weights', () => {
    expectClose(weightedSlope([0, 1, 2, 3], [1, 3, 5, 100], [1, 2, 3, 0]), 2, { rtol: 1e-14 });
    // weights pull the fit: (0, 0), (1, 1), (2, 0) with the middle point heavy → slope 0 (symmetric)
    expectClose(weightedSlope([0, 1, 2], [0, 1, 0], [1, 10, 1]), 0, { atol: 1e-15 });
  });

  it('maxAbsDifference', () => {
    expect(maxAbsDifference([1, 2, 3], [1, 2.5, 2])).toBe(1);
  });
});
