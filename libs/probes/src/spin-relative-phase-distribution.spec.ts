import { spinCoherentKet, spinHalfSpace, tensorKet } from '@qsync/operators';
import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { spinRelativePhaseDistribution } from './spin-relative-phase-distribution';
import { spinRelativePhaseDistributionNumerical } from './spin-relative-phase-distribution-numerical';
import { correlatedPair, randomPairKet } from './test-support/spin-states';
import { periodicAngles, pure, randomDensity, seededUniform } from './test-support/states';

const FLAT = 1 / (2 * Math.PI);

describe('spinRelativePhaseDistribution', () => {
  it('runs the doc example: the singlet locks at π', () => {
    const d = new Float64Array(32);
    for (const p of [1, 2]) for (const q of [1, 2]) d[2 * (p * 4 + q)] = p === q ? 0.5 : -0.5;
    const q = spinRelativePhaseDistribution({ dims: [2, 2], matrix: { rows: 4, cols: 4, data: d } }, [0, Math.PI]);
    expectClose(q, [FLAT - Math.PI / 32, FLAT + Math.PI / 32], { rtol: 1e-15 });
  });

  it('equals the numerical integral of Eqs. (4.42)–(4.44) at random mixed and pure states', () => {
    // The closed form's constant π/16 and the sign of its exponent are derived in the source; here
    // the quadrature (Gauss–Legendre in θ, exact trapezoid in φ_B) decides. The issue asks for 1e-6;
    // both agree to rounding. With π/8 or with e^{+iφ_AB} the random states below differ by > 1e-3.
    const rand = seededUniform(77);
    const phis = periodicAngles(11, -0.4);
    for (let k = 0; k < 12; k++) {
      const rho = k % 2 === 0 ? randomDensity([2, 2], rand) : pure(randomPairKet(rand), [2, 2]);
      expectClose(spinRelativePhaseDistribution(rho, phis), spinRelativePhaseDistributionNumerical(rho, phis, { ntheta: 12, nphi: 4 }), { atol: 1e-15 });
    }
  });

  it('peaks at φ_A − φ_B for the product of coherent states |θ, φ_A⟩|θ, φ_B⟩', () => {
    // ⟨σ+_Aσ−_B⟩ = ⟨σ+_A⟩⟨σ−_B⟩ = ¼ sin²θ e^{i(φ_A − φ_B)}: the peak sits at φ_A − φ_B, by (π/64) sin²θ.
    const s = spinHalfSpace();
    const [theta, phiA, phiB] = [1.2, 2.6, 0.5];
    const rho = pure(tensorKet(spinCoherentKet(s, theta, phiA), spinCoherentKet(s, theta, phiB)).data, [2, 2]);
    const peak = phiA - phiB;
    const [top, off, bottom] = spinRelativePhaseDistribution(rho, [peak, peak + Math.PI / 2, peak + Math.PI]);
    expectClose(top, FLAT + (Math.PI / 64) * Math.sin(theta) ** 2, { rtol: 1e-15 });
    expectClose(off, FLAT, { rtol: 1e-15 });
    expectClose(bottom, FLAT - (Math.PI / 64) * Math.sin(theta) ** 2, { rtol: 1e-15 });
  });

  it('gives 1/2π + (π/32)cos(φ_AB + χ) for (|0,1⟩ + e^{iχ}|1,0⟩)/√2, integrating to 1', () => {
    const chi = 0.8;
    const phis = periodicAngles(16, 0.1);
    const q = spinRelativePhaseDistribution(correlatedPair(chi), phis);
    expectClose(q, Array.from(phis, (f) => FLAT + (Math.PI / 32) * Math.cos(f + chi)), { rtol: 1e-15 });
    expectClose((q.reduce((a, b) => a + b, 0) * 2 * Math.PI) / 16, 1, { rtol: 1e-15 });
  });

  it('refuses one spin and a Fock pair', () => {
    expect(() => spinRelativePhaseDistribution(randomDensity([2], seededUniform(1)), [0])).toThrow(/'rho' must be a two-mode density matrix/);
    expect(() => spinRelativePhaseDistribution(randomDensity([3, 2], seededUniform(1)), [0])).toThrow(/two spins-1\/2 \(dims \[2, 2\]\), got dims \[3, 2\]/);
  });
});
