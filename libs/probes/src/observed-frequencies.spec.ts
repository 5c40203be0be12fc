import { describe, expect, it } from 'vitest';
import { createRng } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { observedFrequencies } from './observed-frequencies';
import { observedFrequency } from './observed-frequency';

describe('observedFrequencies', () => {
  it('runs the doc example', () => {
    const r = observedFrequencies([0, 1, 2], [0, 1, 2, 0, 3, 6]);
    expect(r).toEqual({ frequencies: Float64Array.of(1, 3), mean: 2, standardError: 1 });
  });

  it('equals observedFrequency of each realization, [realization][sample] layout', () => {
    const s = 40;
    const realizations = 6;
    const rng = createRng(8);
    const t = Float64Array.from({ length: s }, (_, k) => 0.25 * k);
    // realization k drifts at rate k − 2, so a transposed layout would give other numbers
    const phases = new Float64Array(realizations * s);
    for (let k = 0; k < realizations; k++) {
      for (let i = 0; i < s; i++) phases[k * s + i] = (k - 2) * t[i] + 0.1 * rng.gaussian();
    }
    for (const config of [{}, { tStart: 2 }, { discard: 0.3, method: 'leastSquares' as const }]) {
      const r = observedFrequencies(t, phases, config);
      expect(r.frequencies).toHaveLength(realizations);
      for (let k = 0; k < realizations; k++) {
        // the same kernel on the same numbers: bit for bit
        expect(r.frequencies[k]).toBe(observedFrequency(t, phases.subarray(k * s, (k + 1) * s), config));
      }
    }
  });

  it('averages a diffusing phase to its drift, with the error √(2D/T)/√R', () => {
    // φ̇ = ω + √(2D)ξ: the endpoint estimate of one realization is ω + √(2D)·W(T)/T, σ = √(2D/T)
    const omega = -0.9;
    const diffusion = 0.5;
    const s = 1001;
    const dt = 0.01;
    const realizations = 200;
    const t = Float64Array.from({ length: s }, (_, k) => k * dt);
    const phases = new Float64Array(realizations * s);
    const rng = createRng(77);
    const kick = Math.sqrt(2 * diffusion * dt);
    for (let r = 0; r < realizations; r++) {
      let phi = 0;
      for (let i = 0; i < s; i++) {
        phases[r * s + i] = phi;
        phi += omega * dt + kick * rng.gaussian();
      }
    }
    const res = observedFrequencies(t, phases);
    const sigma = Math.sqrt((2 * diffusion) / t[s - 1]);
    // the reported error is a sample standard deviation of 200 values / √R: uncertain by ≈ 5%
    expectClose(res.standardError, sigma / Math.sqrt(realizations), { rtol: 0.3 });
    expect(Math.abs(res.mean - omega)).toBeLessThan(4 * res.standardError);
  });

  it('reports NaN as error for a single realization', () => {
    const r = observedFrequencies([0, 2], [1, 5]);
    expect(r.mean).toBe(2);
    expect(r.standardError).toBeNaN();
  });

  it('rejects bad input, naming the parameter', () => {
    const fn = (t: unknown, p: unknown, c?: unknown) => () =>
      observedFrequencies(t as number[], p as number[], c as Record<string, number>);
    expect(fn([], [])).toThrow("observedFrequencies: argument 'times' must not be empty");
    expect(fn([0, 1], [0, 1, 2])).toThrow(
      "observedFrequencies: argument 'unwrappedPhases' must be an array of R·2 phases (R ≥ 1 realizations of times.length = 2 samples), got length 3",
    );
    expect(fn([0, 1, 2], [0, 1])).toThrow(/argument 'unwrappedPhases'.*got length 2/);
    expect(fn([0, 1], undefined)).toThrow(/argument 'unwrappedPhases'.*got undefined/);
    expect(fn([0, 1], [0, 1, 0, NaN])).toThrow(
      "observedFrequencies: argument 'unwrappedPhases' must hold finite numbers, got NaN at index 3",
    );
    expect(fn([0, 1], [0, 1], { method: 'fft' })).toThrow(
      "observedFrequencies: option 'method' must be 'endpoints' or 'leastSquares', got fft",
    );
    expect(fn([0, 1], [0, 1], { tStart: 1 })).toThrow(/observedFrequencies: the kept samples span no time/);
  });
});
