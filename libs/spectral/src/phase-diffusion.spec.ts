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
  // 128 × 8192 samples at Δt = 0.1 (D·Δt = 0.05: 20 samples per correlation time). Across
  // seeds the fitted width scatters by 1.1 % (8 seeds), so 5 % is over 4σ.
  const R = 128;
  const N = 8192;
  const dt = 0.1;
  const D = 0.5;
  const omega0 = 2;
  const K = 128; // τ_max = 12.8: g has decayed to e^{−6.4} ≈ 0.002
  const x = phaseDiffusion(R, N, omega0, D, dt, 777);
  const { tau, g } = twoTimeCorrelation(x, { realizations: R, samples: N, maxLag: K, dt, complex: true });

  it('has g(τ) = e^{iω₀τ − Dτ} within its statistical error', () => {
    // Standard error per lag from the scatter of the R independent per-realization estimates
    // (their mean is g): SE = std_r/√R. 4.5 SE per component and lag keeps a false alarm over
    // 2·129 correlated checks below ~1e-3.
    const per = Array.from(
      { length: R },
      (_, r) =>
        twoTimeCorrelation(x.subarray(2 * r * N, 2 * (r + 1) * N), {
          realizations: 1,
          samples: N,
          maxLag: K,
          complex: true,
        }).g,
    );
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

  it('has a Lorentzian spectrum at +ω₀ whose fitted half width is D within 5 %', () => {
    // nfft = 1024: Δω = 2π/(1024·0.1) ≈ 0.06, eight samples per half width; the fit range ±10D
    // holds 160 of them. Discretisation error of the lag sum, (Δ² + D²)Δt²/12, is < 0.1 % within
    // ±1.5D, where the width is decided (2 % at the ends of the range, where S is 1 % of its peak).
    const { omega, density } = spectrumFromCorrelation(g, { dt, nfft: 1024 });
    const peak = dominantFrequency(omega, density);
    expect(Math.abs(peak.omega - omega0)).toBeLessThan(0.1 * D);
    const fit = fitLorentzian(omega, density, { range: [omega0 - 10 * D, omega0 + 10 * D] });
    expectClose(fit.halfWidth, D, { rtol: 0.05 });
    // the mean frequency of the ensemble scatters by √(2D/T) ≈ 0.003: 0.025 is 8σ
    expectClose(fit.center, omega0, { atol: 0.05 * D });
    // area = g(0) = 1 for the model; the fitted one scatters with the width (same correlations)
    expectClose(fit.area, 1, { rtol: 0.05 });
  });
});
