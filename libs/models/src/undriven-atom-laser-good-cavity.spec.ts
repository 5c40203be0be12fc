import { describe, expect, it } from 'vitest';
import type { Channel } from '@qsync/frames';
import { dormandPrince } from '@qsync/integrators';
import { expectClose } from '@qsync/testing';
import { goodCavityCriticalDrivenFraction } from './good-cavity-critical-driven-fraction';
import { modelCatalog } from './model-catalog';
import { undrivenAtomLaserGoodCavity } from './undriven-atom-laser-good-cavity';
import { undrivenAtomLaserMeanField } from './undriven-atom-laser-mean-field';

const solve = (rhs: (out: Float64Array, y: Float64Array, t: number) => void, y0: Float64Array, times: number[]) =>
  dormandPrince(rhs, y0, times, { rtol: 1e-11, atol: 1e-13, maxSteps: 1e7 } as never);

describe('undrivenAtomLaserGoodCavity (7.9)', () => {
  const base = { N: 1000, Omega: 0.01, kappa: 0.01, gammaPlus: 1, gammaMinus: 0.05, gammaZ: 0.2 };

  it('the stationary state of (7.3) in a good cavity: |α|²/N of (7.9) to 1e-8, frequency 0 (no shift) with undriven atoms', () => {
    for (const pd of [0.95, 0.85]) { // p_d,c ≈ 0.79 (7.10)
      const gc = undrivenAtomLaserGoodCavity({ ...base, pd });
      expect(gc.steadyPhotonsPerAtom).toBeGreaterThan(1);
      const mf = undrivenAtomLaserMeanField({ ...base, pd, undrivenPhaseInitial: 0.7 });
      const sol = solve(mf.rhs, mf.initialState(), [0, 2e4, 2.1e4]);
      for (const k of [1, 2]) {
        const y = Float64Array.from(sol.y[k]);
        expectClose((y[6] ** 2 + y[7] ** 2) / base.N, gc.steadyPhotonsPerAtom, { rtol: 1e-8 });
        expect(Math.abs(mf.frequency(y))).toBeLessThan(1e-9);
        // the atoms sit at (7.9)'s adiabatic values
        const ch = gc.observe(0, Float64Array.of(y[6], y[7]));
        const real = (c: Channel) => (c.kind === 'real' ? c.value : Number.NaN);
        expectClose([y[4], y[5]], [real(ch.szDriven), real(ch.szUndriven)], { rtol: 1e-7 });
      }
    }
  });

  it('(7.9) integrates to its stationary |α|²; α = 0 grows iff (7.10) holds, with rate 0 at p_d,c', () => {
    const gc = undrivenAtomLaserGoodCavity({ ...base, pd: 0.9, alphaInitial: 0.5 });
    const sol = solve(gc.rhs, gc.initialState(), [0, 5e3]);
    expectClose((sol.y[1][0] ** 2 + sol.y[1][1] ** 2) / base.N, gc.steadyPhotonsPerAtom, { rtol: 1e-8 });
    const pc = goodCavityCriticalDrivenFraction(base);
    expect(Math.abs(undrivenAtomLaserGoodCavity({ ...base, pd: pc }).incoherentGrowthRate)).toBeLessThan(1e-14);
    expect(undrivenAtomLaserGoodCavity({ ...base, pd: pc + 1e-3 }).incoherentGrowthRate).toBeGreaterThan(0);
    const below = undrivenAtomLaserGoodCavity({ ...base, pd: pc - 1e-3 });
    expect(below.incoherentGrowthRate).toBeLessThan(0);
    expect(below.steadyPhotonsPerAtom).toBe(0);
  });

  it('bistable below the instability of α = 0 (p_d = 0.5, γ− = 0.01): α = 0 stable, and (7.9) and (7.3) from α = 200 settle at the upper root (|α|²/N = 22.700, 1e-8)', () => {
    const c = { ...base, gammaMinus: 0.01, pd: 0.5 };
    const gc = undrivenAtomLaserGoodCavity({ ...c, alphaInitial: 200 });
    expect(gc.incoherentGrowthRate).toBeLessThan(0);
    expect(gc.steadyPhotonsPerAtom).toBe(0);
    expect(gc.bistable).toBe(true);
    const good = solve(gc.rhs, gc.initialState(), [0, 5e4]).y[1];
    expectClose((good[0] ** 2 + good[1] ** 2) / c.N, gc.lasingPhotonsPerAtom, { rtol: 1e-8 });
    const mf = undrivenAtomLaserMeanField({ ...c, alphaInitial: 200, blochRadiusInitial: 0 });
    const y = solve(mf.rhs, mf.initialState(), [0, 5e4]).y[1];
    expectClose((y[6] ** 2 + y[7] ** 2) / c.N, gc.lasingPhotonsPerAtom, { rtol: 1e-8 });
    expectClose(gc.lasingPhotonsPerAtom, 22.7, { atol: 1e-3 });
    // far above: one stable root, the same on both branches
    const above = undrivenAtomLaserGoodCavity({ ...base, pd: 0.95 });
    expect(above.bistable).toBe(false);
    expect(above.lasingPhotonsPerAtom).toBe(above.steadyPhotonsPerAtom);
  });

  it("catalog entry 'undriven-atom-laser-good-cavity' (what qsync run builds, the table's defaults filled) settles on the closed-form |α|²/N of (7.9), 1e-8", () => {
    const entry = modelCatalog['undriven-atom-laser-good-cavity'];
    if (entry.kind !== 'order-parameter') throw new Error('undriven-atom-laser-good-cavity is an order-parameter model');
    const defaults = Object.fromEntries(Object.entries(entry.parameters).flatMap(([k, spec]) => (spec.default === undefined ? [] : [[k, spec.default]])));
    const m = entry.build({ ...defaults, ...base, pd: 0.9 });
    const end = Float64Array.from(solve(m.rhs, m.initialState(), [0, 5e3]).y[1]);
    const photons = m.observe(5e3, end).photonsPerAtom;
    expect(photons.kind).toBe('real');
    expectClose(photons.kind === 'real' ? photons.value : Number.NaN, undrivenAtomLaserGoodCavity({ ...base, pd: 0.9 }).steadyPhotonsPerAtom, { rtol: 1e-8 });
    expect(entry.equation).toBe('7.9');
  });

  it('refuses bad parameters by name', () => {
    expect(() => undrivenAtomLaserGoodCavity({ ...base, pd: 0.5, Omega: 0 })).toThrow(/'Omega'/);
    expect(() => undrivenAtomLaserGoodCavity({ ...base, pd: 0.5, gammaPlus: 0, gammaMinus: 0 })).toThrow(/gammaPlus \+ gammaMinus must be > 0/);
    expect(() => undrivenAtomLaserGoodCavity({ ...base, pd: -0.1 })).toThrow(/'pd'/);
    // γ− = 0 with undriven atoms: (7.9) would give +0.038 for α = 0 where (7.3) linearized gives −0.085
    expect(() => undrivenAtomLaserGoodCavity({ ...base, pd: 0.3, gammaMinus: 0 })).toThrow(/gammaMinus must be > 0 when pd < 1/);
    expect(undrivenAtomLaserGoodCavity({ ...base, pd: 1, gammaMinus: 0 }).steadyPhotonsPerAtom).toBeGreaterThan(1);
  });
});
