import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { periodogram } from './periodogram';
import { spectrumFromCorrelation } from './spectrum-from-correlation';
import { complexWhiteNoise } from './test-support/signals';
import { twoTimeCorrelation } from './two-time-correlation';
import { windowFunction } from './window-function';

/** g_k = e^{iω₀τ_k − Dτ_k}, k = 0 … K, interleaved. */
function phaseDiffusionCorrelation(K: number, dt: number, omega0: number, D: number): Float64Array {
  const g = new Float64Array(2 * (K + 1));
  for (let k = 0; k <= K; k++) {
    const tau = k * dt;
    g[2 * k] = Math.exp(-D * tau) * Math.cos(omega0 * tau);
    g[2 * k + 1] = Math.exp(-D * tau) * Math.sin(omega0 * tau);
  }
  return g;
}

describe('spectrumFromCorrelation', () => {
  it('turns white-noise correlation g = δ into the flat density Δτ·g(0) (doc example)', () => {
    const { omega, density } = spectrumFromCorrelation(Float64Array.of(1, 0, 0, 0, 0, 0), {
      dt: 0.5,
    });
    expect(density.length).toBe(8); // smallest power of two ≥ 2K + 1 = 5
    expectClose(omega[0], -Math.PI / 0.5, { rtol: 1e-15 });
    expectClose(density, new Array(8).fill(0.5), { rtol: 1e-15 });
  });

  it('gives the Lorentzian 2D/((ω − ω₀)² + D²) for g = e^{iω₀τ − D|τ|} (thesis Eq. 2.16)', () => {
    const dt = 0.01;
    const D = 1;
    const omega0 = 5;
    const K = 2000; // τ_max = 20: truncated tail ≤ 2Δτ e^{−DKΔτ}/(1 − e^{−DΔτ}) ≈ 4e-9
    const { omega, density } = spectrumFromCorrelation(
      phaseDiffusionCorrelation(K, dt, omega0, D),
      { dt },
    );
    expect(density.length).toBe(4096);
    // (1) The trapezoidal sum over all lags has the closed form Δτ·sinh(DΔτ)/(cosh(DΔτ) − cos(ΔΔτ))
    //     (Δ = ω − ω₀); only the truncation (≤ 4e-9 absolute) and rounding separate us from it.
    const discrete = Array.from(
      omega,
      (w) => (dt * Math.sinh(D * dt)) / (Math.cosh(D * dt) - Math.cos((w - omega0) * dt)),
    );
    expectClose(density, discrete, { rtol: 1e-12, atol: 5e-9 });
    // (2) That closed form is the Lorentzian to relative (Δ² + D²)Δτ²/12 (expand sinh, cosh, cos);
    //     checked where the Lorentzian is ≥ 2e-3, |Δ| ≤ 30, with 20 % slack on the error term
    //     and the truncation (≤ 2e-6 relative there) added.
    let checked = 0;
    for (let j = 0; j < omega.length; j++) {
      const d = omega[j] - omega0;
      if (Math.abs(d) > 30) continue;
      const lorentzian = (2 * D) / (d * d + D * D);
      expectClose(density[j], lorentzian, { rtol: (1.2 * (d * d + D * D) * dt * dt) / 12 + 2e-6 });
      checked++;
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('keeps Σ S Δω/2π = Re g(0) exactly, with or without a lag window', () => {
    const g = phaseDiffusionCorrelation(100, 0.1, -2, 0.3);
    g[1] = 0.7; // Im g(0) is ignored
    for (const window of ['rectangular', 'hann', 'blackman'] as const) {
      const { omega, density } = spectrumFromCorrelation(g, { dt: 0.1, window, nfft: 512 });
      let s = 0;
      for (const v of density) s += v;
      expectClose((s * (omega[1] - omega[0])) / (2 * Math.PI), 1, { rtol: 1e-13 }); // FFT rounding
    }
  });

  it('applies the lag window w_k to g_k: equals Δτ[Re g₀ + 2Σ w_k Re(g_k e^{−iωτ_k})] by direct sums', () => {
    const K = 30;
    const dt = 0.2;
    const g = phaseDiffusionCorrelation(K, dt, 1.5, 0.4);
    const named = windowFunction('hann', 2 * K + 1, { periodic: false }).subarray(K);
    expect(named[0]).toBe(1);
    const explicit = Float64Array.from({ length: K + 1 }, (_, k) => Math.exp(-0.01 * k * k));
    for (const [window, w] of [
      ['hann', named],
      [explicit, explicit],
    ] as const) {
      const { omega, density } = spectrumFromCorrelation(g, { dt, window, nfft: 128 });
      const direct = Array.from(omega, (om) => {
        let s = w[0] * g[0];
        for (let k = 1; k <= K; k++) {
          const c = Math.cos(om * k * dt);
          const sn = Math.sin(om * k * dt);
          s += 2 * w[k] * (g[2 * k] * c + g[2 * k + 1] * sn); // Re(g e^{−iωτ})
        }
        return dt * s;
      });
      expectClose(density, direct, { rtol: 1e-12, atol: 1e-14 }); // sums of 31 O(1) terms
    }
  });

  it('of the biased sample correlation equals the periodogram (Wiener–Khinchin)', () => {
    const n = 40;
    const dt = 0.3;
    const x = complexWhiteNoise(n, 1, 9);
    // twoTimeCorrelation is unbiased (÷(n − k)); the periodogram belongs to the biased one (÷n)
    const { g } = twoTimeCorrelation(x, { realizations: 1, samples: n, maxLag: n - 1, complex: true });
    for (let k = 0; k < n; k++) {
      g[2 * k] *= (n - k) / n;
      g[2 * k + 1] *= (n - k) / n;
    }
    const a = spectrumFromCorrelation(g, { dt, nfft: 128 });
    const b = periodogram(x, { dt, nfft: 128, complex: true, window: 'rectangular' });
    expectClose(a.omega, b.omega, { rtol: 0 });
    expectClose(a.density, b.density, { rtol: 1e-11, atol: 1e-13 }); // two FFT routes, O(1) values
  });

  it('rejects bad input, naming the parameter', () => {
    const g = Float64Array.of(1, 0, 0.5, 0.1);
    expect(() => spectrumFromCorrelation(g, undefined as unknown as { dt: number })).toThrow(
      "spectrumFromCorrelation: argument 'config' must be an object, got undefined",
    );
    expect(() => spectrumFromCorrelation(Float64Array.of(1, 0, 1), { dt: 1 })).toThrow(
      "spectrumFromCorrelation: argument 'g' must hold interleaved (re, im) pairs (even length ≥ 2), got length 3",
    );
    expect(() => spectrumFromCorrelation(g, { dt: Infinity })).toThrow(
      "spectrumFromCorrelation: option 'dt' must be a finite number > 0, got Infinity",
    );
    expect(() => spectrumFromCorrelation(g, { dt: 1, nfft: 3 })).toThrow(
      "spectrumFromCorrelation: option 'nfft' must be a power of two ≥ 2, got 3",
    );
    expect(() => spectrumFromCorrelation(g, { dt: 1, nfft: 2 })).toThrow(
      "spectrumFromCorrelation: option 'nfft' must be ≥ 2K + 1 = 3 for K + 1 = 2 lags, got 2",
    );
    expect(() => spectrumFromCorrelation(g, { dt: 1, window: new Float64Array(3) })).toThrow(
      "spectrumFromCorrelation: option 'window' must have length 2 (one weight per lag), got length 3",
    );
  });
});
