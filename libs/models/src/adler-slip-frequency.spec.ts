import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { adlerSlipFrequency } from './adler-slip-frequency';
import { tiltedWashboard } from './tilted-washboard';

/**
 * 2π/T with the period T = ∫₀^{2π} dφ/(δ − V sin φ) of Eq. (2.23) by the periodic trapezoid rule:
 * the integrand is analytic and periodic, so the rule converges geometrically, like e^{−M·a} with
 * a = arccosh(|δ|/V) the distance of its poles from the real axis (M = 4096 is exact to rounding for
 * |δ|/V ≥ 1.01, a ≥ 0.14).
 */
function periodQuadrature(delta: number, V: number, M = 4096): number {
  let s = 0;
  for (let m = 0; m < M; m++) s += 1 / (delta - V * Math.sin((2 * Math.PI * m) / M));
  return (2 * Math.PI) / ((2 * Math.PI * s) / M);
}

describe('adlerSlipFrequency', () => {
  it('is 2π over the period of a slip, T = ∫ dφ/(δ − V sin φ), outside the tongue (Eq. 2.23)', () => {
    for (const [delta, V] of [
      [2, 1],
      [-1.3, 1.2],
      [1.01, 1],
      [10, 3],
      [0.4, 0],
    ]) {
      // the quadrature is exact to rounding of a 4096-term sum (~1e-13 relative)
      expectClose(adlerSlipFrequency({ delta, V }), periodQuadrature(delta, V), { rtol: 1e-11 });
    }
  });

  it('is the bare detuning without coupling and δ − V²/2δ + O(V⁴/δ³) far from the tongue', () => {
    expect(adlerSlipFrequency({ delta: -0.7, V: 0 })).toBe(-0.7);
    // δ = 100, V = 1: the next term V⁴/(8δ³) = 1.25e-7
    expectClose(adlerSlipFrequency({ delta: 100, V: 1 }), 100 - 1 / 200, { atol: 2e-7 });
  });

  it('is 0 inside the tongue and at its edge |δ| = V, odd in δ', () => {
    for (const delta of [-1, -0.3, 0, 0.99, 1]) expect(adlerSlipFrequency({ delta, V: 1 })).toBe(0);
    expect(adlerSlipFrequency({ delta: -3, V: 2 })).toBe(-adlerSlipFrequency({ delta: 3, V: 2 }));
    // near the edge the frequency rises as √(2V(|δ| − V)): (|δ| − V)(|δ| + V) keeps it exact
    expectClose(adlerSlipFrequency({ delta: 1 + 1e-12, V: 1 }), Math.sqrt(2e-12), { rtol: 1e-4 });
  });

  it('is the weak-noise limit of the exact noisy mean velocity (tiltedWashboard, Eq. 2.25)', () => {
    // the noise correction is O(Dn²) (Dn = σ²/2): ≈ 2e-6 relative at σ = 0.1, δ = 2, V = 1, a
    // sixteenth of it at σ = 0.05; the quadrature of tiltedWashboard is exact to rounding
    const exact = adlerSlipFrequency({ delta: 2, V: 1 });
    const noisy = (sigma: number) => tiltedWashboard({ delta: 2, V: 1, sigma, points: 1024 }).velocity;
    expectClose(noisy(0.05), exact, { rtol: 3e-7 });
    expect(Math.abs(noisy(0.05) - exact)).toBeLessThan(Math.abs(noisy(0.1) - exact) / 8);
  });

  it('refuses bad parameters by name', () => {
    expect(() => adlerSlipFrequency({ delta: 1, V: -1 })).toThrow(/'V'.*≥ 0/);
    expect(() => adlerSlipFrequency({ delta: Number.NaN, V: 1 })).toThrow(/'delta'.*NaN/);
    expect(() => adlerSlipFrequency({ delta: 1 } as never)).toThrow(/'V'.*required/);
    expect(() => adlerSlipFrequency({ delta: 1, V: 1, sigma: 0 } as never)).toThrow(/unknown parameter 'sigma'/);
  });
});
