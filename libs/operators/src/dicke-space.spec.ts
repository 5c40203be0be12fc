import { describe, expect, it } from 'vitest';
import { dickeBasisState } from './dicke-basis-state';
import { dickeSpace } from './dicke-space';

describe('dickeSpace', () => {
  it('counts Σ_j (2j+1) states and Σ_j (2j+1)² entries (QuTiP: num_dicke_states = (N/2 + 1)² − (N mod 2)/4)', () => {
    for (const n of [1, 2, 7, 10, 200]) {
      const s = dickeSpace(n);
      expect(s.dimension).toBe((n / 2 + 1) ** 2 - (n % 2) / 4);
      expect(s.blocks).toBe(Math.floor(n / 2) + 1);
      let size = 0;
      for (let b = 0; b < s.blocks; b++) size += (2 * s.j[b] + 1) ** 2;
      expect(s.size).toBe(size);
      expect(s.vecOffset[s.blocks]).toBe(size);
    }
  });

  it('refuses a bad N, and dickeBasisState a bad (j, m), naming them', () => {
    expect(() => dickeSpace(0)).toThrow(/'n' must be an integer number of spins/);
    expect(() => dickeSpace(2.5)).toThrow(/'n' must be an integer/);
    // Σ_j (2j+1)² ≈ (N+1)³/6 entries per state pass 2^31 near N = 2340 (stored with 32-bit offsets)
    expect(() => dickeSpace(3000)).toThrow(/^dickeSpace: N = 3000 spins need \d+\+ entries per state, beyond 2\^31/);
    expect(() => dickeSpace(1_000_000)).toThrow(/beyond 2\^31/);
    expect(dickeSpace(2000).size).toBe(Array.from({ length: 1001 }, (_, b) => (2001 - 2 * b) ** 2).reduce((a, x) => a + x, 0));
    expect(() => dickeBasisState(dickeSpace(3), 1, 0)).toThrow(/'j' must be one of N\/2, N\/2 − 1, …, 0.5 for N = 3/);
    expect(() => dickeBasisState(dickeSpace(3), 1.5, 0)).toThrow(/'m' must be one of −j, −j \+ 1, …, j for j = 1.5/);
  });
});
