import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { figure27 } from './figure-2-7';
import { check, linePanel, numberParameter, runFigure } from './test-support/run-figure';

/** Lorentzian quantiles ω_j = G tan(π((j + ½)/N − ½)), G = 1, as the caption's choice states. */
const quantiles = (n: number) => Float64Array.from({ length: n }, (_, j) => Math.tan(Math.PI * ((j + 0.5) / n - 0.5)));

describe('figure 2.7', () => {
  it('shows 32 phases and z: spread below V = 2G, and far above locked at arcsin(ω_j/(V|z|)) (Eqs. 2.22, 2.35)', async () => {
    const { data } = await runFigure(figure27, {});
    expect(data.panels.map((p) => p.name)).toEqual(['a', 'b']);
    for (const name of ['a', 'b']) {
      const [circle, dots, z] = linePanel(data, name).series;
      expect(circle.x).toHaveLength(361);
      expect(dots.x).toHaveLength(32);
      // the drawing: the star sits at the mean of the dots (Eq. 2.30)
      const mean = [dots.x.reduce((a, b) => a + b) / 32, dots.y.reduce((a, b) => a + b) / 32];
      expectClose([z.x[0], z.y[0]], mean, { atol: 1e-14 });
    }

    // (b) V = 10G. The locked state, solved here on its own from the quantile frequencies: r = F(r),
    // F(r) = (1/N) Σ_{|ω| < Vr} √(1 − (ω/(Vr))²), by fixed-point iteration from r = 1 (F is a
    // contraction near the stable root)
    const omega = quantiles(32);
    let r = 1;
    for (let k = 0; k < 200; k++) {
      let s = 0;
      for (const w of omega) if (Math.abs(w) < 10 * r) s += Math.sqrt(1 - (w / (10 * r)) ** 2);
      r = s / 32;
    }
    expect(numberParameter(data, 'lockedOscillatorsB')).toBe(omega.filter((w) => Math.abs(w) < 10 * r).length);
    expect(numberParameter(data, 'lockedOscillatorsB')).toBe(30);
    const lockedAbs = check(data, '(b) |z| of the 30 locked');
    expectClose(lockedAbs.expected, r, { rtol: 1e-12 });
    // the two drifters (|ω| ≈ 20G, weight V/N each, turning at Ω ≈ √(ω² − (V|z|)²) ≈ 18 relative to
    // the locked ones) shake every locked phase by ≲ 2V/(NΩ) ≈ 0.034 rad; |z| of the locked ones moves
    // only to second order (the first cancels between ±θ_j): 0.01 and 0.04 rad
    expect(Math.abs(lockedAbs.value - lockedAbs.expected)).toBeLessThan(0.01);
    expect(check(data, 'arcsin(ω_j/(V|z|))').value).toBeLessThan(0.04);
    // the whole snapshot's |z| adds the drifters' 2/N at most
    expect(Math.abs(numberParameter(data, 'absZB') - r)).toBeLessThan(2 / 32 + 0.01);

    // (a) V = G < 2G: no locked state exists for these frequencies (F(r) < r for every r > 0) and the
    // phases stay incoherent: |z|² ~ 1/(N(1 − V/2G)) = 1/16, so |z| > 0.6 has probability ~e^{−5.8}
    for (let q = 0.001; q <= 1; q += 0.001) {
      let s = 0;
      for (const w of omega) if (Math.abs(w) < q) s += Math.sqrt(1 - (w / q) ** 2);
      expect(s / 32).toBeLessThan(q);
    }
    expect(numberParameter(data, 'absZA')).toBeLessThan(0.6);
  });

  it('gives the same picture for the same seed and another for another seed', async () => {
    const one = linePanel((await runFigure(figure27, { seed: 3 })).data, 'a').series[1].x;
    const again = linePanel((await runFigure(figure27, { seed: 3 })).data, 'a').series[1].x;
    const other = linePanel((await runFigure(figure27, { seed: 4 })).data, 'a').series[1].x;
    expect(Array.from(again)).toEqual(Array.from(one));
    expect(other[0]).not.toBe(one[0]);
  });

  it('refuses a bad seed', () => {
    expect(() => figure27.run({ seed: 1.5 })).toThrow(/'seed'/);
  });
});
