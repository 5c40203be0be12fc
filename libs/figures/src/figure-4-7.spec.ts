import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { figure47, measuredSpinRecipe } from './figure-4-7';
import type { FigureData } from './figure-types';
import { check, heatmapPanel, linePanel, numberParameter, runFigure, standardError } from './test-support/run-figure';

const UNRAVELINGS = ['heterodyne', 'homodyne', 'photon-counting'] as const;

/** |mean − ME|/SE of the worst-time check of a channel, in the run's own standard error. */
function worstZ(data: FigureData, unraveling: string, label: string): number {
  const c = check(data, `${unraveling}: ensemble mean of ${label}`);
  return Math.abs(c.value - c.expected) / standardError(c);
}

describe('figure 4.7', () => {
  // full size (the spin is cheap, ~4 ms a trajectory in this thread): 400 trajectories of each
  // unraveling, 200 output times on [0, 4); the right run and the broken one serve all tests
  const right = runFigure(figure47, {});
  const broken = runFigure(measuredSpinRecipe(1.2), {});

  it('averages heterodyne, homodyne and photon-counting trajectories of the spin onto the master equation', async () => {
    const { data } = await right;
    expect([numberParameter(data, 'trajectories'), numberParameter(data, 'samples')]).toEqual([400, 200]);
    expect(data.panels.map((p) => p.name)).toEqual(['a', 'a-path', 'a-xy', 'b', 'c']);
    // the criterion is 3 SE at every output time; the largest of 2·199 correlated |z| of a
    // right ensemble exceeds 3 with a probability of tens of per cent, so the bound is the Bonferroni
    // z* over those 398 comparisons at family-wise level 1 % (scipy: norm.isf(0.01/796) = 4.2137).
    // This seed's worst |z|: heterodyne 2.92, homodyne 2.16, photon counting 1.95 — all within 3
    const zStar = numberParameter(data, 'familyWiseZ');
    expectClose(zStar, 4.213668, { atol: 1e-5 });
    // the step bias (explicit Euler at dt minus the master equation) is ≤ 1 SE at every time (here
    // ≤ 0.07), so the check above tests the unraveling; the mean also matches Euler at dt, the
    // schemes' exact expectation
    for (const u of ['heterodyne', 'homodyne'] as const) {
      expect(numberParameter(data, `stepBiasZ${u}`)).toBeLessThan(0.2);
      expect(numberParameter(data, `worstZEuler${u === 'heterodyne' ? 'Heterodyne' : 'Homodyne'}`)).toBeLessThan(zStar);
    }
    for (const u of UNRAVELINGS) {
      expect(Math.max(worstZ(data, u, '⟨σx⟩'), worstZ(data, u, '⟨σz⟩'))).toBeLessThan(zStar);
      // ≥ 0.9 on this seed; 0.1–0.5 when the trajectories rotate 20 % too fast
      expect(check(data, `${u}: fraction of output times where the mean of ⟨σx⟩`).value).toBeGreaterThan(0.85);
      expect(check(data, `${u}: fraction of output times where the mean of ⟨σz⟩`).value).toBeGreaterThan(0.85);
    }
    // the trajectories start where the master equation does (⟨σx⟩ = 1, ⟨σz⟩ = 0 on the equator)
    const b = linePanel(data, 'b');
    const c = linePanel(data, 'c');
    expect(b.series.map((s) => s.name).slice(9)).toEqual(['trajectory 0', 'mean of 400 (heterodyne)', 'mean of 400 (homodyne)', 'mean of 400 (photon-counting)', 'master equation']);
    expectClose([b.series[9].y[0], c.series[9].y[0], b.series[13].y[0], c.series[13].y[0]], [1, 0, 1, 0], { atol: 1e-12 });
    // the master equation's s_z relaxes to (γ+ − γ−)/(γ+ + γ−) = −1/3 (Eq. 4.29) at rate γ+ + γ− = 1.5
    expectClose(c.series[13].y[199], -1 / 3 + (1 / 3) * Math.exp(-1.5 * 3.98), { atol: 1e-8 });
    // one conditional state keeps its phase while the ensemble's 2|s+| = e^{−(γ+ + γ−)t/2} (Eq. 4.28)
    // has decayed to 0.05
    const xy = linePanel(data, 'a-xy');
    expect(Math.hypot(xy.series[0].x[199], xy.series[0].y[199])).toBeGreaterThan(2 * Math.exp(-0.75 * 3.98));
    // the steady-state Q(θ, φ) integrates to 1 over the sphere (cells of dφ d(cos θ))
    const a = heatmapPanel(data, 'a');
    const cell = (a.x[1] - a.x[0]) * (a.y[1] - a.y[0]);
    expectClose(a.values.reduce((s, v) => s + v * cell, 0), 1, { atol: 1e-3 });
  });

  it('fails for every unraveling when the trajectories rotate 20 % too fast (ω × 1.2 in the trajectories only)', async () => {
    // worst |z| of ⟨σx⟩: heterodyne 9.1, homodyne 10.4, photon counting 1284 (before the first
    // click every counting trajectory is the same, so the SE there is tiny); 10–15 % within 2 SE
    const { data } = await broken;
    const zStar = numberParameter(data, 'familyWiseZ');
    for (const u of UNRAVELINGS) {
      expect(worstZ(data, u, '⟨σx⟩')).toBeGreaterThan(zStar);
      expect(check(data, `${u}: fraction of output times where the mean of ⟨σx⟩`).value).toBeLessThan(0.6);
    }
    // against the scheme's own expectation too (explicit Euler of the right master equation)
    expect(numberParameter(data, 'worstZEulerHeterodyne')).toBeGreaterThan(zStar);
    expect(numberParameter(data, 'worstZEulerHomodyne')).toBeGreaterThan(zStar);
  });

  it('refuses a bad scale', () => {
    expect(() => figure47.run({ scale: 1.5 })).toThrow(/'scale'/);
  });
});
