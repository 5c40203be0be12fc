import { describe, expect, it } from 'vitest';
import { dormandPrince } from '@qsync/integrators';
import { expectClose } from '@qsync/testing';
import { criticalDrivenFraction } from './critical-driven-fraction';
import { goodCavityCriticalDrivenFraction } from './good-cavity-critical-driven-fraction';
import { spinEnsembleMeanField } from './spin-ensemble-mean-field';
import { travelingWaveFrequency } from './traveling-wave-frequency';
import { modelCatalog } from './model-catalog';
import { undrivenAtomLaserBadCavity } from './undriven-atom-laser-bad-cavity';
import { criticalPoint, leadingEigenvalue } from './test-support/linear-stability';

describe('undrivenAtomLaserBadCavity (7.4), (7.5)', () => {
  it('long-time frequency of (7.5) from pure undriven atoms = (7.7) to 1e-6, purity conserved', () => {
    for (const [V, gp, pd, phase] of [
      [1, 1, 0.8, 0.1],
      [1, 1, 0.9, -0.3],
      [1, 0.5, 0.7, 0.1],
      [1, 0.2, 0.7, 0.1],
    ]) {
      const m = undrivenAtomLaserBadCavity({ V, pd, gammaPlus: gp, undrivenPhaseInitial: phase });
      const y0 = m.initialState();
      const sol = dormandPrince(m.rhs, y0, [0, 1200 / V, 1300 / V], { rtol: 1e-12, atol: 1e-14 });
      const w = travelingWaveFrequency({ V, gammaPlus: gp, pd });
      expect(w).toBeGreaterThan(0.01 * V);
      // the shift has settled: equal at two times 100/V apart, and equal to (7.7) up to its sign
      const w1 = m.frequency(Float64Array.from(sol.y[1]));
      const w2 = m.frequency(Float64Array.from(sol.y[2]));
      expectClose(Math.abs(w2), w, { atol: 1e-6 * V, rtol: 0 });
      expectClose(w1, w2, { atol: 1e-6 * V, rtol: 0 });
      const purity = (y: ArrayLike<number>) => 4 * (y[2] ** 2 + y[3] ** 2) + y[5] ** 2;
      expectClose(purity(sol.y[2]), purity(y0), { atol: 1e-8, rtol: 0 });
    }
  });

  it('the ±ω symmetry: mirrored initial phase gives the other traveling wave', () => {
    const f = (phase: number) => {
      const m = undrivenAtomLaserBadCavity({ V: 1, pd: 0.8, gammaPlus: 1, undrivenPhaseInitial: phase });
      return m.frequency(Float64Array.from(dormandPrince(m.rhs, m.initialState(), [0, 1500], { rtol: 1e-12, atol: 1e-14 }).y[1]));
    };
    expectClose(f(-0.1), -f(0.1), { rtol: 1e-9 });
  });

  it('(7.8) and (7.11) = where the incoherent state of (7.4) loses stability, to 1e-8 (a complex pair: the shift)', () => {
    for (const [V, gp, gm, gz] of [
      [1, 1, 0, 0], // (7.8): p_d = 3/4 at V = γ+
      [1, 0.5, 0, 0],
      [1, 1, 1e-4, 1e-3], // Fig. 7.3's ratios
      [1, 0.3, 0.01, 0.02],
      [2.5, 1.7, 0.05, 0.1],
    ]) {
      const growth = (pd: number) => {
        const m = undrivenAtomLaserBadCavity({ V, pd, gammaPlus: gp, gammaMinus: gm, gammaZ: gz });
        const { szDriven, szUndriven } = m.incoherentState;
        return leadingEigenvalue(m.rhs, [0, 0, 0, 0, szDriven, szUndriven], [0, 1, 2, 3]);
      };
      const pc = criticalPoint((pd) => growth(pd).re, 0, 1);
      expectClose(pc, criticalDrivenFraction({ V, gammaPlus: gp, gammaMinus: gm, gammaZ: gz }), { atol: 1e-8, rtol: 0 });
      expect(Math.abs(growth(pc).im)).toBeGreaterThan(1e-3 * V);
    }
  });

  it('where γ− + 2γz ≫ γ+ a real eigenvalue crosses first, at (7.10) with κ/(4NΩ²) = 1/(2V), before the Hopf point (7.11)', () => {
    // V = 2NΩ²/κ, so any N, Ω, κ with that V give the determinant's condition through goodCavityCriticalDrivenFraction
    for (const [V, gp, gm, gz] of [
      [10, 0.1, 1e-3, 1],
      [4, 0.05, 0.02, 0.6],
    ]) {
      const m = (pd: number) => undrivenAtomLaserBadCavity({ V, pd, gammaPlus: gp, gammaMinus: gm, gammaZ: gz });
      const growth = (pd: number) => leadingEigenvalue(m(pd).rhs, [0, 0, 0, 0, m(pd).incoherentState.szDriven, -1], [0, 1, 2, 3]);
      const pc = criticalPoint((pd) => growth(pd).re, 0, 1);
      const kappa = 1;
      const N = 100;
      const realCrossing = goodCavityCriticalDrivenFraction({ N, kappa, Omega: Math.sqrt((V * kappa) / (2 * N)), gammaPlus: gp, gammaMinus: gm, gammaZ: gz });
      expectClose(pc, realCrossing, { atol: 1e-8, rtol: 0 });
      expect(pc).toBeLessThan(criticalDrivenFraction({ V, gammaPlus: gp, gammaMinus: gm, gammaZ: gz }) - 0.01);
      expect(Math.abs(growth(pc).im)).toBeLessThan(1e-6);
    }
  });

  it('p_d = 1, γz = 0 is the mean field (4.54) of the spin ensemble (4.52) with Ch. 4\'s V = 2V', () => {
    const V = 1.3;
    const gp = 0.9;
    const gm = 0.2;
    const m = undrivenAtomLaserBadCavity({ V, pd: 1, gammaPlus: gp, gammaMinus: gm });
    const ch4 = spinEnsembleMeanField({ V: 2 * V, gammaPlus: gp, gammaMinus: gm });
    const out = new Float64Array(6);
    const ref = new Float64Array(3);
    for (const y of [
      [0.1, -0.2, 0.05, 0.3, 0.4, -0.6],
      [-0.3, 0.1, 0, 0, -0.2, -1],
    ]) {
      m.rhs(out, Float64Array.from(y), 0);
      ch4.rhs(ref, Float64Array.of(y[0], y[1], y[4]), 0);
      expectClose([out[0], out[1], out[4]], ref, { rtol: 1e-14, atol: 1e-15 });
    }
    // at p_d = 1 the incoherent state of (7.4) loses stability through a real eigenvalue at Ch. 4's
    // V_c (4.55) = 2V — not at (7.11), the trace (Hopf) condition, which needs Γ/2 more
    const growth = (v: number) => {
      const mv = undrivenAtomLaserBadCavity({ V: v, pd: 1, gammaPlus: gp, gammaMinus: gm });
      return leadingEigenvalue(mv.rhs, [0, 0, 0, 0, mv.incoherentState.szDriven, -1], [0, 1]);
    };
    const vc = criticalPoint((v) => growth(v).re, 0.01, 10);
    expectClose(2 * vc, ch4.criticalCoupling, { rtol: 1e-10 });
    expect(growth(vc).im).toBe(0);
  });

  it('Fig. 7.3(b): from the γ− = γz = 0 traveling wave, the mean-field shift decays at Γ/2 = (γ− + 2γz)/2 (5 %), not at Γ', () => {
    const m0 = undrivenAtomLaserBadCavity({ V: 1, pd: 0.8, gammaPlus: 1 });
    const y0 = Float64Array.from(dormandPrince(m0.rhs, m0.initialState(), [0, 1500], { rtol: 1e-12, atol: 1e-14 }).y[1]);
    const [gm, gz] = [1e-4, 1e-3]; // Fig. 7.3's γ−/V, γz/V
    const G = gm + 2 * gz;
    const m = undrivenAtomLaserBadCavity({ V: 1, pd: 0.8, gammaPlus: 1, gammaMinus: gm, gammaZ: gz });
    const sol = dormandPrince(m.rhs, y0, [0, 2 / G, 8 / G], { rtol: 1e-12, atol: 1e-14, maxSteps: 1e7 } as never);
    const [w1, w2] = [m.frequency(Float64Array.from(sol.y[1])), m.frequency(Float64Array.from(sol.y[2]))];
    const rate = Math.log(w1 / w2) / (6 / G);
    expect(Math.abs(rate / (G / 2) - 1)).toBeLessThan(0.05);
  });

  it('Fig. 7.3(b): with dephasing alone (γ− = 0, γz = 10⁻³V) the shift decays at exactly Γ/2 = γz (1e-3); γ− adds only ≈ 0.17γ− to the rate, not γ−/2', () => {
    const m0 = undrivenAtomLaserBadCavity({ V: 1, pd: 0.8, gammaPlus: 1 });
    const y0 = Float64Array.from(dormandPrince(m0.rhs, m0.initialState(), [0, 1500], { rtol: 1e-12, atol: 1e-14 }).y[1]);
    const decay = (gm: number, gz: number, G: number) => {
      const m = undrivenAtomLaserBadCavity({ V: 1, pd: 0.8, gammaPlus: 1, gammaMinus: gm, gammaZ: gz });
      const sol = dormandPrince(m.rhs, y0, [0, 2 / G, 8 / G], { rtol: 1e-12, atol: 1e-14, maxSteps: 1e7 } as never);
      return Math.log(m.frequency(Float64Array.from(sol.y[1])) / m.frequency(Float64Array.from(sol.y[2]))) / (6 / G);
    };
    expectClose(decay(0, 1e-3, 2e-3), 1e-3, { rtol: 1e-3 });
    // relaxation alone: Γ/2 = γ−/2 would give 5e-4; the measured rate is about a third of it
    const relax = decay(1e-3, 0, 1e-3);
    expect(relax / 5e-4).toBeGreaterThan(0.3);
    expect(relax / 5e-4).toBeLessThan(0.4);
  });

  it('qsync run fills the table\'s defaults before the model sees them: a given θ_ud still starts pure (4|s+_ud|² + (s^z_ud)² = 1, 1e-15) and the purity is conserved at γ− = γz = 0', () => {
    const entry = modelCatalog['undriven-atom-laser-bad-cavity'];
    const filled: Record<string, number> = {};
    for (const [k, spec] of Object.entries(entry.parameters)) if (spec.default !== undefined) filled[k] = spec.default;
    if (entry.kind !== 'order-parameter') throw new Error('an ODE entry');
    const m = entry.build({ ...filled, V: 1, pd: 0.8, gammaPlus: 1, thetaUndrivenInitial: 0.4 }) as ReturnType<typeof undrivenAtomLaserBadCavity>;
    const y0 = m.initialState();
    expectClose([2 * Math.hypot(y0[2], y0[3]), y0[5]], [Math.sin(0.4), -Math.cos(0.4)], { atol: 1e-15 });
    const y = dormandPrince(m.rhs, y0, [0, 50], { rtol: 1e-12, atol: 1e-14 }).y[1];
    expectClose(4 * (y[2] ** 2 + y[3] ** 2) + y[5] ** 2, 1, { atol: 1e-9 });
  });

  it('refuses bad parameters by name', () => {
    expect(() => undrivenAtomLaserBadCavity({ V: -1, pd: 0.5, gammaPlus: 1 })).toThrow(/'V'/);
    expect(() => undrivenAtomLaserBadCavity({ V: 1, pd: Number.NaN, gammaPlus: 1 })).toThrow(/'pd' must be a finite number/);
    expect(() => undrivenAtomLaserBadCavity({ V: 1, pd: 0.5, gammaPlus: 1, gammaZ: -0.1 })).toThrow(/'gammaZ'/);
    expect(() => undrivenAtomLaserBadCavity({ V: 1, pd: 0.5, gammaPlus: 1, thetaDrivenInitial: -0.1 })).toThrow(/'thetaDrivenInitial'/);
    expect(() => undrivenAtomLaserBadCavity({ V: 1, pd: 0.8, gammaPlus: 1 }).frequency(new Float64Array(2))).toThrow(/frequency: y must be a Float64Array of the model's 6 values, got length 2/);
    expect(() => undrivenAtomLaserBadCavity({ V: 1, pd: 0.5, gammaPlus: 1, kappa: 1 } as never)).toThrow(/unknown parameter 'kappa'/);
  });
});
