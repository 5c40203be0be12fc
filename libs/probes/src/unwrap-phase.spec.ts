import { describe, expect, it } from 'vitest';
import { createRng } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { unwrapPhase } from './unwrap-phase';
import { wrapPhase } from './wrap-phase';
import { angleDiff } from './test-support/samplers';

const PI = Math.PI;

describe('unwrapPhase', () => {
  it('runs the doc example', () => {
    // one rounding each: 3 − 2π·(−1) … as 2π − 3 and 2π − 1
    expectClose(unwrapPhase([3, -3, -1]), [3, 2 * PI - 3, 2 * PI - 1], { rtol: 1e-15 });
  });

  it('turns a wrapped linear ramp back into the ramp, for either sign of the slope', () => {
    for (const omega of [2.7, -1.3, 0.05]) {
      const n = 2000;
      const dt = 0.05; // |ω|·dt < π: the ramp moves by less than π per sample
      const ramp = Float64Array.from({ length: n }, (_, k) => 0.4 + omega * k * dt);
      const wrapped = ramp.map((p) => Math.atan2(Math.sin(p), Math.cos(p)));
      // sin/cos of arguments up to 270 rad carry ~1e−14 absolute error, plus 2π·turns roundings
      expectClose(unwrapPhase(wrapped), ramp, { atol: 1e-12 });
    }
  });

  it('agrees with its input modulo 2π: wrap(unwrap(x)) = wrap(x)', () => {
    const rng = createRng(17);
    const x = Float64Array.from({ length: 500 }, () => 30 * rng.gaussian());
    const u = unwrapPhase(x);
    for (let i = 0; i < x.length; i++) {
      // angular distance, so that −π and π − ε count as close; 2π·turns has up to ~1e−13 rounding
      expect(Math.abs(angleDiff(wrapPhase(u[i]), wrapPhase(x[i])))).toBeLessThan(1e-12);
    }
    // and no step is larger than π
    for (let i = 1; i < u.length; i++) expect(Math.abs(u[i] - u[i - 1])).toBeLessThanOrEqual(PI + 1e-12);
  });

  it('moves only steps beyond π, by the nearest whole number of turns', () => {
    expect(Array.from(unwrapPhase([0, PI]))).toEqual([0, PI]); // a step of exactly π stays
    expect(Array.from(unwrapPhase([0, -PI]))).toEqual([0, -PI]);
    const u = unwrapPhase([0, PI + 1e-9, 0, 3.5 * PI, -5.6 * PI]);
    // steps: π + 1e−9 → one turn off (−π + 1e−9); −π − 1e−9 → one turn back (0); 3.5π = 1.75 turns → 2
    // off (−0.5π); −9.1π = −4.55 turns → 5 back (0.4π)
    expectClose(u, [0, -PI + 1e-9, 0, -0.5 * PI, 0.4 * PI], { atol: 1e-14 });
  });

  it('returns a new array and accepts an empty one', () => {
    const x = new Float64Array([1, 2]);
    expect(unwrapPhase(x)).not.toBe(x);
    expect(unwrapPhase([])).toEqual(new Float64Array(0));
  });

  it('rejects bad input, naming the parameter', () => {
    expect(() => unwrapPhase(undefined as unknown as number[])).toThrow(
      "unwrapPhase: argument 'phases' must be an array of numbers, got undefined",
    );
    expect(() => unwrapPhase([0, 1, NaN])).toThrow(
      "unwrapPhase: argument 'phases' must hold finite numbers, got NaN at index 2",
    );
  });
});
