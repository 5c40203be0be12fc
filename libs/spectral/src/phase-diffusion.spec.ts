import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { dominantFrequency } from './dominant-frequency';
import { fitLorentzian } from './fit-lorentzian';
import { spectrumFromCorrelation } from './spectrum-from-correlation';
import { phaseDiffusion } from './test-support/signals';
import { twoTimeCorrelation } from './two-time-correlation';

/**
 * Thesis Eqs. (2.15)–(2.16) end to end: x = e^{iφ} with φ a Brownian motion of drift ω₀ and
 * diffusion D has g(τ) = e^{iω₀τ − D|τ|}, whose spectrum is a Lorentzian at +ω₀ of half
 * width D (full width 2D).
 */
describe('phase diffusion (thesis Eq. 2.16)', () => {
  // The width is estimated from how fast g(τ) decays near τ ~ 1/D, and ĝ(τ) there has a
  // relative error of roughly √((2τ + 1/D)/T)/g(τ) for a total observed time T = R·N·Δt
  // (overlapping time averages). Reaching ~1 % in D needs T ≈ 10⁵ time units, here
  // 128 × 8192 samples at Δt = 0.1 (D·Δt = 0.05: 20 samples per correlation time).
  const R = 128;
  const N = 8192;
  const dt = 0.1;
  const D = 0.5;
  const omega0 = 2;
  const K = 128; // τ_max = 12.8: g has decayed to e^{−6.4} ≈ 0.002
  const x = phaseDiffusion(R, N, omega0, D, dt, 777);
  const { tau, g } = twoTimeCorrelation(x, { realizations: R, samples: N, maxLag: K, dt, complex: true });
  // the R independent per-realization estimates, whose mean is g (every one has the same pairs per lag)
  const per = Array.from(
    { length: R },
    (_, r) =>
      twoTimeCorrelation(x.subarray(2 * r * N, 2 * (r + 1) * N), {
        realizations: 1,
        samples: N,
        maxLag: K,
        dt,
        complex: true,
      }).g,
  );

  it('has g(τ) = e^{iω₀τ − Dτ} within its statistical error', () => {
    // Standard error per lag from the scatter of the R independent per-realization estimates
    // (their mean is g): SE = std_r/√R. 4.5 SE per component and lag keeps a false alarm over
    // 2·129 correlated checks below ~1e-3.
    let worst = 0;
    for (let k = 0; k <= K; k++) {
      const exact = [
        Math.exp(-D * tau[k]) * Math.cos(omega0 * tau[k]),
        Math.exp(-D * tau[k]) * Math.sin(omega0 * tau[k]),
      ];
      for (let c = 0; c < 2; c++) {
        const mean = g[2 * k + c];
        let v = 0;
        for (const gr of per) v += (gr[2 * k + c] - mean) ** 2 / (R - 1);
        const se = Math.sqrt(v / R);
        expect(Math.abs(mean - exact[c])).toBeLessThan(4.5 * se + 1e-12);
        worst = Math.max(worst, Math.abs(mean - exact[c]));
      }
    }
    expectClose(g[0], 1, { rtol: 1e-12 }); // |e^{iφ}|² = 1 exactly
    expect(worst).toBeLessThan(0.05); // and the statistical error itself is small
  });

  it('has a Lorentzian spectrum at +ω₀ whose fitted half width is D, centre ω₀ and area 1, within 4 SE', () => {
    // nfft = 1024: Δω = 2π/(1024·0.1) ≈ 0.06, eight samples per half width; the fit range ±10D
    // holds 160 of them. Discretisation error of the lag sum, (Δ² + D²)Δt²/12, is < 0.1 % within
    // ±1.5D, where the width is decided (2 % at the ends of the range, where S is 1 % of its peak):
    // a bias below 0.1 SE.
    const fitOf = (c: Float64Array) => {
      const { omega, density } = spectrumFromCorrelation(c, { dt, nfft: 1024 });
      return fitLorentzian(omega, density, { range: [omega0 - 10 * D, omega0 + 10 * D] });
    };
    const { omega, density } = spectrumFromCorrelation(g, { dt, nfft: 1024 });
    const peak = dominantFrequency(omega, density);
    expect(Math.abs(peak.omega - omega0)).toBeLessThan(0.1 * D);
    const fit = fitOf(g);
    // Standard errors of this run: jackknife over 16 groups of 8 realizations (independent),
    // leaving out one group's share of g at a time. 4 SE: a false alarm ~1e-3 per parameter.
    const G = 16;
    const groups = Array.from({ length: G }, (_, j) => {
      const m = new Float64Array(g.length);
      for (let r = j * (R / G); r < (j + 1) * (R / G); r++) for (let i = 0; i < m.length; i++) m[i] += per[r][i] / (R / G);
      return m;
    });
    const leaveOut = groups.map((grp) => fitOf(g.map((v, i) => (G * v - grp[i]) / (G - 1))));
    const se = (value: (f: typeof fit) => number) => {
      const v = leaveOut.map(value);
      const m = v.reduce((a, b) => a + b, 0) / G;
      return Math.sqrt(((G - 1) / G) * v.reduce((a, b) => a + (b - m) ** 2, 0));
    };
    const seWidth = se((f) => f.halfWidth);
    // ≈ 1 % of D: the run tells D from the full width 2D or from D/2 by far
    expect(seWidth).toBeLessThan(0.03 * D);
    expect(Math.abs(fit.halfWidth - D)).toBeLessThan(4 * seWidth);
    expect(Math.abs(fit.center - omega0)).toBeLessThan(4 * se((f) => f.center));
    // area = g(0) = 1 for the model (Σ S Δω/2π = Re g(0) exactly, but the line is fitted on ±10D)
    expect(Math.abs(fit.area - 1)).toBeLessThan(4 * se((f) => f.area));
  });
});
