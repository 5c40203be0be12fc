import { describe, expect, it } from 'vitest';
import { trajectoryRng } from './trajectory-rng';

function draws(seed: number, k: number, count: number): Float64Array {
  const out = new Float64Array(count);
  trajectoryRng(seed, k).fillNormalZigguratInto(out);
  return out;
}

describe('trajectoryRng', () => {
  it('gives trajectory k the same numbers whatever ran before it', () => {
    const alone = draws(11, 5, 64);
    for (let k = 0; k < 5; k++) draws(11, k, 1000); // other trajectories first
    expect(draws(11, 5, 64)).toEqual(alone);
  });

  it('gives different trajectories and seeds uncorrelated noise', () => {
    // sample correlation of two independent N(0,1) series of length m has sd 1/√m: 4 sd bound
    const m = 20_000;
    const corr = (x: Float64Array, y: Float64Array) => {
      let s = 0;
      for (let i = 0; i < m; i++) s += x[i] * y[i];
      return s / m;
    };
    const a = draws(11, 0, m);
    expect(Math.abs(corr(a, draws(11, 1, m)))).toBeLessThan(4 / Math.sqrt(m));
    expect(Math.abs(corr(a, draws(12, 0, m)))).toBeLessThan(4 / Math.sqrt(m));
    expect(corr(a, draws(11, 0, m))).toBeCloseTo(1, 1); // the check can see a correlation
  });

  it('names the bad argument', () => {
    expect(() => trajectoryRng(1.5, 0)).toThrow(/'noiseSeed' must be a safe integer/);
    expect(() => trajectoryRng(1, -1)).toThrow(/'trajectory' must be an integer ≥ 0/);
  });
});
