import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { figure42, measuredVanDerPolRecipe } from './figure-4-2';
import { check, heatmapPanel, linePanel, numberParameter, runFigure, standardError } from './test-support/run-figure';

const UNRAVELINGS = ['heterodyne', 'homodyne', 'photon-counting'] as const;

/** |mean − ME|/SE of the worst-time check of a channel, in the run's own standard error. */
function worstZ(data: Parameters<typeof check>[0], unraveling: string, label: string): number {
  const c = check(data, `${unraveling}: ensemble mean of ${label}`);
  return Math.abs(c.value - c.expected) / standardError(c);
}

describe('figure 4.2', () => {
  // scale 0.125: 50 trajectories of each unraveling, 50 output times on [0, 1) (ω = 4: two thirds
  // of a turn); the right run and the broken ones serve all tests
  const right = runFigure(figure42, { scale: 0.125 });
  const broken = runFigure(measuredVanDerPolRecipe(1.05), { scale: 0.125 });
  const coarse = runFigure(measuredVanDerPolRecipe(1, 2e-3), { scale: 0.125 });

  it('averages heterodyne, homodyne and photon-counting trajectories of the vdP oscillator onto the master equation', async () => {
    const { data } = await right;
    expect([numberParameter(data, 'trajectories'), numberParameter(data, 'samples'), numberParameter(data, 'cells')]).toEqual([50, 50, 21]);
    expect(data.panels.map((p) => p.name)).toEqual(['a', 'a-path', 'b']);
    // the criterion at every output time, with the multiplicity of 2·49 comparisons: the
    // Bonferroni z* at family-wise level 1 % (scipy: norm.isf(0.01/196) = 3.8857). Each unraveling
    // has its own noise seed (3·seed + u), so the three worst |z| are independent draws
    const zStar = numberParameter(data, 'familyWiseZ');
    expectClose(zStar, 3.885687, { atol: 1e-5 });
    // the step bias (explicit Euler at dt minus the master equation) is ≤ 1 SE at every time — here
    // 0.09 and 0.19 SE (at the full size's 400 trajectories ≤ 0.6) — so the check above tests the
    // unraveling; the mean also matches Euler at dt, the schemes' exact expectation
    expect(numberParameter(data, 'dt')).toBe(1e-4);
    for (const u of ['heterodyne', 'homodyne'] as const) {
      expect(numberParameter(data, `stepBiasZ${u}`)).toBeLessThan(1);
      expect(numberParameter(data, `worstZEuler${u === 'heterodyne' ? 'Heterodyne' : 'Homodyne'}`)).toBeLessThan(zStar);
      for (const label of ['⟨x⟩', '⟨p⟩']) {
        const bias = check(data, `${u}: step bias of ${label}`);
        expect(Math.abs(bias.value - bias.expected) / standardError(bias)).toBeLessThanOrEqual(numberParameter(data, `stepBiasZ${u}`));
        const exact = check(data, `${u}: the scheme's exact expectation of ${label}`);
        expect(Math.abs(exact.value - exact.expected) / standardError(exact)).toBeLessThan(zStar);
      }
    }
    for (const u of UNRAVELINGS) {
      expect(Math.max(worstZ(data, u, '⟨x⟩'), worstZ(data, u, '⟨p⟩'))).toBeLessThan(zStar);
      // neighbouring times are correlated, so the fraction within 2 SE scatters widely around 0.95
      // (0.84–1 here); the broken variant below drops to 0.04–0.8
      expect(check(data, `${u}: fraction of output times where the mean of ⟨x⟩`).value).toBeGreaterThan(0.8);
      expect(check(data, `${u}: fraction of output times where the mean of ⟨p⟩`).value).toBeGreaterThan(0.8);
    }
    // panel b: 10 heterodyne trajectories, the three means and the master equation; trajectory 0 is
    // the one of panel a
    const b = linePanel(data, 'b');
    expect(b.series.map((s) => s.name).slice(9)).toEqual(['trajectory 0', 'mean of 50 (heterodyne)', 'mean of 50 (homodyne)', 'mean of 50 (photon-counting)', 'master equation']);
    expect(Array.from(b.series[9].y)).toEqual(Array.from(linePanel(data, 'a-path').series[0].x));
    // all start where the master equation starts (Re⟨a⟩ ≈ 2 of the normalized |α0 = 2⟩) and then
    // differ: the backaction of the measurement
    expectClose(b.series[9].y[0], b.series[13].y[0], { atol: 1e-12 });
    expectClose(b.series[13].y[0], 2, { atol: 5e-3 }); // 1.9961: the cutoff 12 trims the tail
    expect(Math.abs(b.series[0].y[49] - b.series[1].y[49])).toBeGreaterThan(1e-3);
    // the steady-state Q(α) holds (nearly) all probability on [−4, 4]²
    const a = heatmapPanel(data, 'a');
    const cell = (a.x[1] - a.x[0]) ** 2;
    expectClose(a.values.reduce((s, v) => s + v * cell, 0), 1, { atol: 3e-3 });
  });

  it('fails for every unraveling when the trajectories rotate 5 % too fast (ω × 1.05 in the trajectories only)', async () => {
    // worst |z| of the order of heterodyne 5, homodyne 100, photon counting 900 (the counting and
    // homodyne ensembles of a near-coherent state spread little, so their SE is small)
    const { data } = await broken;
    const zStar = numberParameter(data, 'familyWiseZ');
    for (const u of UNRAVELINGS) {
      expect(Math.max(worstZ(data, u, '⟨x⟩'), worstZ(data, u, '⟨p⟩'))).toBeGreaterThan(zStar);
    }
    // against the scheme's own expectation too (explicit Euler of the right master equation)
    expect(numberParameter(data, 'worstZEulerHeterodyne')).toBeGreaterThan(zStar);
    expect(numberParameter(data, 'worstZEulerHomodyne')).toBeGreaterThan(zStar);
    // and the fraction of times within 2 SE drops below 0.85, three binomial deviations under the
    // 0.95 of 49 independent times (here 0.73; the right run's is 0.98)
    expect(check(data, 'heterodyne: fraction of output times where the mean of ⟨p⟩').value).toBeLessThan(0.85);
  });

  it('reports the step bias of a step 20× coarser (dt = 2e-3) beyond 1 SE, while the mean still equals explicit Euler at that dt', async () => {
    // step bias ∝ dt: homodyne's Im⟨a⟩ at t = 0.02, −0.13·dt, is 0.19 SE at dt = 1e-4 and 4.3 SE at
    // 2e-3 (heterodyne's Re⟨a⟩: 0.09 and 1.5), enough to fail the check against the master equation
    // (homodyne 4.5 > z*); the trajectories' mean is Euler's at that dt (the noise terms have mean 0),
    // so the comparison with Euler stays within z* (2.9, 2.5)
    const { data } = await coarse;
    const zStar = numberParameter(data, 'familyWiseZ');
    expect(numberParameter(data, 'stepBiasZhomodyne')).toBeGreaterThan(2);
    expect(numberParameter(data, 'stepBiasZheterodyne')).toBeGreaterThan(1);
    expect(numberParameter(data, 'worstZhomodyne')).toBeGreaterThan(zStar);
    expect(numberParameter(data, 'worstZEulerHomodyne')).toBeLessThan(zStar);
    expect(numberParameter(data, 'worstZEulerHeterodyne')).toBeLessThan(zStar);
    expect(() => measuredVanDerPolRecipe(1, 3e-3)).toThrow(/'dt' must divide the output step 0.02, got 0.003/);
  });

  it('refuses a bad scale', () => {
    expect(() => figure42.run({ scale: 0 })).toThrow(/'scale'/);
  });
});
