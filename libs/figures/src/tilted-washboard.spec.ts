import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { tiltedWashboard } from './tilted-washboard';

/** Modified Bessel function I0(x) by its power series (x ≤ ~30 here). */
function besselI0(x: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k < 200; k++) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
  }
  return sum;
}

describe('tiltedWashboard', () => {
  it('is flat with velocity δ without coupling', () => {
    const s = tiltedWashboard(0.7, 0, 0.5, 64);
    expect(s.phi[0]).toBeCloseTo(-Math.PI + Math.PI / 64, 15);
    // the one-cell integrals are Gauss–Legendre on cells where the exponent changes by ≤ 1: exact to
    // rounding, so only a few ulps of 64-term sums remain
    expectClose(s.density, new Float64Array(64).fill(1 / (2 * Math.PI)), { rtol: 1e-12 });
    expectClose(s.velocity, 0.7, { rtol: 1e-12 });
  });

  it('is the von Mises density e^{V cos φ/Dn}/(2π I0(V/Dn)) with zero velocity without detuning', () => {
    const V = 2;
    const sigma = 1;
    const kappa = V / (sigma * sigma / 2);
    const s = tiltedWashboard(0, V, sigma, 256);
    const vonMises = s.phi.map((f) => Math.exp(kappa * Math.cos(f)) / (2 * Math.PI * besselI0(kappa)));
    // exact at the grid points; the periodic trapezoid normalisation of an entire function on 256 points
    // is exact to rounding
    expectClose(s.density, vonMises, { rtol: 1e-12 });
    expect(Math.abs(s.velocity)).toBeLessThan(1e-12);
  });

  it('has the constant probability current of its Fokker–Planck equation: J = −U′P − Dn P′ = ⟨φ̇⟩/2π', () => {
    const [delta, V, sigma] = [1.3, 2, 0.8];
    const n = 512;
    const s = tiltedWashboard(delta, V, sigma, n);
    const dn = (sigma * sigma) / 2;
    const h = (2 * Math.PI) / n;
    for (const j of [0, 100, 255, 400]) {
      const dP = (s.density[(j + 1) % n] - s.density[(j + n - 1) % n]) / (2 * h);
      const current = (delta - V * Math.sin(s.phi[j])) * s.density[j] - dn * dP;
      // central difference: O(h²·P‴) ≈ 1.5e-4·|P‴|/6, P‴ ≲ 10 here
      expectClose(current, s.velocity / (2 * Math.PI), { atol: 5e-4 });
    }
    let total = 0;
    for (const p of s.density) total += p * h;
    expectClose(total, 1, { rtol: 1e-12 });
  });

  it('tends to the noise-free slip frequency √(δ² − V²) (Eq. 2.23) for weak noise, 0 inside the tongue', () => {
    // σ² = 0.01 (Dn = 0.005): the noise correction is O(Dn²) (first order cancels), ≈ 2e-6 here and
    // 16 times smaller at Dn/4; the quadrature itself is exact to rounding
    expectClose(tiltedWashboard(2, 1, 0.1, 1024).velocity, Math.sqrt(3), { rtol: 1e-5 });
    expectClose(tiltedWashboard(2, 1, 0.05, 1024).velocity, Math.sqrt(3), { rtol: 1e-6 });
    // inside: the slip rate is Kramers-small, e^{−ΔU/Dn} with barrier ΔU = 2V cos φ* − δ(π − 2φ*) ≈ 0.69 → e^{−137}
    expect(Math.abs(tiltedWashboard(0.5, 1, 0.1, 1024).velocity)).toBeLessThan(1e-4);
  });

  it('mirrors under δ → −δ: P(φ) → P(−φ), ⟨φ̇⟩ → −⟨φ̇⟩', () => {
    const plus = tiltedWashboard(1, 1.5, 1, 64);
    const minus = tiltedWashboard(-1, 1.5, 1, 64);
    expectClose(minus.velocity, -plus.velocity, { rtol: 1e-14 });
    expectClose(minus.density, plus.density.slice().reverse(), { rtol: 1e-14 });
    expect(plus.velocity).toBeGreaterThan(0);
  });

  it('refuses bad arguments by name', () => {
    expect(() => tiltedWashboard(NaN, 1, 1, 64)).toThrow(/'delta'/);
    expect(() => tiltedWashboard(1, -1, 1, 64)).toThrow(/'V'/);
    expect(() => tiltedWashboard(1, 1, 0, 64)).toThrow(/'sigma'/);
    expect(() => tiltedWashboard(1, 1, 1, 8.5)).toThrow(/'n'/);
    expect(() => tiltedWashboard(1, 1, 1, 4)).toThrow(/'n'/);
  });
});
