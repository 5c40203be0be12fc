import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { createRng } from '@qsync/linalg';
import { channelValue, tapProgress, type Frame } from '@qsync/frames';
import { take } from 'rxjs';
import { kuramoto, kuramotoParameters, MAX_KURAMOTO_STATE } from './kuramoto';
import { collectFrames, dataOf, linspace, realOf } from './test-support/kuramoto';

/** Phases spread over several turns, negative ones too; with `far`, two beyond the fast path (|φ| > 1e7). */
function testPhases(n: number, seed: number, far = false): Float64Array {
  const y = new Float64Array(n);
  const rng = createRng(seed);
  for (let k = 0; k < n; k++) y[k] = 40 * (rng.uniform() - 0.5);
  if (far) {
    y[0] = 3.2e7;
    y[n - 1] = -1.1e8;
  }
  return y;
}

describe('kuramoto (Eq. 2.29)', () => {
  describe('parameters', () => {
    it('fills in the defaults and keeps the options out of the parameters', () => {
      const m = kuramoto({ N: 8, V: 1 });
      expect(m.parameters).toEqual({ N: 8, V: 1, G: 0, omegaMean: 0, sigma: 0, realizations: 1 });
      expect(m.equation).toBe('2.29');
      expect(m.system.dim).toBe(8);
      expect(m.defaultMethod).toBe('sra');
      expect(m.defaultDt).toBe(0.05);
      expect(Object.keys(kuramotoParameters)).toEqual(['N', 'V', 'G', 'omegaMean', 'sigma', 'realizations']);
    });

    it('scales the default step with the fastest rate, max(V, G, σ²)', () => {
      expect(kuramoto({ N: 2, V: 0.5, G: 2, sigma: 1 }).defaultDt).toBe(0.025);
      expect(kuramoto({ N: 2, V: 0.5, G: 0, sigma: 2 }).defaultDt).toBe(0.0125);
    });

    it('refuses missing, misspelt and out-of-range values by name', () => {
      expect(() => kuramoto({ V: 1 } as never)).toThrow("kuramoto: parameter 'N' (number of oscillators N) is required");
      expect(() => kuramoto({ N: 0, V: 1 })).toThrow("kuramoto: parameter 'N' (number of oscillators N) must be ≥ 1, got 0");
      expect(() => kuramoto({ N: 2.5, V: 1 })).toThrow("kuramoto: parameter 'N' must be an integer, got 2.5");
      expect(() => kuramoto({ N: 4, V: -1 })).toThrow("kuramoto: parameter 'V' (coupling V of Eq. (2.29), (V/N) Σ_j sin(φ_j − φ_i)) must be ≥ 0, got -1");
      expect(() => kuramoto({ N: 4, V: 1, G: -0.1 })).toThrow(/parameter 'G' .* must be ≥ 0, got -0.1/);
      expect(() => kuramoto({ N: 4, V: 1, sigma: -1 })).toThrow(/parameter 'sigma' .* must be ≥ 0, got -1/);
      expect(() => kuramoto({ N: 4, V: 1, realizations: 0 })).toThrow(/parameter 'realizations' .* must be ≥ 1, got 0/);
      expect(() => kuramoto({ N: 4, V: Number.NaN })).toThrow("kuramoto: parameter 'V' must be a finite number, got NaN");
      expect(() => kuramoto({ N: 4, V: 1, sigma: Number.POSITIVE_INFINITY })).toThrow(
        "kuramoto: parameter 'sigma' must be a finite number, got Infinity",
      );
      expect(() => kuramoto({ N: 4, V: 1, seed: 3 } as never)).toThrow(/unknown parameter 'seed' \(known: .*disorderSeed\)/);
      expect(() => kuramoto({ N: 4, V: 1, K: 2 } as never)).toThrow(
        "kuramoto: unknown parameter 'K' (known: N, V, G, omegaMean, sigma, realizations, frequencies, initialPhases, observePhases, disorderSeed)",
      );
      expect(() => kuramoto(null as never)).toThrow('kuramoto: parameters must be an object of named numbers');
    });

    it('refuses bad options by name', () => {
      expect(() => kuramoto({ N: 4, V: 1, frequencies: 'sobol' as never })).toThrow(
        "kuramoto: option 'frequencies' must be one of 'random', 'quantile', got \"sobol\"",
      );
      expect(() => kuramoto({ N: 4, V: 1, initialPhases: 'zero' as never })).toThrow(
        "kuramoto: option 'initialPhases' must be one of 'uniform', 'equal', got \"zero\"",
      );
      expect(() => kuramoto({ N: 4, V: 1, observePhases: 1 as never })).toThrow(
        "kuramoto: option 'observePhases' must be a boolean, got 1",
      );
      expect(() => kuramoto({ N: 4, V: 1, disorderSeed: 0.5 })).toThrow("kuramoto: option 'disorderSeed' must be an integer, got 0.5");
      expect(() => kuramoto({ N: 4, V: 1, disorderSeed: Number.NaN })).toThrow("kuramoto: option 'disorderSeed' must be an integer, got NaN");
    });

    it('refuses a state beyond the largest one, and builds 2^16 oscillators × 16 realizations', () => {
      expect(() => kuramoto({ N: MAX_KURAMOTO_STATE, V: 1, realizations: 2 })).toThrow(
        `kuramoto: parameters 'N' × 'realizations' = ${2 * MAX_KURAMOTO_STATE} exceed the largest state, ${MAX_KURAMOTO_STATE} oscillators`,
      );
      const big = kuramoto({ N: 1 << 16, V: 1, G: 0.1, realizations: 16 });
      expect(big.system.dim).toBe(1 << 20);
      const out = new Float64Array(1 << 20);
      big.system.drift(out, big.initialState(1), 0);
      expect(out.every(Number.isFinite)).toBe(true);
    });
  });

  describe('drift', () => {
    it('equals the pairwise sum ω_i + (V/N) Σ_j sin(φ_j − φ_i) of every realization', () => {
      const N = 7;
      const R = 3;
      const m = kuramoto({ N, V: 1.7, G: 0.4, omegaMean: 0.3, realizations: R });
      const y = testPhases(N * R, 5);
      const out = new Float64Array(N * R);
      m.system.drift(out, y, 0);
      const direct = new Float64Array(N * R);
      for (let r = 0; r < R; r++) {
        for (let i = 0; i < N; i++) {
          let s = 0;
          for (let j = 0; j < N; j++) s += Math.sin(y[r * N + j] - y[r * N + i]);
          direct[r * N + i] = m.frequencies[r * N + i] + (1.7 / N) * s;
        }
      }
      // the mean-field form rearranges a sum of N terms of size ≤ V: rounding ~N·V·1e-16
      expectClose(out, direct, { atol: 1e-13 });
    });

    it('keeps phases far out (|φ| > 1e7, off the table path) exact', () => {
      const N = 6;
      const m = kuramoto({ N, V: 0.9, G: 0.2, realizations: 2 });
      const y = testPhases(2 * N, 6, true);
      const out = new Float64Array(2 * N);
      m.system.drift(out, y, 0);
      // reference: the mean field from Math.cos/Math.sin (the pairwise sum would form φ_j − φ_i
      // and lose the low bits of the far phases)
      for (let r = 0; r < 2; r++) {
        let c = 0;
        let s = 0;
        for (let j = 0; j < N; j++) {
          c += Math.cos(y[r * N + j]);
          s += Math.sin(y[r * N + j]);
        }
        for (let i = 0; i < N; i++) {
          const p = y[r * N + i];
          const expected = m.frequencies[r * N + i] + (0.9 / N) * (s * Math.cos(p) - c * Math.sin(p));
          expectClose(out[r * N + i], expected, { atol: 1e-14 });
        }
      }
    });

    it('is ω alone without coupling', () => {
      const m = kuramoto({ N: 5, V: 0, G: 1, realizations: 2 });
      const out = new Float64Array(10);
      m.system.drift(out, testPhases(10, 2), 0);
      expect(Array.from(out)).toEqual(Array.from(m.frequencies));
    });
  });

  describe('natural frequencies (Eq. 2.34)', () => {
    it("'quantile' puts ω_i at the Lorentzian's quantiles, the same in every realization", () => {
      const m = kuramoto({ N: 6, V: 1, G: 0.5, omegaMean: 2, realizations: 2, frequencies: 'quantile' });
      const expected = [0, 1, 2, 3, 4, 5].map((i) => 2 + 0.5 * Math.tan(Math.PI * ((i + 0.5) / 6 - 0.5)));
      expectClose(m.frequencies.subarray(0, 6), expected, { rtol: 1e-15, atol: 1e-15 });
      expect(Array.from(m.frequencies.subarray(6))).toEqual(Array.from(m.frequencies.subarray(0, 6)));
    });

    it("'random' draws a Lorentzian sample: quartiles at ω0 ± G, per seed", () => {
      const n = 20000;
      const m = kuramoto({ N: n, V: 1, G: 0.5, omegaMean: -1, frequencies: 'random', disorderSeed: 3 });
      const sorted = Float64Array.from(m.frequencies).sort();
      // quartiles of the Lorentzian: ω0 ∓ G. Sample quartile error: √(p(1−p)/n)/g(q) with
      // g(q) = 1/(2πG) → ≈ 0.0096; 4 standard errors
      expectClose([sorted[n / 4], sorted[n / 2], sorted[(3 * n) / 4]], [-1.5, -1, -0.5], { atol: 0.04 });
      expect(Array.from(kuramoto({ N: n, V: 1, G: 0.5, omegaMean: -1, disorderSeed: 3 }).frequencies)).toEqual(Array.from(m.frequencies));
      expect(kuramoto({ N: n, V: 1, G: 0.5, omegaMean: -1, disorderSeed: 4 }).frequencies[0]).not.toBe(m.frequencies[0]);
    });

    it('draws frequencies independent of the initial phases of the same seed', () => {
      const n = 20000;
      const m = kuramoto({ N: n, V: 1, G: 1, disorderSeed: 9 });
      const y = m.initialState(9);
      // rank correlation of φ and ω (ω monotone in its uniform u): |ρ| ≲ 4/√n for independent samples
      const u = Float64Array.from(m.frequencies, (w) => Math.atan(w) / Math.PI + 0.5);
      let s = 0;
      for (let k = 0; k < n; k++) s += (u[k] - 0.5) * (y[k] / (2 * Math.PI) - 0.5);
      expect(Math.abs((12 * s) / n)).toBeLessThan(4 / Math.sqrt(n));
    });
  });

  describe('channels', () => {
    it('z is the mean of e^{iφ} per realization, r and rStd its modulus mean and spread', () => {
      const N = 5;
      const R = 3;
      const m = kuramoto({ N, V: 1, realizations: R, observePhases: true });
      const y = testPhases(N * R, 8, true);
      const ch = m.observe(0.5, y);
      const z = channelValue({ t: 0.5, channels: ch }, 'z', 'array');
      expect(z.shape).toEqual([R]);
      expect(z.complex).toBe(true);
      const mods: number[] = [];
      for (let r = 0; r < R; r++) {
        let re = 0;
        let im = 0;
        for (let j = 0; j < N; j++) {
          re += Math.cos(y[r * N + j]) / N;
          im += Math.sin(y[r * N + j]) / N;
        }
        expectClose([z.data[2 * r], z.data[2 * r + 1]], [re, im], { atol: 1e-15 });
        mods.push(Math.hypot(re, im));
      }
      const mean = mods.reduce((a, b) => a + b) / R;
      const std = Math.sqrt(mods.reduce((a, b) => a + (b - mean) ** 2, 0) / R);
      const frame: Frame = { t: 0.5, channels: ch };
      expectClose([realOf(frame, 'r'), realOf(frame, 'rStd')], [mean, std], { rtol: 1e-13, atol: 1e-15 });
      const phases = channelValue(frame, 'phasesUnwrapped', 'array');
      expect(phases.shape).toEqual([R, N]);
      expect(Array.from(phases.data)).toEqual(Array.from(y));
      expect(phases.data).not.toBe(y); // a copy
    });

    it('emits phases only when asked', () => {
      const m = kuramoto({ N: 3, V: 1 });
      expect(Object.keys(m.observe(0, new Float64Array(3))).sort()).toEqual(['r', 'rStd', 'z']);
    });

    it("'equal' initial phases start at |z| = 1; 'uniform' ones at |z| ~ 1/√N", () => {
      const eq = kuramoto({ N: 1000, V: 1, initialPhases: 'equal', realizations: 2 });
      const f0: Frame = { t: 0, channels: eq.observe(0, eq.initialState(1)) };
      expect(realOf(f0, 'r')).toBe(1);
      const un = kuramoto({ N: 4096, V: 1, realizations: 8 });
      const f1: Frame = { t: 0, channels: un.observe(0, un.initialState(1)) };
      // E|z| = √(π/4N) = 0.0138 for independent uniform phases; mean of 8: ±0.0025
      expectClose(realOf(f1, 'r'), Math.sqrt(Math.PI / (4 * 4096)), { atol: 0.0075 });
    });
  });

  describe('simulate', () => {
    it('rotates every phase at its own ω without coupling and noise: φ(t) = φ0 + ωt', async () => {
      const m = kuramoto({ N: 16, V: 0, G: 2, realizations: 2, observePhases: true });
      const y0 = m.initialState(4);
      const frames = await collectFrames(m.simulate([0, 0.7, 2], { noiseSeed: 4, dt: 0.1 }));
      const last = dataOf(frames[2], 'phasesUnwrapped');
      // a constant drift is integrated exactly; 20 steps of rounding at |φ| ≲ 2|ω|max
      expectClose(last, Array.from(y0, (p, k) => p + 2 * m.frequencies[k]), { rtol: 1e-13, atol: 1e-12 });
    });

    it('diffuses free phases with variance σ² t', async () => {
      const N = 4000;
      const m = kuramoto({ N, V: 0, sigma: 0.8, initialPhases: 'equal', observePhases: true });
      const frames = await collectFrames(m.simulate([0, 2], { noiseSeed: 2, dt: 0.5, method: 'euler-maruyama' }));
      const p = dataOf(frames[1], 'phasesUnwrapped');
      let s2 = 0;
      for (let k = 0; k < N; k++) s2 += p[k] * p[k];
      // sample variance of N normals: relative standard error √(2/N) = 2.2 %; 4 standard errors
      expectClose(s2 / N, 0.64 * 2, { rtol: 0.09 });
    });

    it('gives the same frames for the same seed and different ones for another', async () => {
      const m = kuramoto({ N: 64, V: 1.2, G: 0.3, sigma: 0.5, realizations: 2 });
      const times = linspace(2, 4);
      const a = await collectFrames(m.simulate(times, { noiseSeed: 11 }));
      const b = await collectFrames(m.simulate(times, { noiseSeed: 11 }));
      const c = await collectFrames(m.simulate(times, { noiseSeed: 12 }));
      expect(a.map((f) => Array.from(dataOf(f, 'z')))).toEqual(b.map((f) => Array.from(dataOf(f, 'z'))));
      expect(dataOf(c[4], 'z')[0]).not.toBe(dataOf(a[4], 'z')[0]);
    });

    it('stops integrating when the subscriber unsubscribes', async () => {
      const m = kuramoto({ N: 256, V: 1, G: 0.5, sigma: 0.5 });
      const reports: number[] = [];
      const times = linspace(1e4, 1e4); // 2·10^5 steps of 0.05: seconds of work if it ran on
      const got: Frame[] = [];
      await new Promise<void>((resolve) => {
        m.simulate(times, { yieldEvery: 0 })
          .withProgress()
          .pipe(
            tapProgress((p) => reports.push(p.done)),
            take(3),
          )
          .subscribe({ next: (f) => got.push(f), complete: resolve });
      });
      const after = reports.length;
      await new Promise((r) => setTimeout(r, 50));
      expect(got.map((f) => f.t)).toEqual([0, 1, 2]);
      expect(reports.length).toBe(after); // no slice ran after the unsubscription
      // 2 time units are 40 steps; a chunk holds at most ~1000 steps at this size: far below 2·10^5
      expect(Math.max(0, ...reports)).toBeLessThan(2000);
    });

    it('refuses a y0 of the wrong length and unknown or bad options', () => {
      const m = kuramoto({ N: 4, V: 1 });
      expect(() => m.simulate([0, 1], { y0: new Float64Array(3) })).toThrow(
        "simulate: option 'y0' must be a Float64Array of length 4",
      );
      // the two seeds are apart: the model's disorderSeed, the run's noiseSeed; the old name is refused
      expect(() => m.simulate([0, 1], { seed: 1 } as never)).toThrow(
        "simulate: unknown option 'seed' (known: method, dt, noiseSeed, y0, yieldEvery)",
      );
      expect(() => m.simulate([0, 1], { noiseSeed: Number.NaN })).toThrow("simulate: option 'noiseSeed' must be an integer, got NaN");
    });
  });
});
