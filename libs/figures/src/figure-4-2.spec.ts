import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { figure42, measuredVanDerPolRecipe } from './figure-4-2';
import { check, heatmapPanel, linePanel, numberParameter, runFigure, standardError } from './test-support/run-figure';

/** |mean − ME|/SE of the worst-time check of a channel, in the run's own standard error. */
function worstZ(data: Parameters<typeof check>[0], label: string): number {
  const c = check(data, `ensemble mean of ${label}`);
  return Math.abs(c.value - c.expected) / standardError(c);
}

describe('figure 4.2', () => {
  // scale 0.125: 50 trajectories, 50 output times on [0, 1) (ω = 4: two thirds of a turn)
  it('averages heterodyne trajectories of the vdP oscillator onto the master equation within 3 standard errors', async () => {
    const { data } = await runFigure(figure42, { scale: 0.125 });
    expect([numberParameter(data, 'trajectories'), numberParameter(data, 'samples'), numberParameter(data, 'cells')]).toEqual([50, 50, 21]);
    expect(data.panels.map((p) => p.name)).toEqual(['a', 'a-path', 'b']);
    // the criterion, at every output time (the checks hold the worst one), each with its SE
    expect(worstZ(data, '⟨x⟩')).toBeLessThan(3);
    expect(worstZ(data, '⟨p⟩')).toBeLessThan(3);
    // neighbouring times are correlated, so the fraction within 2 SE scatters widely around 0.95;
    // the broken variant below drops to 0.2–0.8
    expect(check(data, 'the mean of ⟨x⟩').value).toBeGreaterThan(0.85);
    expect(check(data, 'the mean of ⟨p⟩').value).toBeGreaterThan(0.85);
    // panel b: 10 trajectories, then the mean and the master equation; trajectory 0 is the one of panel a
    const b = linePanel(data, 'b');
    expect(b.series.length).toBe(12);
    expect(Array.from(b.series[9].y)).toEqual(Array.from(linePanel(data, 'a-path').series[0].x));
    // all start where the master equation starts (Re⟨a⟩ ≈ 2 of the normalized |α0 = 2⟩) and then
    // differ: the backaction of the measurement
    expectClose(b.series[9].y[0], b.series[11].y[0], { atol: 1e-12 });
    expectClose(b.series[11].y[0], 2, { atol: 5e-3 }); // 1.9961: the cutoff 12 trims the tail
    expect(Math.abs(b.series[0].y[49] - b.series[1].y[49])).toBeGreaterThan(1e-3);
    // the steady-state Q(α) holds (nearly) all probability on [−4, 4]²
    const a = heatmapPanel(data, 'a');
    const cell = (a.x[1] - a.x[0]) ** 2;
    expectClose(a.values.reduce((s, v) => s + v * cell, 0), 1, { atol: 3e-3 });
  });

  it('fails when the trajectories rotate 5 % too fast (ω × 1.05 in the SME only)', async () => {
    const { data } = await runFigure(measuredVanDerPolRecipe(1.05), { scale: 0.125 });
    expect(Math.max(worstZ(data, '⟨x⟩'), worstZ(data, '⟨p⟩'))).toBeGreaterThan(4);
    expect(check(data, 'the mean of ⟨p⟩').value).toBeLessThan(0.5);
  });

  it('refuses a bad scale', () => {
    expect(() => figure42.run({ scale: 0 })).toThrow(/'scale'/);
  });
});
