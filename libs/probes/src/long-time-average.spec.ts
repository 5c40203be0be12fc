import { describe, expect, it } from 'vitest';
import { createRng } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { longTimeAverage } from './long-time-average';
import { ar1Series, meanStd } from './test-support/samplers';

const range = (n: number): Float64Array => Float64Array.from({ length: n }, (_, k) => k);

describe('longTimeAverage', () => {
  it('runs the doc example', () => {
    const r = longTimeAverage([0, 1, 2, 3, 4], [9, 1, 3, 1, 3], { tStart: 1 });
    // kept 1, 3, 1, 3: mean 2, batches of one sample, s² = 4/3, error √(s²/4) = √(1/3)
    expect(r).toEqual({ mean: 2, standardError: Math.sqrt(1 / 3), samples: 4, batches: 4, batchSize: 1 });
  });

  it('drops the transient by tStart or by a fraction of the time span', () => {
    const times = Float64Array.from({ length: 11 }, (_, k) => k / 2); // 0, 0.5, …, 5
    const values = times.map((t) => (t < 2.5 ? 100 : t));
    expect(longTimeAverage(times, values, { tStart: 2.5 }).mean).toBe((2.5 + 3 + 3.5 + 4 + 4.5 + 5) / 6);
    expect(longTimeAverage(times, values, { discard: 0.5 })).toMatchObject({ samples: 6, mean: 3.75 });
    // tStart between samples keeps the later ones; default keeps all
    expect(longTimeAverage(times, values, { tStart: 2.7 }).samples).toBe(5);
    expect(longTimeAverage(times, values).samples).toBe(11);
    expect(longTimeAverage(times, values, { discard: 0 }).samples).toBe(11);
  });

  it('doubles the batch size as the series grows and keeps M ≤ K < 2M batches', () => {
    // M = 4: b = 1 up to 7 samples; at 8 samples pairs merge (b = 2, K = 4), at 16 → b = 4, …
    const check = (n: number, batches: number, batchSize: number): void => {
      const r = longTimeAverage(range(n), range(n), { batches: 4 });
      expect([r.samples, r.batches, r.batchSize]).toEqual([n, batches, batchSize]);
    };
    check(7, 7, 1);
    check(8, 4, 2);
    check(15, 7, 2);
    check(16, 4, 4);
    check(200, 6, 32); // 128 → b = 32, K = 4; 192 → K = 6; 8 samples in an unfinished batch
  });

  it('computes the error from the batch means of consecutive blocks (independent recomputation)', () => {
    const n = 200;
    const rng = createRng(1);
    const x = Float64Array.from({ length: n }, () => rng.gaussian());
    const r = longTimeAverage(range(n), x, { batches: 4 });
    // by hand: K = 6 blocks of b = 32 consecutive samples, the last 8 samples only in the mean
    const b = 32;
    const means = Array.from({ length: 6 }, (_, k) => x.subarray(k * b, (k + 1) * b).reduce((s, v) => s + v, 0) / b);
    const { std } = meanStd(means);
    // different summation orders: a few ulps
    expectClose(r.standardError, Math.sqrt((std * std * b) / n), { rtol: 1e-12 });
    expectClose(r.mean, x.reduce((s, v) => s + v, 0) / n, { rtol: 1e-12 });
  });

  it('matches the scatter of the mean over seeds for an AR(1) series (τ = 9 samples)', () => {
    // x_{k+1} = 0.8·x_k + ε: σ² = 1/(1 − 0.64), τ = (1 + 0.8)/(1 − 0.8) = 9, so the mean of n
    // samples has σ ≈ √(στ²/n) — three times the naive σ/√n that ignores correlations.
    const a = 0.8;
    const n = 4096;
    const seeds = 200;
    const times = range(n);
    const means = new Float64Array(seeds);
    const errors = new Float64Array(seeds);
    for (let s = 0; s < seeds; s++) {
      const r = longTimeAverage(times, ar1Series(createRng(1000 + s), n, a));
      means[s] = r.mean;
      errors[s] = r.standardError;
    }
    const scatter = meanStd(means).std;
    const rmsError = Math.sqrt(errors.reduce((s, e) => s + e * e, 0) / seeds);
    const exact = Math.sqrt((9 / (1 - a * a)) / n);
    // the scatter of 200 means is itself uncertain by 1/√398 ≈ 5%; rmsError by ~1%;
    // batch bias with b = 64–128 ≫ τ = 9 is < 10%: 30% is the brief's tolerance
    expectClose(rmsError, scatter, { rtol: 0.3 });
    expectClose(rmsError, exact, { rtol: 0.15 });
    // the naive error would be a factor 3 off, far outside these tolerances
    const naive = Math.sqrt(1 / (1 - a * a) / n);
    expect(rmsError / naive).toBeGreaterThan(2.5);
  });

  it('gives σ/√n for white noise, and a mean within a few errors of the truth', () => {
    const n = 20_000;
    const rng = createRng(9);
    const x = Float64Array.from({ length: n }, () => 3 + 2 * rng.gaussian());
    const r = longTimeAverage(range(n), x);
    // relative scatter of the error estimate with K ≥ 32 batches: ≤ 1/√62 ≈ 13%; allow 35%
    expectClose(r.standardError, 2 / Math.sqrt(n), { rtol: 0.35 });
    expect(Math.abs(r.mean - 3)).toBeLessThan(4 * (2 / Math.sqrt(n)));
  });

  it('returns NaN as error for a single kept sample', () => {
    const r = longTimeAverage([0, 1], [5, 7], { tStart: 1 });
    expect(r.mean).toBe(7);
    expect(r.standardError).toBeNaN();
  });

  it('rejects bad input, naming the parameter', () => {
    const fn = (t: unknown, v: unknown, c?: unknown) => () =>
      longTimeAverage(t as number[], v as number[], c as Record<string, number>);
    expect(fn(undefined, [])).toThrow("longTimeAverage: argument 'times' must be an array of times, got undefined");
    expect(fn([], [])).toThrow("longTimeAverage: argument 'times' must not be empty");
    expect(fn([0, NaN], [1, 1])).toThrow("longTimeAverage: argument 'times' must hold finite numbers, got NaN at index 1");
    expect(fn([0, 2, 1], [1, 1, 1])).toThrow("longTimeAverage: argument 'times' must not decrease, got 2 then 1 at index 2");
    expect(fn([0, 1], [1])).toThrow("longTimeAverage: argument 'values' must be an array of the length of 'times' (2), got length 1");
    expect(fn([0, 1], null)).toThrow(/argument 'values'.*got null/);
    expect(fn([0, 1, 2], [Infinity, 1, NaN])).toThrow(
      "longTimeAverage: argument 'values' must hold finite numbers, got Infinity at index 0",
    );
    // a bad value inside the dropped transient does not matter
    expect(fn([0, 1, 2], [NaN, 1, 3], { tStart: 1 })()).toMatchObject({ mean: 2 });
    expect(fn([0, 1], [1, 1], 'x')).toThrow("longTimeAverage: argument 'config' must be an object, got x");
    expect(fn([0, 1], [1, 1], { discard: 1 })).toThrow("longTimeAverage: option 'discard' must be a fraction in [0, 1), got 1");
    expect(fn([0, 1], [1, 1], { discard: -0.1 })).toThrow(/option 'discard'.*got -0.1/);
    expect(fn([0, 1], [1, 1], { tStart: NaN })).toThrow("longTimeAverage: option 'tStart' must be a finite number, got NaN");
    expect(fn([0, 1], [1, 1], { tStart: 0, discard: 0.5 })).toThrow(
      "longTimeAverage: options 'discard' and 'tStart' exclude each other, got both",
    );
    expect(fn([0, 1], [1, 1], { tStart: 1.5 })).toThrow(
      "longTimeAverage: option 'tStart' = 1.5 leaves no samples (last time 1)",
    );
    expect(fn([0, 1], [1, 1], { batches: 1 })).toThrow("longTimeAverage: option 'batches' must be an integer ≥ 2, got 1");
    expect(fn([0, 1], [1, 1], { batches: 2.5 })).toThrow(/option 'batches'.*got 2.5/);
  });
});
