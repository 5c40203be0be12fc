import { describe, expect, it } from 'vitest';
import { figure44 } from './figure-4-4';
import { check, linePanel, numberParameter, runFigure } from './test-support/run-figure';

describe('figure 4.4', () => {
  // one run at scale 0.2 (~4 s) serves both tests
  const run = runFigure(figure44, { scale: 0.2 });

  it('shows the spectra of two quantum vdP oscillators pulled together by the coupling', async () => {
    const { data, stages } = await run;
    expect([numberParameter(data, 'cutoff'), numberParameter(data, 'frequencies')]).toEqual([8, 49]);
    expect(stages.has('spectra, V = 1δ, S_A by the Fourier route')).toBe(true);
    expect(linePanel(data, 'a').series).toHaveLength(9);
    // two independent routes (linear solves vs Dormand–Prince τ-evolution at rtol 1e-10): ~1e-10;
    // a Fourier sign error or a missing factor 2 is O(1)
    expect(check(data, 'Fourier route vs resolvent').value).toBeLessThan(1e-7);
    // exact symmetries: rounding of the solves (~1e-13)
    expect(check(data, 'S_B(ω) vs S_A(−ω)').value).toBeLessThan(1e-10);
    expect(check(data, 'asymmetry of S_A about +δ/2').value).toBeLessThan(1e-10);
    // the parabola through symmetric neighbours peaks at their centre: rounding
    expect(Math.abs(check(data, 'peak of S_A at the bare frequency').value - 2.5)).toBeLessThan(1e-9);
    expect(check(data, 'peaks approach').value).toBe(0);
    // entrainment: the separation shrinks from δ towards 0 (at 2δ below δ/10)
    expect(numberParameter(data, 'peakA_V2delta') - numberParameter(data, 'peakB_V2delta')).toBeLessThan(0.5);
  });

  it('measures the spectrum of the heterodyne current as κS(ω) + 1 (Eq. 4.16) within its statistical error', async () => {
    // scale 0.2: cutoff 4, 1000 time units (19 segments; windows of δ/10 hold 4 bins, so each
    // window mean has a relative error 1/√76 ≈ 11 %), 41 windows on [−2δ, 2δ]
    const { data, stages } = await run;
    expect(stages.has('heterodyne currents, V = 1δ')).toBe(true);
    expect([numberParameter(data, 'measurementCutoff'), numberParameter(data, 'measurementSegments')]).toEqual([4, 19]);
    expect(linePanel(data, 'a').series[8].points).toBe(true);
    // χ²/dof = 0.85 (seed 1; 1.21 at seed 2) with SE √(2/41) = 0.22: within 4 SE of 1. Against κS
    // without the +1 of Eq. (4.16) it is 1.7e4, against 2κS + 1 (κ → 2κ in the current) 2.5; the
    // current scaled by √2 (noise floor 2) gives 76
    const chi2 = check(data, 'χ²/dof of the window means');
    expect(Math.abs(chi2.value - 1)).toBeLessThan(4 * (chi2.standardError ?? 0));
    // the largest window deviation (0.40 here) is within 4 window errors (0.115 each)
    const worst = check(data, 'largest |S^m − (κS + 1)|/(κS + 1)');
    expect(worst.value).toBeLessThan(4 * (worst.standardError ?? 0));
    // the white noise of Eq. (3.15) alone gives 1 (0.985 ± 0.010); a current √2 too loud gives 2
    const floor = check(data, 'heterodyne noise floor');
    expect(Math.abs(floor.value - 1)).toBeLessThan(4 * (floor.standardError ?? 0));
  });

  it('refuses a bad scale', () => {
    expect(() => figure44.run({ scale: 0 })).toThrow(/'scale'/);
  });
});
