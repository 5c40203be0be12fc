import { describe, expect, it } from 'vitest';
import { bracketInstability } from './bracket-instability';

// Synthetic growth rates whose root is known: the bracketing of quantumVanDerPolCriticalCoupling
// and its two non-termination guards, which no physical κ1, κ2 > 0 reaches (the rate at V → 0 is
// negative, and Vc ≤ 6.8κ1 at any cutoff).
const tiny = () => 1e-12;

describe('bracketInstability', () => {
  it('brackets the root by halving and doubling from the start', () => {
    expect(bracketInstability('f', (V) => V - 3, 1, 1e-9, 1e4, tiny)).toEqual([2, 4]);
    expect(bracketInstability('f', (V) => V - 0.3, 1, 1e-9, 1e4, tiny)).toEqual([0.25, 0.5]);
  });

  it('refuses a state unstable down to vMin and one stable up to vMax, naming the bound', () => {
    expect(() => bracketInstability('qvdp', () => 1, 1, 1e-9, 1e4, tiny)).toThrow(/^qvdp: the incoherent state is unstable down to V = 9\.3\d*e-10/);
    expect(() => bracketInstability('qvdp', () => -1, 1, 1e-9, 1e4, tiny)).toThrow('qvdp: no instability of the incoherent state up to V = 10000');
  });

  it('refuses a rate within the resolution of 0, with the V and the rate', () => {
    expect(() => bracketInstability('qvdp', () => -1e-13, 1, 1e-9, 1e4, tiny)).toThrow(/^qvdp: the growth rate at V = 1 is -1e-13, not resolved from 0/);
  });
});
