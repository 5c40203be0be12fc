import { describe, expect, it } from 'vitest';
import { dormandPrince } from '@qsync/integrators';
import { expectClose } from '@qsync/testing';
import { goodCavityCriticalDrivenFraction } from './good-cavity-critical-driven-fraction';
import { undrivenAtomLaserBadCavity } from './undriven-atom-laser-bad-cavity';
import { undrivenAtomLaserMeanField } from './undriven-atom-laser-mean-field';
import { criticalPoint, leadingEigenvalue } from './test-support/linear-stability';

const solve = (rhs: (out: Float64Array, y: Float64Array, t: number) => void, y0: Float64Array, times: number[]) =>
  dormandPrince(rhs, y0, times, { rtol: 1e-11, atol: 1e-13, maxSteps: 1e7 } as never);

describe('undrivenAtomLaserMeanField (7.3)', () => {
  it('bad cavity: (7.3) → (7.4) as x = κ/(√N Ω) grows at fixed V, the error falling as 1/x² (V/κ)', () => {
    const N = 1000;
    const V = 1;
    const spins = { pd: 0.85, gammaPlus: 1, gammaMinus: 0.01, gammaZ: 0.02, thetaDrivenInitial: Math.asin(0.6), thetaUndrivenInitial: Math.asin(0.4), undrivenPhaseInitial: 0.7 };
    const bad = undrivenAtomLaserBadCavity({ V, ...spins });
    const times = Array.from({ length: 31 }, (_, k) => k);
    const ref = solve(bad.rhs, bad.initialState(), times);
    const errors = [10, 20, 40, 80].map((x) => {
      // V = 2NΩ²/κ and κ = x√N Ω: Ω = V x/(2√N), κ = x²V/2
      const Omega = (V * x) / (2 * Math.sqrt(N));
      const kappa = (x * x * V) / 2;
      const mf = undrivenAtomLaserMeanField({ N, Omega, kappa, ...spins });
      expectClose(mf.badCavityCoupling, V, { rtol: 1e-14 });
      const y0 = mf.initialState();
      // the cavity starts where it follows the atoms, α = −2iNΩ s−/κ
      const sr = spins.pd * y0[0] + (1 - spins.pd) * y0[2];
      const si = spins.pd * y0[1] + (1 - spins.pd) * y0[3];
      y0[6] = (-2 * N * Omega * si) / kappa;
      y0[7] = (-2 * N * Omega * sr) / kappa;
      const sol = solve(mf.rhs, y0, times);
      let e = 0;
      for (let k = 0; k < times.length; k++) for (let i = 0; i < 6; i++) e = Math.max(e, Math.abs(sol.y[k][i] - ref.y[k][i]));
      return e;
    });
    // second order in 1/x: each doubling of x divides the error by ≈ 4
    for (let k = 1; k < errors.length; k++) {
      const slope = Math.log2(errors[k - 1] / errors[k]);
      expect(slope).toBeGreaterThan(1.9);
      expect(slope).toBeLessThan(2.1);
    }
    expect(errors[0]).toBeGreaterThan(1e-3); // the check can see the difference at x = 10
    expect(errors[3]).toBeLessThan(1e-3);
  });

  it('good cavity: the incoherent state of (7.3) loses stability at (7.10) to 1e-8, through a real eigenvalue (no shift)', () => {
    // κ ≪ γ− + 2γz (the undriven atoms' linewidth); Ω set so that κ/(4NΩ²) = k puts p_d,c inside (0, 1)
    const point = (N: number, kappa: number, k: number, gammaPlus: number, gammaMinus: number, gammaZ: number) => ({
      N, kappa, Omega: Math.sqrt(kappa / (4 * N * k)), gammaPlus, gammaMinus, gammaZ,
    });
    for (const c of [point(100, 0.01, 0.1, 2, 0.01, 0.5), point(1e4, 0.02, 0.19, 1, 0.2, 0.5), point(500, 0.01, 0.1, 3, 0.5, 0)]) {
      const szd = (c.gammaPlus - c.gammaMinus) / (c.gammaPlus + c.gammaMinus);
      const growth = (pd: number) => {
        const m = undrivenAtomLaserMeanField({ ...c, pd });
        return leadingEigenvalue(m.rhs, [0, 0, 0, 0, szd, -1, 0, 0], [0, 1, 2, 3, 6, 7]);
      };
      const pc = criticalPoint((pd) => growth(pd).re, 0, 1);
      expectClose(pc, goodCavityCriticalDrivenFraction(c), { atol: 1e-8, rtol: 0 });
      const rates = c.kappa + c.gammaPlus;
      expect(Math.abs(growth(pc).im)).toBeLessThan(1e-6 * rates);
    }
  });

  it('detuning (7.18): at p_d = 1 the laser is pulled to ω = (ωc − ωs)Γ_d/(κ + Γ_d), Γ_d = γ+ + γ− + 2γz', () => {
    // from (7.3) with s+ ∝ e^{iωt}, α ∝ e^{−iωt}: iω = −Γ_d/2 + NΩ²s^z/(κ/2 − i(Δ − ω)), whose imaginary part gives ω
    for (const detuning of [0.3, -0.7]) {
      const c = { N: 100, pd: 1, Omega: 0.05, kappa: 2, gammaPlus: 0.1, gammaMinus: 0.01, gammaZ: 0.02, detuning, thetaDrivenInitial: Math.asin(0.2) };
      const m = undrivenAtomLaserMeanField(c);
      const sol = solve(m.rhs, m.initialState(), [0, 3000]);
      const gd = c.gammaPlus + c.gammaMinus + 2 * c.gammaZ;
      expect(Math.hypot(sol.y[1][0], sol.y[1][1])).toBeGreaterThan(0.1); // lasing
      expectClose(m.frequency(Float64Array.from(sol.y[1])), (detuning * gd) / (c.kappa + gd), { rtol: 1e-8 });
    }
  });

  it('refuses bad parameters by name', () => {
    const ok = { N: 10, pd: 0.5, Omega: 1, kappa: 1, gammaPlus: 1 };
    expect(() => undrivenAtomLaserMeanField({ ...ok, kappa: 0 })).toThrow(/'kappa'.*> 0/);
    expect(() => undrivenAtomLaserMeanField({ ...ok, N: -5 })).toThrow(/'N'/);
    expect(() => undrivenAtomLaserMeanField({ ...ok, detuning: Infinity })).toThrow(/'detuning' must be a finite number/);
    expect(() => undrivenAtomLaserMeanField({ ...ok, thetaUndrivenInitial: 4 })).toThrow(/'thetaUndrivenInitial'/);
    expect(() => undrivenAtomLaserMeanField(ok).frequency(new Float64Array(6))).toThrow(/frequency: y must be a Float64Array of the model's 8 values, got length 6/);
    expect(() => undrivenAtomLaserMeanField({ ...ok, blochRadiusInitial: 1.1 })).toThrow(/'blochRadiusInitial'/);
  });
});
