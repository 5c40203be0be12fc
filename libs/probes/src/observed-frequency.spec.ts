import { describe, expect, it } from 'vitest';
import { createRng } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { observedFrequency } from './observed-frequency';
import { meanStd } from './test-support/samplers';

/**
 * φ(t) of the noise-free Adler equation φ̇ = δ − V sin φ (thesis Eq. 2.25 with σ = 0) on the grid
 * t_k = k·h, k = 0 … steps, by classical RK4 (test helper, not exported).
 */
function adler(delta: number, v: number, phi0: number, h: number, steps: number): { t: Float64Array; phi: Float64Array } {
  const f = (p: number): number => delta - v * Math.sin(p);
  const t = new Float64Array(steps + 1);
  const phi = new Float64Array(steps + 1);
  phi[0] = phi0;
  for (let k = 0; k < steps; k++) {
    const p = phi[k];
    const k1 = f(p);
    const k2 = f(p + 0.5 * h * k1);
    const k3 = f(p + 0.5 * h * k2);
    const k4 = f(p + h * k3);
    phi[k + 1] = p + (h / 6) * (k1 + 2 * k2 + 2 * k3 + k4);
    t[k + 1] = (k + 1) * h;
  }
  return { t, phi };
}

describe('observedFrequency', () => {
  it('runs the doc example', () => {
    expect(observedFrequency([0, 1, 2, 3], [5, 0, 2, 4], { tStart: 1 })).toBe(2);
  });

  it('gives √(δ² − V²) for the Adler equation outside the Arnold tongue (Eq. 2.23)', () => {
    const delta = 1;
    const v = 0.6;
    const omega = Math.sqrt(delta * delta - v * v); // 0.8
    const perPeriod = 400;
    const h = (2 * Math.PI) / omega / perPeriod;
    const { t, phi } = adler(delta, v, 0.3, h, 12 * perPeriod);
    // φ(t + P) = φ(t) + 2π exactly, so the endpoints over whole periods (2 … 12) give ω up to the
    // RK4 error, O(h⁴) with h = 0.02: observed 1e−10 relative (1.6e−9 with twice the step)
    const tStart = t[2 * perPeriod];
    expectClose(observedFrequency(t, phi, { tStart }), omega, { rtol: 1e-9 });
    expectClose(observedFrequency(t, phi, { discard: 1 / 6 }), omega, { rtol: 1e-9 });
    // the least-squares slope also feels the periodic wiggle of φ around the ramp: observed 6e−4
    expectClose(observedFrequency(t, phi, { tStart, method: 'leastSquares' }), omega, { rtol: 2e-3 });
    // keeping a partial period costs the endpoint estimate O(1/(ωT)) (≈ 1e−2 here)
    expect(Math.abs(observedFrequency(t, phi, { tStart: t[2 * perPeriod + 140] }) - omega)).toBeGreaterThan(1e-4);
  });

  it('gives 0 inside the Arnold tongue (|δ| < V): the phase locks', () => {
    const { t, phi } = adler(0.5, 1, -2, 0.05, 4000);
    // φ relaxes to arcsin(δ/V) at rate √(V² − δ²) ≈ 0.87: after t = 100 it has moved by < 1e−30
    expect(Math.abs(observedFrequency(t, phi, { tStart: 100 }))).toBeLessThan(1e-12);
    expectClose(phi[phi.length - 1], Math.asin(0.5), { rtol: 1e-12 });
  });

  it('is exact on a clean ramp with either method', () => {
    const t = Float64Array.from({ length: 50 }, (_, k) => 0.3 * k);
    const phi = t.map((s) => 2 - 1.7 * s);
    // a handful of roundings of O(10) numbers
    expectClose(observedFrequency(t, phi), -1.7, { rtol: 1e-13 });
    expectClose(observedFrequency(t, phi, { method: 'leastSquares' }), -1.7, { rtol: 1e-13 });
  });

  it('least squares beats the endpoints on a ramp with measurement noise, as their variances say', () => {
    // φ_k = ωt_k + σε_k, S samples on [0, T]: Var(endpoints) = 2σ²/T², Var(LS) = σ²/Σ(t − t̄)²
    const omega = 1.3;
    const sigma = 0.3;
    const s = 1000;
    const dt = 0.01;
    const seeds = 100;
    const t = Float64Array.from({ length: s }, (_, k) => k * dt);
    const span = t[s - 1];
    const tMean = span / 2;
    const sxx = t.reduce((a, x) => a + (x - tMean) ** 2, 0);
    const ends = new Float64Array(seeds);
    const ls = new Float64Array(seeds);
    for (let k = 0; k < seeds; k++) {
      const rng = createRng(500 + k);
      const phi = t.map((x) => omega * x + sigma * rng.gaussian());
      ends[k] = observedFrequency(t, phi);
      ls[k] = observedFrequency(t, phi, { method: 'leastSquares' });
    }
    const e = meanStd(ends);
    const l = meanStd(ls);
    // the scatter of 100 estimates is itself uncertain by 1/√198 ≈ 7%: allow 30%
    expectClose(e.std, (Math.SQRT2 * sigma) / span, { rtol: 0.3 });
    expectClose(l.std, sigma / Math.sqrt(sxx), { rtol: 0.3 });
    expect(l.std).toBeLessThan(e.std / 5); // 0.0033 against 0.043
    expect(Math.abs(l.mean - omega)).toBeLessThan((4 * l.std) / Math.sqrt(seeds));
  });

  it('rejects bad input, naming the parameter', () => {
    const fn = (t: unknown, p: unknown, c?: unknown) => () =>
      observedFrequency(t as number[], p as number[], c as Record<string, number>);
    expect(fn(null, [1])).toThrow("observedFrequency: argument 'times' must be an array of times, got null");
    expect(fn([0, 1, 0.5], [0, 0, 0])).toThrow("observedFrequency: argument 'times' must not decrease, got 1 then 0.5 at index 2");
    expect(fn([0, 1], [0])).toThrow(
      "observedFrequency: argument 'unwrappedPhases' must be an array of the length of 'times' (2), got length 1",
    );
    expect(fn([0, 1], 'ab')).toThrow(/argument 'unwrappedPhases'.*got ab/);
    expect(fn([0, 1, 2], [NaN, 0, 1])).toThrow(
      "observedFrequency: argument 'unwrappedPhases' must hold finite numbers, got NaN at index 0",
    );
    // a bad phase inside the dropped transient does not matter
    expect(fn([0, 1, 2], [NaN, 0, 1], { tStart: 1 })()).toBe(1);
    expect(fn([0, 1, 2], [0, 1, 2], { method: 'ends' })).toThrow(
      "observedFrequency: option 'method' must be 'endpoints' or 'leastSquares', got ends",
    );
    expect(fn([0, 1, 2], [0, 1, 2], { discard: 2 })).toThrow("observedFrequency: option 'discard' must be a fraction in [0, 1), got 2");
    expect(fn([0, 1, 2], [0, 1, 2], { tStart: 2 })).toThrow(
      "observedFrequency: the kept samples span no time (option 'tStart' = 2 leaves 1 sample(s) at t = 2); need two distinct times",
    );
    expect(fn([0, 1, 2], [0, 1, 2], { tStart: 3 })).toThrow("observedFrequency: option 'tStart' = 3 leaves no samples (last time 2)");
    expect(fn([1, 1], [0, 1])).toThrow(/the kept samples span no time \(argument 'times' leaves 2 sample\(s\) at t = 1\)/);
    expect(fn([0, 1], [0, 1], 5)).toThrow("observedFrequency: argument 'config' must be an object, got 5");
  });
});
