import { createRng } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { phaseSpaceHistogram } from './phase-space-histogram';

describe('phaseSpaceHistogram', () => {
  it('counts each sample in its cell, rows of constant p, normalised by samples·Δ²', () => {
    // cells of side 0.5 on [−1, 1): (0.1, −0.9) → ix 2, ip 0; (−0.6, 0.7) twice → ix 0, ip 3
    const alpha = Float64Array.of(0.1, -0.9, -0.6, 0.7, -0.6, 0.7, 5, 0);
    const h = phaseSpaceHistogram(alpha, { lo: -1, hi: 1, bins: 4 });
    expectClose(h.centers, [-0.75, -0.25, 0.25, 0.75], { atol: 1e-15 });
    const expected = new Float64Array(16);
    expected[0 * 4 + 2] = 1 / (4 * 0.25);
    expected[3 * 4 + 0] = 2 / (4 * 0.25);
    // the sample at x = 5 is outside: dropped, but it counts in the normalisation
    expectClose(h.density, expected, { atol: 1e-15 });
    expect(h.samples).toBe(4);
  });

  it('estimates a Gaussian density within its counting error', () => {
    const rng = createRng(3);
    const n = 20000;
    const alpha = new Float64Array(2 * n);
    for (let j = 0; j < 2 * n; j++) alpha[j] = 0.5 * rng.gaussian();
    const h = phaseSpaceHistogram(alpha, { lo: -2, hi: 2, bins: 8 });
    // cell (3, 4) covers x ∈ [−0.5, 0), p ∈ [0, 0.5): probability (Φ(0) − Φ(−1))² = 0.34134²
    const p = 0.3413447460685429 ** 2;
    // binomial error √(p(1 − p)/n) ≈ 2.6e-3 in probability, ×1/Δ² = 4 in density; 4 σ
    expectClose(h.density[4 * 8 + 3], p / 0.25, { atol: 4 * 4 * Math.sqrt((p * (1 - p)) / n) });
    let total = 0;
    for (const v of h.density) total += v * 0.25;
    // |x|, |p| < 2 = 4 standard deviations: the mass outside is ~1.3e-4
    expectClose(total, 1, { atol: 5e-4 });
  });

  it('refuses bad arguments by name', () => {
    expect(() => phaseSpaceHistogram(Float64Array.of(1), { lo: -1, hi: 1, bins: 2 })).toThrow(/'alpha'/);
    expect(() => phaseSpaceHistogram(Float64Array.of(1, 0), { lo: 1, hi: 1, bins: 2 })).toThrow(/'lo' and 'hi'/);
    expect(() => phaseSpaceHistogram(Float64Array.of(1, 0), { lo: -1, hi: 1, bins: 0 })).toThrow(/'bins'/);
    expect(() => phaseSpaceHistogram(Float64Array.of(1, 0), null as never)).toThrow(/'config'/);
    expect(() => phaseSpaceHistogram(Float64Array.of(1, Number.NaN), { lo: -1, hi: 1, bins: 2 })).toThrow(/'alpha'.*NaN/);
  });
});
