import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { kuramotoLockedState } from './kuramoto-locked-state';

/** N Lorentzian quantiles ω_j = G tan(π((j + ½)/N − ½)), as `kuramoto`'s `frequencies: 'quantile'` puts them. */
const quantiles = (n: number, G = 1) => Float64Array.from({ length: n }, (_, j) => G * Math.tan(Math.PI * ((j + 0.5) / n - 0.5)));

describe('kuramotoLockedState', () => {
  it('is the locked Adler pair for two oscillators ±ω: φ_A − φ_B = arcsin(δ/V) with δ = 2ω (Eq. 2.22)', () => {
    // N = 2: φ̇_1 − φ̇_2 = 2ω − V sin(φ_1 − φ_2), so the pair locks at sin φ_12 = 2ω/V for 2ω ≤ V and
    // |z| = cos(φ_12/2) = √((1 + √(1 − (2ω/V)²))/2), from the Adler equation alone
    for (const [w, V] of [
      [0.3, 1],
      [0.05, 2],
      [0.49, 1],
    ]) {
      const s = kuramotoLockedState([w, -w], V);
      const lock = Math.asin((2 * w) / V);
      expectClose(s.abs, Math.sqrt((1 + Math.cos(lock)) / 2), { rtol: 1e-13 });
      expectClose(s.phases[0] - s.phases[1], lock, { rtol: 1e-13 });
      expect(Array.from(s.locked)).toEqual([1, 1]);
    }
    // 2ω > V: the pair slips (Eq. 2.23), no locked state
    const free = kuramotoLockedState([0.6, -0.6], 1);
    expect(free.abs).toBe(0);
    expect(Array.from(free.locked)).toEqual([0, 0]);
    expect(free.phases.every(Number.isNaN)).toBe(true);
  });

  it('tends to √(1 − 2G/V) (Eq. 2.37) for many Lorentzian quantiles', () => {
    // the sum over quantiles is the midpoint rule of Eq. (2.36) in u = G(ω); the integrand has square-root
    // edges at ω = ±V|z|, so the error is O(N^{-3/2}) ≈ 3e-8 at N = 10⁵ (measured: ≤ 5e-7 down to V = 2.05G)
    const omega = quantiles(100_000);
    for (const V of [2.05, 2.2, 3, 10]) expectClose(kuramotoLockedState(omega, V).abs, Math.sqrt(1 - 2 / V), { atol: 1e-6 });
    // below the threshold 2G there is no locked state left as N grows: only a handful of the central
    // oscillators could lock, and they cannot carry |z|
    expect(kuramotoLockedState(quantiles(1000), 1.5).abs).toBe(0);
  });

  it('puts identical oscillators all at ψ with |z| = 1, and satisfies |z| = (1/N) Σ_locked cos(φ_j − ψ), Σ sin = 0 (Eq. 2.30)', () => {
    const same = kuramotoLockedState([0, 0, 0], 0.5);
    expect(same.abs).toBe(1);
    expect(Array.from(same.phases)).toEqual([0, 0, 0]);
    // at N = 32, V = 10G (Fig. 2.7): 30 lock, the two outermost drift
    const s = kuramotoLockedState(quantiles(32), 10);
    expect(s.locked.reduce((a, b) => a + b, 0)).toBe(30);
    expect([s.locked[0], s.locked[31]]).toEqual([0, 0]);
    let c = 0;
    let si = 0;
    for (const p of s.phases) {
      if (Number.isNaN(p)) continue;
      c += Math.cos(p) / 32;
      si += Math.sin(p) / 32;
    }
    expectClose(c, s.abs, { rtol: 1e-14 });
    expect(Math.abs(si)).toBeLessThan(1e-15);
    // the N → ∞ value 0.894 lies 0.008 below: 32 quantiles sample the tails coarsely
    expectClose(s.abs, 0.9022, { atol: 5e-5 });
  });

  it('has no locked state without coupling', () => {
    expect(kuramotoLockedState([1, -1], 0).abs).toBe(0);
  });

  it('refuses bad arguments by name', () => {
    expect(() => kuramotoLockedState([], 1)).toThrow(/'frequencies'/);
    expect(() => kuramotoLockedState([0, Number.NaN], 1)).toThrow(/'frequencies'.*NaN at index 1/);
    expect(() => kuramotoLockedState([0, 1], -1)).toThrow(/'V'.*≥ 0/);
    expect(() => kuramotoLockedState([0, 1], Number.POSITIVE_INFINITY)).toThrow(/'V'/);
  });
});
