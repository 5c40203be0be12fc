import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { complexWhiteNoise, realToComplex, realWhiteNoise } from './test-support/signals';
import { twoTimeCorrelation } from './two-time-correlation';
import type { TwoTimeCorrelationConfig } from './two-time-correlation';

/** The defining sum, O(R·N·K): (1/R) Σ_r 1/(N−s−k) Σ_{t=s}^{N−1−k} x_r(t+k) x_r*(t). */
function directCorrelation(
  x: Float64Array,
  R: number,
  N: number,
  K: number,
  start: number,
): Float64Array {
  const g = new Float64Array(2 * (K + 1));
  for (let k = 0; k <= K; k++) {
    let re = 0;
    let im = 0;
    for (let r = 0; r < R; r++) {
      for (let t = start; t + k < N; t++) {
        const i = 2 * (r * N + t + k);
        const j = 2 * (r * N + t);
        re += x[i] * x[j] + x[i + 1] * x[j + 1];
        im += x[i + 1] * x[j] - x[i] * x[j + 1];
      }
    }
    const pairs = R * (N - start - k);
    g[2 * k] = re / pairs;
    g[2 * k + 1] = im / pairs;
  }
  return g;
}

describe('twoTimeCorrelation', () => {
  it('gives g(k) = e^{iπk/2} for the tone e^{iπn/2} (doc example)', () => {
    const x = Float64Array.of(1, 0, 0, 1, -1, 0, 0, -1);
    const { tau, g } = twoTimeCorrelation(x, { realizations: 1, samples: 4, maxLag: 2, complex: true });
    expect(Array.from(tau)).toEqual([0, 1, 2]);
    expectClose(g, [1, 0, 0, 1, -1, 0], { atol: 1e-15 }); // FFT rounding of O(1) sums
  });

  it('equals the direct O(N·K) sum (realizations, start, complex and real, lags up to N − start − 1)', () => {
    const R = 3;
    const N = 50;
    const cases: [Float64Array, boolean][] = [
      [complexWhiteNoise(R * N, 1, 41), true],
      [realWhiteNoise(R * N, 1, 42), false],
    ];
    for (const [x, complex] of cases) {
      const z = complex ? x : realToComplex(x);
      for (const [start, K] of [
        [0, 20],
        [7, 20],
        [7, 42],
        [49, 0],
      ]) {
        const { tau, g } = twoTimeCorrelation(x, {
          realizations: R,
          samples: N,
          maxLag: K,
          start,
          dt: 0.25,
          complex,
        });
        expectClose(
          tau,
          Array.from({ length: K + 1 }, (_, k) => 0.25 * k),
          { rtol: 1e-15 },
        );
        // FFT and direct sums of ≤ 150 products of O(1) numbers: rounding ≲ 1e-14 absolute
        // (relative errors are larger only where g itself is near 0).
        expectClose(g, directCorrelation(z, R, N, K, start), { rtol: 1e-12, atol: 1e-13 });
        if (!complex)
          for (let k = 0; k <= K; k++) expect(Math.abs(g[2 * k + 1])).toBeLessThan(1e-14);
      }
    }
  });

  it('g(0) is the mean power, with Im g(0) = 0 to rounding', () => {
    const x = complexWhiteNoise(400, 2, 43);
    const { g } = twoTimeCorrelation(x, { realizations: 1, samples: 400, maxLag: 10, complex: true });
    let power = 0;
    for (let i = 0; i < 800; i++) power += x[i] * x[i];
    expectClose(g[0], power / 400, { rtol: 1e-13 });
    expect(Math.abs(g[1])).toBeLessThan(1e-13); // Im g(0): rounding of |Y|² through the inverse FFT
  });

  it('reads a bare Float64Array as real: a random-phase cosine has g(τ) = (A²/2) cos ω₀τ', () => {
    // x_r(t) = A cos(ω₀t + φ_r), φ_r evenly spread over [0, 2π): the ensemble mean over the R phases
    // of x(t+τ)x(t) is exactly (A²/2) cos ω₀τ at every t (the cos(2ω₀t + …) terms cancel for R ≥ 3)
    const R = 8;
    const N = 64;
    const A = 1.5;
    const w0 = 0.9;
    const dt = 0.25;
    const x = new Float64Array(R * N);
    for (let r = 0; r < R; r++) for (let n = 0; n < N; n++) x[r * N + n] = A * Math.cos(w0 * n * dt + (2 * Math.PI * r) / R);
    const { g } = twoTimeCorrelation(x, { realizations: R, samples: N, maxLag: 5, dt });
    const expected = [0, 1, 2, 3, 4, 5].flatMap((k) => [((A * A) / 2) * Math.cos(w0 * k * dt), 0]);
    expectClose(g, expected, { atol: 1e-13 });
  });

  it('rejects bad input, naming the parameter', () => {
    const x = complexWhiteNoise(8, 1, 1);
    const ok: TwoTimeCorrelationConfig = { realizations: 2, samples: 4, maxLag: 2, complex: true };
    const bad = (patch: Partial<TwoTimeCorrelationConfig>) => () =>
      twoTimeCorrelation(x, { ...ok, ...patch });
    expect(() => twoTimeCorrelation(x, 'x' as unknown as TwoTimeCorrelationConfig)).toThrow(
      "twoTimeCorrelation: argument 'config' must be an object, got x",
    );
    expect(() => twoTimeCorrelation([] as unknown as Float64Array, ok)).toThrow(
      "twoTimeCorrelation: argument 'trajectories' must be a Float64Array, got Array",
    );
    expect(bad({ realizations: 0 })).toThrow(
      "twoTimeCorrelation: option 'realizations' must be an integer ≥ 1, got 0",
    );
    expect(bad({ samples: 1.5 })).toThrow(
      "twoTimeCorrelation: option 'samples' must be an integer ≥ 1, got 1.5",
    );
    expect(bad({ start: -1 })).toThrow(
      "twoTimeCorrelation: option 'start' must be an integer ≥ 0, got -1",
    );
    expect(bad({ start: 4 })).toThrow(
      "twoTimeCorrelation: option 'start' must be ≤ samples − 1 = 3, got 4",
    );
    expect(bad({ conjugate: 0 as unknown as boolean })).toThrow(
      "twoTimeCorrelation: option 'conjugate' must be true or false, got 0",
    );
    expect(bad({ maxLag: -1 })).toThrow(
      "twoTimeCorrelation: option 'maxLag' must be an integer ≥ 0, got -1",
    );
    expect(bad({ maxLag: 3, start: 1 })).toThrow(
      "twoTimeCorrelation: option 'maxLag' must be ≤ samples − start − 1 = 2 (lags need pairs of samples after 'start'), got 3",
    );
    expect(bad({ dt: 0 })).toThrow(
      "twoTimeCorrelation: option 'dt' must be a finite number > 0, got 0",
    );
    expect(bad({ complex: 'no' as unknown as boolean })).toThrow(
      "twoTimeCorrelation: option 'complex' must be true or false, got no",
    );
    expect(bad({ samples: 5 })).toThrow(
      "twoTimeCorrelation: argument 'trajectories' must have length 2·realizations·samples = 20 (interleaved complex), got 16",
    );
    expect(bad({ complex: false })).toThrow(
      "twoTimeCorrelation: argument 'trajectories' must have length realizations·samples = 8 (real), got 16",
    );
  });
});
