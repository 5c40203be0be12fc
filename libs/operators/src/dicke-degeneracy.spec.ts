import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { dickeDegeneracy } from './dicke-degeneracy';

/** Exact C(n, k) in BigInt. */
function binomial(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let c = 1n;
  for (let i = 1; i <= k; i++) c = (c * BigInt(n - k + i)) / BigInt(i);
  return c;
}

describe('dickeDegeneracy', () => {
  it('equals the exact C(N, N/2−j) − C(N, N/2−j−1) at N = 100 and 101 for every j (relative 2e-14)', () => {
    // ≤ 50 roundings of the running product, each ≤ ε/2: 50·ε ≈ 1.1e-14.
    for (const n of [100, 101]) {
      for (let j = n / 2; j >= 0; j--) {
        const k = n / 2 - j;
        const exact = binomial(n, k) - binomial(n, k - 1);
        expectClose(dickeDegeneracy(n, j), Number(exact), { rtol: 2e-14 });
      }
    }
  });

  it('the multiplets fill the 2^N states: Σ_j (2j+1)·d_j = 2^N (N = 1 … 60, exact in doubles up to 2^53)', () => {
    for (let n = 1; n <= 60; n++) {
      let total = 0;
      for (let j = n / 2; j >= 0; j--) total += (2 * j + 1) * dickeDegeneracy(n, j);
      expectClose(total, 2 ** n, { rtol: 1e-14 });
    }
  });

  it('stays finite at N = 1000 (where int64 factorials overflowed long before) and matches BigInt to 1e-13', () => {
    for (const j of [0, 1, 10, 250, 499, 500]) {
      const k = 500 - j;
      const exact = binomial(1000, k) - binomial(1000, k - 1);
      const d = dickeDegeneracy(1000, j);
      expect(Number.isFinite(d)).toBe(true);
      // 500 roundings: ≤ 500·ε ≈ 1.1e-13
      expectClose(d, Number(exact), { rtol: 2e-13 });
    }
  });

  it('refuses a bad N or j, naming the parameter, and throws beyond the double range', () => {
    expect(() => dickeDegeneracy(0, 0)).toThrow(/'n' must be an integer/);
    expect(() => dickeDegeneracy(4, 0.5)).toThrow(/'j' must be one of N\/2/);
    expect(() => dickeDegeneracy(4, 3)).toThrow(/'j' must be one of/);
    expect(() => dickeDegeneracy(1100, 0)).toThrow(/exceeds the double range/);
  });
});
