import { describe, expect, it } from 'vitest';
import { createRng } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { periodogram } from './periodogram';
import { complexWhiteNoise, realWhiteNoise } from './test-support/signals';
import { welch } from './welch';
import { windowFunction } from './window-function';

describe('welch', () => {
  it('averages two identical segments of a tone (doc example)', () => {
    const x = Float64Array.of(1, 0, 0, 1, -1, 0, 0, -1, 1, 0, 0, 1, -1, 0, 0, -1);
    const s = welch(x, { dt: 1, segmentLength: 4, overlap: 0, window: 'rectangular', complex: true });
    expect(s.segments).toBe(2);
    expectClose(s.omega, [-Math.PI, -Math.PI / 2, 0, Math.PI / 2], { rtol: 1e-15 });
    expectClose(s.density, [0, 0, 0, 4], { atol: 1e-14 }); // rounding of 4-term sums
  });

  it('is the mean of the periodograms of its segments (hop from overlap, tail dropped, realizations)', () => {
    const L = 16;
    const n = 100;
    const x = complexWhiteNoise(2 * n, 1, 5); // two realizations of 100 samples
    for (const [overlap, hop, count] of [
      [0, 16, 6],
      [0.5, 8, 11],
      [0.75, 4, 22],
    ]) {
      const s = welch(x, { dt: 0.5, segmentLength: L, overlap, realizations: 2, complex: true });
      expect(s.segments).toBe(2 * count);
      const mean = new Float64Array(L);
      for (let r = 0; r < 2; r++) {
        for (let start = 0; start + L <= n; start += hop) {
          const seg = x.subarray(2 * (r * n + start), 2 * (r * n + start + L));
          const p = periodogram(seg, { dt: 0.5, window: 'hann', complex: true });
          for (let j = 0; j < L; j++) mean[j] += p.density[j] / (2 * count);
        }
      }
      // same products, summed in another order: rounding of ~22 terms
      expectClose(s.density, mean, { rtol: 1e-13 });
    }
  });

  it('gives white noise of variance s² the flat density s²·Δt (complex and real)', () => {
    // 256 independent segments (overlap 0) of 64 bins. Each periodogram ordinate of Gaussian
    // noise is exponential (std = mean), so the per-bin relative std is 1/√256 = 1/16: 5σ = 0.31.
    // The mean over bins (hann: neighbouring bins correlated, ~64/1.5 independent ones) has
    // relative std ≈ 1/√(256·43) ≈ 0.0096 (complex) and, for real data whose density is
    // symmetric, about √2 of that: 0.05 is over 3.5σ for both.
    const s = 1.5;
    const dt = 0.2;
    const L = 64;
    const complex = welch(complexWhiteNoise(256 * L, s, 21), { dt, segmentLength: L, overlap: 0, complex: true });
    // a bare Float64Array is real by default
    const real = welch(realWhiteNoise(256 * L, s, 22), { dt, segmentLength: L, overlap: 0 });
    for (const est of [complex, real]) {
      expect(est.segments).toBe(256);
      const flat = s * s * dt;
      let mean = 0;
      for (let j = 0; j < L; j++) {
        mean += est.density[j] / L;
        // real data: bins 0 and −π are χ²₁ (twice the variance): 5σ·√2 covers them too
        expectClose(est.density[j], flat, { rtol: 0.31 * Math.SQRT2 });
      }
      expectClose(mean, flat, { rtol: 0.05 });
    }
  });

  it('recovers the spectrum of a sampled Ornstein–Uhlenbeck (AR(1)) process', () => {
    // x_{n+1} = a x_n + √(1 − a²) ε_n, a = e^{−θΔt}: the exact sampling of an OU process of
    // rate θ and unit variance; r_k = a^{|k|}, S(ω) = Δt(1 − a²)/(1 − 2a cos ωΔt + a²).
    const theta = 1;
    const dt = 0.1;
    const a = Math.exp(-theta * dt);
    const n = 1 << 16;
    const L = 256;
    const rng = createRng(2024);
    const eps = new Float64Array(n);
    rng.fillGaussianInto(eps);
    const x = new Float64Array(n);
    x[0] = eps[0]; // stationary start: variance 1
    const kick = Math.sqrt(1 - a * a);
    for (let i = 1; i < n; i++) x[i] = a * x[i - 1] + kick * eps[i];

    const est = welch(x, { dt, segmentLength: L, complex: false });
    const K = est.segments;
    expect(K).toBe((n - L) / (L / 2) + 1); // 511

    // Exact expectation of a Hann-windowed segment periodogram:
    // E S(ω) = Δt/Σw² · Σ_k r_k c_k e^{−iωkΔt}, c_k = Σ_n w_{n+k} w_n (the window's autocorrelation).
    const w = windowFunction('hann', L);
    let w2 = 0;
    for (let i = 0; i < L; i++) w2 += w[i] * w[i];
    const c = new Float64Array(L);
    for (let k = 0; k < L; k++) for (let i = 0; i + k < L; i++) c[k] += w[i + k] * w[i];
    const expected = Array.from(est.omega, (om) => {
      let s = c[0];
      for (let k = 1; k < L; k++) s += 2 * a ** k * c[k] * Math.cos(om * k * dt);
      return (dt * s) / w2;
    });
    const closed = Array.from(
      est.omega,
      (om) => (dt * (1 - a * a)) / (1 - 2 * a * Math.cos(om * dt) + a * a),
    );

    // Bias of the Hann-windowed estimate for this smooth spectrum (line width θ = 1 against a
    // resolution 2π/(LΔt) = 0.25): largest at the line centre ω = 0, where the window's kernel
    // averages over the curved peak (1.9 %); under 2.5 % everywhere.
    expectClose(expected, closed, { rtol: 0.025 });

    // Statistical error: per bin the relative std is √(1.06/K) ≈ 0.046 (Hann at 50 % overlap
    // adds ~6 % variance, Welch 1975); bins 0 and −π of real data have twice the variance.
    // 5σ per bin (0.23, or 0.33 at those two bins) makes a false alarm over 256 bins ~1e-4.
    const sigma = Math.sqrt(1.06 / K);
    for (let j = 0; j < L; j++) {
      const edge = j === 0 || j === L / 2;
      expectClose(est.density[j], expected[j], { rtol: 5 * sigma * (edge ? Math.SQRT2 : 1) });
    }
    // and the mean ratio over the 128 independent bins (real data: S(−ω) = S(ω)): σ/√128·√1.5
    // for neighbouring-bin correlation ≈ 0.005, plus the mean bias (0.1 %); 0.025 is ample.
    let ratio = 0;
    for (let j = 0; j < L; j++) ratio += est.density[j] / closed[j] / L;
    expectClose(ratio, 1, { rtol: 0.025 });
  });

  it('reads a bare Float64Array as real and shares the default Hann window with periodogram', () => {
    // one segment (L = n): welch is the periodogram of the whole signal, with the same default taper;
    // a real cosine at a bin frequency: Hann gives Δt·(A/2)²·(2n/3) at ±ω₀ (half the power per side)
    const n = 64;
    const dt = 0.25;
    const A = 2;
    const m = 8;
    const w0 = (2 * Math.PI * m) / (n * dt);
    const x = Float64Array.from({ length: n }, (_, k) => A * Math.cos(w0 * k * dt));
    const s = welch(x, { dt, segmentLength: n });
    expect(s.segments).toBe(1);
    for (const j of [n / 2 - m, n / 2 + m]) expectClose(s.density[j], (dt * (A / 2) ** 2 * 2 * n) / 3, { rtol: 1e-13 });
    expect(s.density).toEqual(periodogram(x, { dt }).density);
  });

  it('conjugate: true gives the spectrum of x*, mirrored in ω', () => {
    const L = 16;
    const x = complexWhiteNoise(100, 1, 23);
    const plain = welch(x, { dt: 1, segmentLength: L, complex: true });
    const conj = welch(x, { dt: 1, segmentLength: L, complex: true, conjugate: true });
    for (let j = 1; j < L; j++) expectClose(conj.density[L - j], plain.density[j], { rtol: 1e-12, atol: 1e-15 });
  });

  it('rejects bad input, naming the parameter', () => {
    const x = realWhiteNoise(32, 1, 1);
    expect(() => welch(x, null as unknown as { dt: number; segmentLength: number })).toThrow(
      "welch: argument 'config' must be an object, got null",
    );
    expect(() => welch(Float64Array.of(1), { dt: 1, segmentLength: 2, complex: true })).toThrow(
      "welch: argument 'x' must hold interleaved (re, im) pairs (even length ≥ 2), got length 1",
    );
    expect(() => welch(x, { dt: -1, segmentLength: 8 })).toThrow(
      "welch: option 'dt' must be a finite number > 0, got -1",
    );
    expect(() => welch(x, { dt: 1, segmentLength: 12 })).toThrow(
      "welch: option 'segmentLength' must be a power of two ≥ 2, got 12",
    );
    expect(() => welch(x, { dt: 1, segmentLength: 64 })).toThrow(
      "welch: option 'segmentLength' (64) must not exceed the samples per realization (32)",
    );
    expect(() => welch(x, { dt: 1, segmentLength: 8, overlap: 1 })).toThrow(
      "welch: option 'overlap' must be a number in [0, 1), got 1",
    );
    expect(() => welch(x, { dt: 1, segmentLength: 8, overlap: NaN })).toThrow(/'overlap'.*got NaN/);
    expect(() => welch(x, { dt: 1, segmentLength: 8, realizations: 0 })).toThrow(
      "welch: option 'realizations' must be an integer ≥ 1, got 0",
    );
    expect(() => welch(x, { dt: 1, segmentLength: 8, realizations: 3 })).toThrow(
      "welch: option 'realizations' (3) must divide the number of samples in 'x' (32)",
    );
    expect(() => welch(x, { dt: 1, segmentLength: 8, complex: 0 as unknown as boolean })).toThrow(
      "welch: option 'complex' must be true or false, got 0",
    );
    expect(() => welch(x, { dt: 1, segmentLength: 8, conjugate: 'no' as unknown as boolean })).toThrow(
      "welch: option 'conjugate' must be true or false, got no",
    );
    expect(() => welch(x, { dt: 1, segmentLength: 8, window: new Float64Array(4) })).toThrow(
      "welch: option 'window' must have length 8 (one weight per sample), got length 4",
    );
  });
});
