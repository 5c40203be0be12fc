import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { jackknife } from './jackknife';
import { meanWithError } from './mean-with-error';

const x = [0.3, 1.1, -0.4, 2.0, 0.7, 0.9, -0.2];
/** A statistic of x without element `left` (one group per value). */
const without = (f: (v: number[]) => number) => (left: number | null) => f(x.filter((_, k) => k !== left));
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;

describe('jackknife', () => {
  it('of a mean is the standard error of the group means, exactly', () => {
    const j = jackknife(x.length, without(mean));
    const direct = meanWithError(x);
    expectClose([j.value, j.standardError, j.biasCorrected], [direct.mean, direct.standardError, direct.mean], { rtol: 1e-14 });
  });

  it('removes the 1/n bias exactly where it is 1/n: x̄² → x̄² − s²/n, the plug-in variance → s²', () => {
    // E[x̄²] = μ² + σ²/n and E[(1/n)Σ(x − x̄)²] = (n − 1)σ²/n: Quenouille's bias correction is exact for both
    const n = x.length;
    const { mean: m, standardError } = meanWithError(x);
    const s2 = standardError ** 2 * n;
    expectClose(jackknife(n, without((v) => mean(v) ** 2)).biasCorrected, m * m - s2 / n, { rtol: 1e-13 });
    const plugIn = (v: number[]) => v.reduce((a, b) => a + (b - mean(v)) ** 2, 0) / v.length;
    expectClose(jackknife(n, without(plugIn)).biasCorrected, s2, { rtol: 1e-13 });
  });

  it('refuses a bad group count and a non-finite estimate by name', () => {
    expect(() => jackknife(1, () => 0)).toThrow(/'groups' must be an integer ≥ 2, got 1/);
    expect(() => jackknife(2.5, () => 0)).toThrow(/'groups'/);
    expect(() => jackknife(3, (g) => (g === 1 ? Number.NaN : 0))).toThrow(/'estimate' returned NaN for group 1 left out/);
  });
});
