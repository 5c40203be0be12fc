import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { observedFrequency } from './observed-frequency';
import { weightedSlope } from './weighted-slope';

describe('weightedSlope', () => {
  it('is exact on a line, whatever the weights, and ignores points of weight 0', () => {
    expectClose(weightedSlope([0, 1, 2, 3], [1, 3, 5, 100], [1, 2, 3, 0]), 2, { rtol: 1e-14 });
    expectClose(weightedSlope([-1, 0.5, 4], [4, 1, -6], [0.1, 7, 3]), -2, { rtol: 1e-14 });
  });

  it('with equal weights is the ordinary least-squares slope (observedFrequency, leastSquares)', () => {
    const t = [0, 0.3, 1.1, 2, 2.4, 3.9];
    const y = [0.2, 0.1, 1.5, 2.2, 2.1, 4.4];
    expectClose(weightedSlope(t, y, [2, 2, 2, 2, 2, 2]), observedFrequency(t, y, { method: 'leastSquares' }), { rtol: 1e-13 });
  });

  it('is the slope of the normal equations: an integer weight counts as that many copies of the point', () => {
    // (0, 0) once, (1, 1) ten times, (2, 0) once: by symmetry about t = 1 the slope is 0; and (0,0), (1,1)
    // twice, (3,1) against the unweighted fit of the repeated points
    expectClose(weightedSlope([0, 1, 2], [0, 1, 0], [1, 10, 1]), 0, { atol: 1e-15 });
    expectClose(weightedSlope([0, 1, 3], [0, 1, 1], [1, 2, 1]), weightedSlope([0, 1, 1, 3], [0, 1, 1, 1], [1, 1, 1, 1]), { rtol: 1e-14 });
  });

  it('refuses bad input by name', () => {
    expect(() => weightedSlope([0, 1], [0, 1, 2], [1, 1])).toThrow(/one length, got 2, 3 and 2/);
    expect(() => weightedSlope([0, 1], [0, 1], [1, -1])).toThrow(/'w' must hold weights ≥ 0, got -1 at index 1/);
    expect(() => weightedSlope([0, 1], [0, Number.NaN], [1, 1])).toThrow(/'y' must hold finite numbers/);
    expect(() => weightedSlope([1, 1, 2], [0, 1, 2], [1, 1, 0])).toThrow(/two distinct values with weight w > 0/);
  });
});
