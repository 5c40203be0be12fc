import { createRng } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { meanWithError } from './mean-with-error';

describe('meanWithError', () => {
  it('is the mean and √(s²/n) with the unbiased s², shifting and scaling with the data', () => {
    const m = meanWithError([1, 2, 3, 6]);
    expectClose(m.mean, 3, { rtol: 1e-15 });
    // s² = (4 + 1 + 0 + 9)/3 = 14/3
    expectClose(m.standardError, Math.sqrt(14 / 3 / 4), { rtol: 1e-15 });
    // two passes: a mean of 1e9 does not swallow a spread of 1 (one pass Σx² − n x̄² would lose it)
    const far = meanWithError([1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 6]);
    expectClose(far.standardError, m.standardError, { rtol: 1e-12 });
    const scaled = meanWithError([-2, -4, -6, -12]);
    expectClose([scaled.mean, scaled.standardError], [-6, 2 * m.standardError], { rtol: 1e-15 });
  });

  it('is calibrated: (x̄ − μ)/SE of normal samples is Student-t, E t² = ν/(ν − 2)', () => {
    // 20 000 samples of n = 10 standard normals: E t² = 9/7, Var t² = 2ν²(ν − 1)/((ν − 2)²(ν − 4)) =
    // 5.29 for ν = 9, so the mean of t² over 20 000 has standard error 0.016; bound at 4 of them
    const rng = createRng(11);
    const x = new Float64Array(10);
    let sum = 0;
    const reps = 20_000;
    for (let r = 0; r < reps; r++) {
      for (let k = 0; k < 10; k++) x[k] = rng.gaussian();
      const { mean, standardError } = meanWithError(x);
      sum += (mean / standardError) ** 2;
    }
    const se = Math.sqrt((2 * 81 * 8) / (49 * 5) / reps);
    expect(Math.abs(sum / reps - 9 / 7)).toBeLessThan(4 * se);
  });

  it('refuses fewer than two values and non-finite ones, naming the argument', () => {
    expect(() => meanWithError([1])).toThrow(/'values' needs at least 2/);
    expect(() => meanWithError([1, Number.NaN])).toThrow(/'values' must hold finite numbers, got NaN at index 1/);
    expect(() => meanWithError(null as never)).toThrow(/'values'/);
  });
});
