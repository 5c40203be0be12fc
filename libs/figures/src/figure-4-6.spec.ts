import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { figure46 } from './figure-4-6';
import { check, heatmapPanel, linePanel, numberParameter, runFigure } from './test-support/run-figure';

describe('figure 4.6', () => {
  it('evolves Q(θ, φ) and Q(φ) of the spin-1/2 limit cycle by Eqs. 4.27–4.29 and 4.33', async () => {
    const { data } = await runFigure(figure46, { scale: 0.2 });
    expect([numberParameter(data, 'cellsPhi'), numberParameter(data, 'cellsCosTheta'), numberParameter(data, 'angles')]).toEqual([24, 12, 32]);
    expect(data.panels.map((p) => p.name)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'b', 'c']);
    // equal-area cells: Σ Q·Δφ·Δ(cos θ) = Tr ρ = 1 up to the midpoint rule's O(h²) on a smooth Q
    for (const name of ['a1', 'a6']) {
      const h = heatmapPanel(data, name);
      const cell = (h.x[1] - h.x[0]) * (h.y[1] - h.y[0]);
      expectClose(h.values.reduce((s, v) => s + v * cell, 0), 1, { atol: 5e-3 });
    }
    // the steady state (4.30) is diagonal: Q(θ, φ) = (1/2π)(γ−sin²(θ/2) + γ+cos²(θ/2))/(γ+ + γ−), flat in φ
    const a6 = heatmapPanel(data, 'a6');
    a6.y.forEach((c, iy) => {
      const expected = (1 / (2 * Math.PI)) * ((1 - c) / 2 * 1 + (1 + c) / 2 * 0.5) / 1.5;
      for (let ix = 0; ix < a6.x.length; ix++) expectClose(a6.values[iy * a6.x.length + ix], expected, { rtol: 1e-12 });
    });

    // the closed forms: s_z (4.29) to the solve's rounding, s+ and s_z along the run to the
    // integrator's tolerance (rtol 1e-10); a wrong ω, γ or sign of H moves them by ≥ 1e-2
    const sz = check(data, 'steady-state s_z');
    expect(sz.expected).toBeCloseTo(-1 / 3, 15);
    expectClose(sz.value, sz.expected, { atol: 1e-12 });
    expect(check(data, 's+(t) vs').value).toBeLessThan(1e-8);
    expect(check(data, 's_z(t) vs').value).toBeLessThan(1e-8);
    expect(check(data, 'Q(φ) closed form vs θ-quadrature').value).toBeLessThan(1e-14);

    // panel b: the t = 0.25 curve peaks near ωt = 0.5 (φ = arg⟨σ+⟩); the steady state is flat 1/2π
    const b = linePanel(data, 'b');
    const q = b.series[1].y;
    const top = q.indexOf(Math.max(...q));
    expect(Math.abs(b.series[1].x[top] - 0.5)).toBeLessThan(2 * Math.PI / 32);
    for (const v of b.series[5].y) expectClose(v, 1 / (2 * Math.PI), { rtol: 1e-12 });
  });

  it('refuses a bad scale', () => {
    expect(() => figure46.run({ scale: 0 })).toThrow(/'scale'/);
  });
});
