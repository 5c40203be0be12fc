import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { tiltedWashboard } from './tilted-washboard';
import { tiltedWashboardDiffusion } from './tilted-washboard-diffusion';

describe('tiltedWashboardDiffusion', () => {
  it('is free drift and diffusion without coupling: ⟨φ̇⟩ = δ, D_eff = σ²/2', () => {
    // Simpson's relative error on ∫e^{δy/Dn} is ~(h·δ/Dn)⁴/180 = 2e-9 at δ/Dn = 8 (the first case)
    for (const [delta, sigma] of [
      [1, 0.5],
      [-0.7, 1.3],
      [0.2, 2],
    ]) {
      const r = tiltedWashboardDiffusion({ delta, V: 0, sigma });
      expectClose(r.velocity, delta, { rtol: 1e-8 });
      expectClose(r.diffusion, (sigma * sigma) / 2, { rtol: 1e-8 });
    }
  });

  it('has the mean velocity of tiltedWashboard (a different quadrature of the same Fokker–Planck current)', () => {
    for (const [delta, V, sigma] of [
      [1.1, 1, 0.5],
      [0.5, 1, 0.8],
      [2, 1, 1],
    ]) {
      expectClose(tiltedWashboardDiffusion({ delta, V, sigma }).velocity, tiltedWashboard({ delta, V, sigma }).velocity, { rtol: 1e-7 });
    }
  });

  it('tends at weak noise outside the tongue to the diffusion of the running solution, Dn(2δ² + V²)/(2(δ² − V²))', () => {
    // weak-noise limit D_eff = Dn·L²⟨1/v³⟩/⟨1/v⟩³ over the deterministic cycle φ̇ = v(φ) = δ − V sin φ,
    // with ∮dφ/v = 2π/√(δ² − V²) and ∮dφ/v³ = π(2δ² + V²)/(δ² − V²)^{5/2}; the corrections are O(σ⁴)
    // (6e-3 at σ = 0.4, 4e-4 at σ = 0.2): a ratio of 1 (free diffusion) or 2 is far outside
    const delta = 2;
    const V = 1;
    const limit = (2 * delta * delta + V * V) / (2 * (delta * delta - V * V));
    const at = (sigma: number) => tiltedWashboardDiffusion({ delta, V, sigma, yIntervals: 16384 }).diffusion / ((sigma * sigma) / 2);
    expect(Math.abs(at(0.2) - limit)).toBeLessThan(1e-3);
    expect(Math.abs(at(0.1) - limit)).toBeLessThan(1e-4);
    expect(Math.abs(at(0.1) - limit)).toBeLessThan(Math.abs(at(0.2) - limit) / 8); // O(σ⁴), not O(σ²)
  });

  it('refuses bad parameters, naming them', () => {
    expect(() => tiltedWashboardDiffusion({ delta: 1, V: -1, sigma: 1 })).toThrow(/'V'/);
    expect(() => tiltedWashboardDiffusion({ delta: 1, V: 1, sigma: 0 })).toThrow(/'sigma'/);
    expect(() => tiltedWashboardDiffusion({ delta: Number.NaN, V: 1, sigma: 1 })).toThrow(/'delta'.*NaN/);
    expect(() => tiltedWashboardDiffusion({ delta: 1, V: 1, sigma: 1, yIntervals: 9 })).toThrow(/'yIntervals' must be even/);
  });
});
