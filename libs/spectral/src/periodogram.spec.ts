import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { periodogram } from './periodogram';
import {
  complexTone,
  complexWhiteNoise,
  directPeriodogram,
  realToComplex,
  realWhiteNoise,
} from './test-support/signals';
import { windowFunction } from './window-function';

/** Σ_j S_j Δω/2π on the periodogram's grid. */
function meanPowerOf(density: Float64Array, omega: Float64Array): number {
  const dw = omega[1] - omega[0];
  let s = 0;
  for (let j = 0; j < density.length; j++) s += density[j];
  return (s * dw) / (2 * Math.PI);
}

describe('periodogram', () => {
  it('puts a tone e^{iπn/2} in the bin ω = π/2 (doc example)', () => {
    const x = Float64Array.of(1, 0, 0, 1, -1, 0, 0, -1);
    const { omega, density } = periodogram(x, { dt: 1, complex: true, window: 'rectangular' });
    expectClose(omega, [-Math.PI, -Math.PI / 2, 0, Math.PI / 2], { rtol: 1e-15 });
    // |Σ x e^{−iωn}|² = 16 at the tone, 0 elsewhere; Δt/Σw² = 1/4; rounding of 4-term sums
    expectClose(density, [0, 0, 0, 4], { atol: 1e-14 });
  });

  it('satisfies Parseval: Σ S Δω/2π is the mean power (rectangular) or Σ|wx|²/Σw² (tapered)', () => {
    // n = 100 is zero-padded to 128, n = 128 is not; both sums are exact up to FFT rounding
    // (relative ~ log2(n)·ε), hence rtol 1e-13.
    for (const n of [100, 128]) {
      const x = complexWhiteNoise(n, 1.3, 7 + n);
      let power = 0;
      for (let i = 0; i < 2 * n; i++) power += x[i] * x[i];
      const dt = 0.37;
      const rect = periodogram(x, { dt, complex: true, window: 'rectangular' });
      expect(rect.density.length).toBe(128);
      expectClose(meanPowerOf(rect.density, rect.omega), power / n, { rtol: 1e-13 });

      const w = windowFunction('hann', n);
      let weighted = 0;
      let w2 = 0;
      for (let k = 0; k < n; k++) {
        weighted += w[k] * w[k] * (x[2 * k] ** 2 + x[2 * k + 1] ** 2);
        w2 += w[k] * w[k];
      }
      const hann = periodogram(x, { dt, complex: true, window: 'hann' });
      expectClose(meanPowerOf(hann.density, hann.omega), weighted / w2, { rtol: 1e-13 });
    }
  });

  it('equals the brute-force DFT sum on every grid point, also zero-padded and tapered', () => {
    const n = 50;
    const dt = 0.2;
    const x = complexWhiteNoise(n, 1, 3);
    const w = windowFunction('blackman', n);
    for (const nfft of [64, 256]) {
      const { omega, density } = periodogram(x, { dt, window: w, nfft, complex: true });
      expect(omega.length).toBe(nfft);
      expectClose(omega[0], -Math.PI / dt, { rtol: 1e-15 });
      expectClose(omega[1] - omega[0], (2 * Math.PI) / (nfft * dt), { rtol: 1e-12 });
      const direct = Array.from(omega, (om) => directPeriodogram(x, w, om, dt));
      // Both are O(n) sums of O(1) terms: rounding ~1e-15 of the largest value.
      const scale = Math.max(...direct);
      expectClose(density, direct, { rtol: 1e-12, atol: 1e-13 * scale });
    }
  });

  it('peaks a complex tone at a bin frequency at +ω (sign convention), with all power in that bin', () => {
    const n = 64;
    const dt = 0.1;
    for (const m of [5, -7]) {
      const w0 = (2 * Math.PI * m) / (n * dt);
      const { omega, density } = periodogram(complexTone(n, w0, dt, 2), { dt, complex: true, window: 'rectangular' });
      const peak = n / 2 + m;
      expectClose(omega[peak], w0, { rtol: 1e-14 });
      // density at the tone: Δt·|A·n|²/n = A²·n·Δt; elsewhere the geometric sums cancel to rounding
      expectClose(density[peak], 4 * n * dt, { rtol: 1e-13 });
      for (let j = 0; j < n; j++) if (j !== peak) expect(Math.abs(density[j])).toBeLessThan(1e-11);
    }
  });

  it('gives a real signal a symmetric density; complex: false equals the same data with Im = 0', () => {
    const x = realWhiteNoise(40, 1, 11);
    const a = periodogram(x, { dt: 1, complex: false, window: 'hamming' });
    const b = periodogram(realToComplex(x), { dt: 1, window: 'hamming', complex: true });
    expectClose(a.density, b.density, { rtol: 1e-15 });
    // S(−ω) = S(ω): index j ↔ nfft − j (j ≥ 1); FFT of real data is Hermitian to rounding
    const nfft = a.density.length;
    for (let j = 1; j < nfft; j++)
      expectClose(a.density[nfft - j], a.density[j], { rtol: 1e-12, atol: 1e-14 });
  });

  it('reads a bare Float64Array as real: a cosine gives two lines at ±ω₀ carrying half its power each', () => {
    // x_n = A cos(ω₀nΔt) at a bin frequency, rectangular window: Σ x e^{−iω₀nΔt} = A·n/2, so
    // S(±ω₀) = Δt·(An/2)²/n = A²nΔt/4 and 0 elsewhere. Read as complex, the same 64 numbers
    // would be 32 samples of another signal: a grid of 32 points and no line at ±ω₀.
    const n = 64;
    const dt = 0.1;
    const A = 3;
    const m = 6;
    const w0 = (2 * Math.PI * m) / (n * dt);
    const x = Float64Array.from({ length: n }, (_, k) => A * Math.cos(w0 * k * dt));
    const { omega, density } = periodogram(x, { dt, window: 'rectangular' });
    expect(density.length).toBe(n);
    for (const j of [n / 2 - m, n / 2 + m]) {
      expectClose(Math.abs(omega[j]), w0, { rtol: 1e-14 });
      expectClose(density[j], (A * A * n * dt) / 4, { rtol: 1e-13 });
    }
    for (let j = 0; j < n; j++) if (Math.abs(j - n / 2) !== m) expect(density[j]).toBeLessThan(1e-11);
  });

  it("defaults to the periodic Hann window: a bin tone gives Δt·A²·2n/3 in its bin and Δt·A²·n/6 beside it", () => {
    // Hann w_k = (1 − cos 2πk/n)/2: Σw = n/2, Σw² = 3n/8, and the DFT of w·e^{iω₀t} at the
    // neighbouring bins is −n/4; so S = Δt·|·|²/Σw² = Δt·A²·(n/2)²/(3n/8) and Δt·A²·(n/4)²/(3n/8).
    const n = 32;
    const dt = 0.5;
    const m = 3;
    const A = 2;
    const w0 = (2 * Math.PI * m) / (n * dt);
    const { density } = periodogram(complexTone(n, w0, dt, A), { dt, complex: true });
    const peak = n / 2 + m;
    expectClose(density[peak], (dt * A * A * 2 * n) / 3, { rtol: 1e-13 });
    expectClose(density[peak - 1], (dt * A * A * n) / 6, { rtol: 1e-13 });
    expectClose(density[peak + 1], (dt * A * A * n) / 6, { rtol: 1e-13 });
    for (let j = 0; j < n; j++) if (Math.abs(j - peak) > 1) expect(density[j]).toBeLessThan(1e-12);
  });

  it('conjugate: true analyses x*: the tone e^{+iω₀t} moves to −ω₀, and S_x*(ω) = S_x(−ω) exactly', () => {
    const n = 64;
    const dt = 0.1;
    const m = 5;
    const w0 = (2 * Math.PI * m) / (n * dt);
    const tone = periodogram(complexTone(n, w0, dt), { dt, complex: true, window: 'rectangular', conjugate: true });
    expectClose(tone.density[n / 2 - m], n * dt, { rtol: 1e-13 });
    expect(tone.density[n / 2 + m]).toBeLessThan(1e-11);
    // on noise: the conjugate's density is the plain one mirrored, ω_j ↔ −ω_j (j ↔ n − j, j ≥ 1)
    const x = complexWhiteNoise(n, 1, 17);
    const plain = periodogram(x, { dt, complex: true });
    const conj = periodogram(x, { dt, complex: true, conjugate: true });
    for (let j = 1; j < n; j++) expectClose(conj.density[n - j], plain.density[j], { rtol: 1e-12, atol: 1e-15 });
    // a real signal is its own conjugate
    const r = realWhiteNoise(n, 1, 18);
    expect(periodogram(r, { dt, conjugate: true }).density).toEqual(periodogram(r, { dt }).density);
  });

  it('takes a scalar block column, complex by its kind, and refuses a contradicting option or a shaped column', () => {
    const x = complexWhiteNoise(20, 1, 19);
    const column = { kind: 'complex' as const, data: x, shape: [] };
    expect(periodogram(column, { dt: 0.1 }).density).toEqual(periodogram(x, { dt: 0.1, complex: true }).density);
    expect(() => periodogram(column, { dt: 0.1, complex: false })).toThrow(
      "periodogram: option 'complex' (false) contradicts the kind of argument 'x', a complex column",
    );
    expect(() => periodogram({ kind: 'real', data: x, shape: [2] }, { dt: 0.1 })).toThrow(
      "periodogram: argument 'x' is a column of shape [2] per sample; pass a scalar column (shape []), or read several realizations with the streaming operator",
    );
  });

  it('rejects bad input, naming the parameter', () => {
    const x = Float64Array.of(1, 0, 0, 1);
    expect(() => periodogram(x, undefined as unknown as { dt: number })).toThrow(
      "periodogram: argument 'config' must be an object, got undefined",
    );
    expect(() => periodogram([1, 0] as unknown as Float64Array, { dt: 1 })).toThrow(
      "periodogram: argument 'x' must be a Float64Array, got Array",
    );
    expect(() => periodogram(Float64Array.of(1, 0, 1), { dt: 1, complex: true })).toThrow(
      "periodogram: argument 'x' must hold interleaved (re, im) pairs (even length ≥ 2), got length 3",
    );
    expect(() => periodogram(new Float64Array(0), { dt: 1, complex: false })).toThrow(
      "periodogram: argument 'x' must hold at least one sample, got length 0",
    );
    expect(() => periodogram(x, { dt: 0 })).toThrow(
      "periodogram: option 'dt' must be a finite number > 0, got 0",
    );
    expect(() => periodogram(x, { dt: 1, complex: 'yes' as unknown as boolean })).toThrow(
      "periodogram: option 'complex' must be true or false, got yes",
    );
    expect(() => periodogram(x, { dt: 1, conjugate: 1 as unknown as boolean })).toThrow(
      "periodogram: option 'conjugate' must be true or false, got 1",
    );
    expect(() => periodogram(x, { dt: 1, nfft: 6 })).toThrow(
      "periodogram: option 'nfft' must be a power of two ≥ 2, got 6",
    );
    expect(() => periodogram(complexTone(5, 1, 1), { dt: 1, nfft: 4, complex: true })).toThrow(
      "periodogram: option 'nfft' must be ≥ the number of samples 5, got 4",
    );
    expect(() => periodogram(x, { dt: 1, window: new Float64Array(3), complex: true })).toThrow(
      "periodogram: option 'window' must have length 2 (one weight per sample), got length 3",
    );
    expect(() => periodogram(x, { dt: 1, window: new Float64Array(2), complex: true })).toThrow(
      /option 'window' must hold finite weights, not all zero/,
    );
    expect(() => periodogram(x, { dt: 1, window: 'kaiser' as 'hann' })).toThrow(
      "periodogram: option 'window' must be 'rectangular', 'hann', 'hamming', 'blackman' or a Float64Array of weights, got 'kaiser'",
    );
    expect(() => periodogram(x, { dt: 1, window: 3 as unknown as 'hann' })).toThrow(
      "periodogram: option 'window' must be a window name or a Float64Array of weights, got 3",
    );
  });
});
