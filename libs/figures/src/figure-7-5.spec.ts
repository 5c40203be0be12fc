import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { figure75 } from './figure-7-5';
import { check, expectStopsWhenUnsubscribed, heatmapPanel, linePanel, numberParameter, runFigure } from './test-support/run-figure';

describe('figure 7.5', () => {
  it('detuning the cavity by 10⁻³κ makes the two traveling-wave peaks unequal, mirrored at −10⁻³κ', async () => {
    // scale 0.15: 6 detunings in (a); the cuts at ±10⁻³κ and 0 are computed at full accuracy
    const { data, stages } = await runFigure(figure75, { scale: 0.15 });
    expect(stages).toEqual(new Set(['(a) spectra', '(b) cut']));
    expect(numberParameter(data, 'detuningPoints')).toBe(6);

    // unequal peaks at +10⁻³κ (measured 0.75 in the e^{−iωτ} convention: the ω < 0 line is the higher);
    // without the detuning term in the model (or at 0) the ratio is 1 to rounding
    const ratio = numberParameter(data, 'heightRatio');
    expect(Math.abs(Math.log(ratio))).toBeGreaterThan(0.1);
    expectClose(check(data, 'ωc − ωs = 0: height').value, 1, { rtol: 1e-9 });
    // mirrored at −10⁻³κ: the ratios multiply to 1 and the spectra are mirror images to rounding
    expectClose(check(data, 'peak-height ratio').value, 1, { rtol: 1e-9 });
    expect(check(data, 'mirror image').value).toBeLessThan(1e-9);
    // ωc − ωs ≪ κ barely moves the lines (App. 7.B): measured 0.3 %
    expect(check(data, 'relative move of the peaks').value).toBeLessThan(0.01);
    expect(numberParameter(data, 'peakPlus')).toBeGreaterThan(0.18);
    expect(numberParameter(data, 'peakMinus')).toBeLessThan(-0.18);

    // (a) is mirror-symmetric under (detuning, ω) → (−detuning, −ω)
    const a = heatmapPanel(data, 'a');
    const nx = a.x.length;
    const ny = a.y.length;
    let worst = 0;
    for (let ix = 0; ix < nx; ix++) for (let iy = 0; iy < ny; iy++) worst = Math.max(worst, Math.abs(a.values[iy * nx + ix] - a.values[(ny - 1 - iy) * nx + (nx - 1 - ix)]));
    expect(worst).toBeLessThan(1e-8);
    expect(linePanel(data, 'b').series).toHaveLength(2);
  }, 120_000);

  it('stops when unsubscribed', async () => {
    await expectStopsWhenUnsubscribed(figure75);
  });
});
