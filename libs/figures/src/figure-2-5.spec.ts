import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { figure25 } from './figure-2-5';
import { check, linePanel, numberParameter, runFigure, standardError } from './test-support/run-figure';

describe('figure 2.5', () => {
  it('shows the observed frequency difference against Eq. 2.23 and the exact noisy mean velocity, and the spectra', async () => {
    const { data, stages } = await runFigure(figure25, { scale: 0.1 });
    expect(stages.has('frequency sweep')).toBe(true);
    expect(stages.has('spectra, V = 0')).toBe(true);
    expect([numberParameter(data, 'detunings'), numberParameter(data, 'noisyRealizations'), numberParameter(data, 'spectrumRealizations')]).toEqual([11, 20, 100]);

    // (a) the noise-free points against √(δ² − V²) (Eq. 2.23), computed here
    const a = linePanel(data, 'a');
    expect(a.series.map((s) => s.name)).toEqual([
      'bare detuning δ',
      'noise-free √(δ² − V²) (Eq. 2.23)',
      'noise-free, simulated',
      'σ² = 0.2V, simulated',
      'σ² = 0.2V, exact (Fokker–Planck)',
      'σ² = 1V, simulated',
      'σ² = 1V, exact (Fokker–Planck)',
    ]);
    const clean = a.series[2];
    expectClose(clean.x, [-3, -2.4, -1.8, -1.2, -0.6, 0, 0.6, 1.2, 1.8, 2.4, 3], { atol: 1e-14 });
    const adler = (x: Float64Array) => x.map((d) => Math.sign(d) * Math.sqrt(Math.max(0, d * d - 1)));
    // the drawn closed form is Eq. 2.23 (to rounding: it is evaluated as √((|δ| − V)(|δ| + V)))
    expectClose(a.series[1].y, adler(a.series[1].x), { atol: 1e-14 });
    // least-squares slope over 400 time units of a periodic ramp: error ~ amplitude·period/400² ≲ 4e-4;
    // SRA at 0.05 of the fastest time scale adds less (1e-4 observed)
    expectClose(clean.y, adler(clean.x), { atol: 1e-3 });
    expect(check(data, 'noise-free frequency difference').value).toBeLessThan(1e-3);
    // noise only pulls the frequencies together (Fig. 2.5a): at δ = 1.2V, σ² = V the mean velocity is
    // above the noise-free 0.66 (phase slips inside and outside) and below δ
    const noisy = a.series[5];
    expect(noisy.y[7]).toBeGreaterThan(0.66);
    expect(noisy.y[7]).toBeLessThan(1.2);
    // noisy points against the exact velocity, each t from 20 independent realizations (ν = 19): the mean
    // t² over the 11 detunings at most 4 of its errors above 19/17
    for (const ratio of ['0.2', '1']) {
      const c = check(data, `σ² = ${ratio}V, vs the exact mean velocity`);
      expectClose(c.expected, 19 / 17, { rtol: 1e-14 });
      expect(c.value - c.expected).toBeLessThan(4 * standardError(c));
    }

    // (b) spectra in bins of 0.05δ on |ω| ≤ 1.5δ; ∫S dω/2π = g(0) = 1, of which the Lorentzian tails
    // beyond |ω − δ/2| = 1 hold (2/π)·γ ≈ 0.03
    const b = linePanel(data, 'b');
    expect(b.series).toHaveLength(8);
    expect(b.series[0].name).toBe('S_A, V = 0');
    expect(b.series[0].x).toHaveLength(61);
    const power = b.series[0].y.reduce((s, v) => s + (v * 0.05) / (2 * Math.PI), 0);
    expect(power).toBeGreaterThan(0.93);
    expect(power).toBeLessThan(1.0);
    // frequency pulling: the peak of S_A moves from δ/2 towards 0 as V grows
    const peaks = [0, 0.5, 1, 2].map((V) => numberParameter(data, `peakA_V${V}`));
    expect(peaks[0]).toBeGreaterThan(peaks[1]);
    expect(peaks[1]).toBeGreaterThan(peaks[2]);
    expect(Math.abs(peaks[3])).toBeLessThan(0.05);

    // V = 0: dφ_A = (δ/2) dt + (σ/√2) dW_A (Eq. 2.24), so D = (σ/√2)²/2 = σ²/4 = 0.05 at σ² = δ/5; the
    // fitted centres at ±δ/2 and half widths at D, each within 4 of its jackknife errors from this run
    const D = (Math.sqrt(0.2) / Math.SQRT2) ** 2 / 2;
    const centreA = check(data, 'centre of the S_A line');
    const centreB = check(data, 'centre of the S_B line');
    expect([centreA.expected, centreB.expected]).toEqual([0.5, -0.5]);
    for (const c of [centreA, centreB]) expect(Math.abs(c.value - c.expected)).toBeLessThan(4 * standardError(c));
    for (const name of ['half width of S_A', 'half width of S_B']) {
      const w = check(data, name);
      expectClose(w.expected, D, { rtol: 1e-14 });
      expect(Math.abs(w.value - w.expected)).toBeLessThan(4 * standardError(w));
    }
  });

  it('refuses a bad scale', () => {
    expect(() => figure25.run({ scale: 2 })).toThrow(/'scale'/);
  });
});
