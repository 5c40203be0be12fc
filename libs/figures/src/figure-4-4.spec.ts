import { describe, expect, it } from 'vitest';
import { figure44 } from './figure-4-4';
import { check, linePanel, numberParameter, runFigure } from './test-support/run-figure';

describe('figure 4.4', () => {
  it('shows the spectra of two quantum vdP oscillators pulled together by the coupling', async () => {
    const { data, stages } = await runFigure(figure44, { scale: 0.2 });
    expect([numberParameter(data, 'cutoff'), numberParameter(data, 'frequencies')]).toEqual([8, 49]);
    expect(stages.has('spectra, V = 1δ, S_A by the Fourier route')).toBe(true);
    expect(linePanel(data, 'a').series).toHaveLength(8);
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

  it('refuses a bad scale', () => {
    expect(() => figure44.run({ scale: 0 })).toThrow(/'scale'/);
  });
});
