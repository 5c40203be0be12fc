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
    const s = tiltedWashboard({ delta: 0.7, V: 0, sigma: 0.5, points: 64 });
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
    const s = tiltedWashboard({ delta: 0, V, sigma, points: 256 });
    const vonMises = s.phi.map((f) => Math.exp(kappa * Math.cos(f)) / (2 * Math.PI * besselI0(kappa)));
    // exact at the grid points; the periodic trapezoid normalisation of an entire function on 256 points
    // is exact to rounding
    expectClose(s.density, vonMises, { rtol: 1e-12 });
    expect(Math.abs(s.velocity)).toBeLessThan(1e-12);
  });

  it('has the constant probability current of its Fokker–Planck equation: J = −U′P − Dn P′ = ⟨φ̇⟩/2π', () => {
    const [delta, V, sigma] = [1.3, 2, 0.8];
    const n = 512;
    const s = tiltedWashboard({ delta, V, sigma, points: n });
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
    expectClose(tiltedWashboard({ delta: 2, V: 1, sigma: 0.1, points: 1024 }).velocity, Math.sqrt(3), { rtol: 1e-5 });
    expectClose(tiltedWashboard({ delta: 2, V: 1, sigma: 0.05, points: 1024 }).velocity, Math.sqrt(3), { rtol: 1e-6 });
    // inside: the slip rate is Kramers-small, e^{−ΔU/Dn} with barrier ΔU = 2V cos φ* − δ(π − 2φ*) ≈ 0.69 → e^{−137}
    expect(Math.abs(tiltedWashboard({ delta: 0.5, V: 1, sigma: 0.1, points: 1024 }).velocity)).toBeLessThan(1e-4);
  });

  it('has its maximum at the von Mises peak φ = 0 without detuning, height e^{V/Dn}/(2π I0(V/Dn))', () => {
    const kappa = 2 / 0.5;
    const { maximum } = tiltedWashboard({ delta: 0, V: 2, sigma: 1, points: 1024 });
    // the grid φ_j = −π + (j + ½)h straddles 0: the parabola through three exact values of a peak of
    // width 1/√κ = 0.5 puts it at 0 to O(h²·P‴/P″) = 0 by symmetry and its height to O((h√κ)⁴) ≈ 2e-9
    expect(Math.abs(maximum.phase)).toBeLessThan(1e-12);
    expectClose(maximum.density, Math.exp(kappa) / (2 * Math.PI * besselI0(kappa)), { rtol: 1e-7 });
  });

  it('puts the noisy maximum where P′ = 0: J = (δ − V sin φ*)P(φ*), below the noise-free lock arcsin(δ/V)', () => {
    // the constant current J = ⟨φ̇⟩/2π = −U′P − Dn P′ (Eq. 2.26) with P′ = 0 at the peak; an
    // independent relation between the velocity, the height and the position of the peak
    for (const [delta, V, sigma] of [
      [1, 2, 1],
      [0.5, 1, 0.5],
      [-2, 3, 1.2],
    ]) {
      const s = tiltedWashboard({ delta, V, sigma, points: 2048 });
      const J = s.velocity / (2 * Math.PI);
      // parabola position error ~h²/w with h = 3e-3: ~1e-6 rad at these widths (7e-7 measured)
      expectClose(Math.sin(s.maximum.phase), (delta - J / s.maximum.density) / V, { atol: 5e-6 });
      // the current pulls the peak towards 0 from arcsin(δ/V) (Eq. 2.22)
      expect(Math.abs(s.maximum.phase)).toBeLessThan(Math.abs(Math.asin(delta / V)));
    }
    // the point of Fig. 2.4b: δ = σ², V = 2δ
    expectClose(tiltedWashboard({ delta: 1, V: 2, sigma: 1 }).maximum.phase, 0.5108, { atol: 2e-4 });
  });

  it('mirrors under δ → −δ: P(φ) → P(−φ), ⟨φ̇⟩ → −⟨φ̇⟩', () => {
    const plus = tiltedWashboard({ delta: 1, V: 1.5, sigma: 1, points: 64 });
    const minus = tiltedWashboard({ delta: -1, V: 1.5, sigma: 1, points: 64 });
    expectClose(minus.velocity, -plus.velocity, { rtol: 1e-14 });
    expectClose(minus.density, plus.density.slice().reverse(), { rtol: 1e-14 });
    expect(plus.velocity).toBeGreaterThan(0);
  });

  it('refuses bad arguments by name', () => {
    expect(() => tiltedWashboard({ delta: NaN, V: 1, sigma: 1, points: 64 })).toThrow(/'delta'/);
    expect(() => tiltedWashboard({ delta: 1, V: -1, sigma: 1, points: 64 })).toThrow(/'V'/);
    expect(() => tiltedWashboard({ delta: 1, V: 1, sigma: 0, points: 64 })).toThrow(/'sigma'/);
    expect(() => tiltedWashboard({ delta: 1, V: 1, sigma: 1, points: 8.5 })).toThrow(/'points'.*integer/);
    expect(() => tiltedWashboard({ delta: 1, V: 1, sigma: 1, points: 4 })).toThrow(/'points'.*≥ 8/);
    expect(() => tiltedWashboard({ delta: 1, V: 1, sigma: 1, n: 64 } as never)).toThrow(/unknown parameter 'n'/);
  });
});
