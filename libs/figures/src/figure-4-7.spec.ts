import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { figure47, measuredSpinRecipe } from './figure-4-7';
import type { FigureData } from './figure-types';
import { check, heatmapPanel, linePanel, numberParameter, runFigure, standardError } from './test-support/run-figure';

/** |mean − ME|/SE of the worst-time check of a channel, in the run's own standard error. */
function worstZ(data: FigureData, label: string): number {
  const c = check(data, `ensemble mean of ${label}`);
  return Math.abs(c.value - c.expected) / standardError(c);
}

describe('figure 4.7', () => {
  // full size (the spin is cheap): 400 trajectories, 200 output times on [0, 4)
  it('averages heterodyne trajectories of the spin onto the master equation within the standard error', async () => {
    const { data } = await runFigure(figure47, {});
    expect([numberParameter(data, 'trajectories'), numberParameter(data, 'samples')]).toEqual([400, 200]);
    expect(data.panels.map((p) => p.name)).toEqual(['a', 'a-path', 'a-xy', 'b', 'c']);
    // the criterion, 3 SE at every output time: this seed's worst is 2.9 (⟨σz⟩); other seeds
    // reach 3.0, as the largest of ~200 correlated |z| does, so the bound is 3.5; the broken variant
    // below is at 9
    expect(worstZ(data, '⟨σx⟩')).toBeLessThan(3.5);
    expect(worstZ(data, '⟨σz⟩')).toBeLessThan(3.5);
    // ≥ 0.92 on three seeds; 0.15–0.43 when the trajectories rotate 10–20 % too fast
    expect(check(data, 'the mean of ⟨σx⟩').value).toBeGreaterThan(0.85);
    expect(check(data, 'the mean of ⟨σz⟩').value).toBeGreaterThan(0.85);
    // the trajectories start where the master equation does (⟨σx⟩ = 1, ⟨σz⟩ = 0 on the equator)
    const b = linePanel(data, 'b');
    const c = linePanel(data, 'c');
    expectClose([b.series[9].y[0], c.series[9].y[0], b.series[11].y[0], c.series[11].y[0]], [1, 0, 1, 0], { atol: 1e-12 });
    // the master equation's s_z relaxes to (γ+ − γ−)/(γ+ + γ−) = −1/3 (Eq. 4.29) at rate γ+ + γ− = 1.5
    expectClose(c.series[11].y[199], -1 / 3 + (1 / 3) * Math.exp(-1.5 * 3.98), { atol: 1e-8 });
    // one conditional state keeps its phase (0.26 at t = 3.98 for this seed) while the ensemble's
    // 2|s+| = e^{−(γ+ + γ−)t/2} (Eq. 4.28) has decayed to 0.05
    const xy = linePanel(data, 'a-xy');
    expect(Math.hypot(xy.series[0].x[199], xy.series[0].y[199])).toBeGreaterThan(2 * Math.exp(-0.75 * 3.98));
    // the steady-state Q(θ, φ) integrates to 1 over the sphere (cells of dφ d(cos θ))
    const a = heatmapPanel(data, 'a');
    const cell = (a.x[1] - a.x[0]) * (a.y[1] - a.y[0]);
    expectClose(a.values.reduce((s, v) => s + v * cell, 0), 1, { atol: 1e-3 });
  });

  it('fails when the trajectories rotate 20 % too fast (ω × 1.2 in the SME only)', async () => {
    const { data } = await runFigure(measuredSpinRecipe(1.2), {});
    expect(worstZ(data, '⟨σx⟩')).toBeGreaterThan(5);
    expect(check(data, 'the mean of ⟨σx⟩').value).toBeLessThan(0.5);
  });

  it('refuses a bad scale', () => {
    expect(() => figure47.run({ scale: 1.5 })).toThrow(/'scale'/);
  });
});
