import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { equivalentNoiseBandwidth } from './equivalent-noise-bandwidth';
import { windowFunction } from './window-function';

describe('equivalentNoiseBandwidth', () => {
  it('is n·Σw²/(Σw)² with the closed forms of the periodic cosine windows', () => {
    // For periodic windows with n ≥ 3 the cosine sums vanish exactly, so
    // ENBW = (a0² + a1²/2 + a2²/2)/a0²; only rounding of the sums remains (n = 64 terms).
    const tol = { rtol: 1e-14 };
    expectClose(equivalentNoiseBandwidth(windowFunction('rectangular', 64)), 1, tol);
    expectClose(equivalentNoiseBandwidth(windowFunction('hann', 64)), 1.5, tol);
    expectClose(
      equivalentNoiseBandwidth(windowFunction('hamming', 64)),
      (0.54 ** 2 + 0.46 ** 2 / 2) / 0.54 ** 2,
      tol,
    );
    expectClose(
      equivalentNoiseBandwidth(windowFunction('blackman', 64)),
      (0.42 ** 2 + 0.5 ** 2 / 2 + 0.08 ** 2 / 2) / 0.42 ** 2,
      tol,
    );
    expectClose(equivalentNoiseBandwidth(Float64Array.of(1, 2)), (2 * 5) / 9, tol);
  });

  it('rejects a window that is not a Float64Array, is empty or sums to 0, naming window', () => {
    expect(() => equivalentNoiseBandwidth([1, 1] as unknown as Float64Array)).toThrow(
      "equivalentNoiseBandwidth: argument 'window' must be a Float64Array, got Array",
    );
    expect(() => equivalentNoiseBandwidth(new Float64Array(0))).toThrow(
      /argument 'window' must be a non-empty array.*got length 0/,
    );
    expect(() => equivalentNoiseBandwidth(Float64Array.of(1, -1))).toThrow(/'window'.*sum 0/);
  });
});
