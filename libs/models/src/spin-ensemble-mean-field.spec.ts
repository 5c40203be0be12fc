import { describe, expect, it } from 'vitest';
import { lastValueFrom } from 'rxjs';
import { expectClose } from '@qsync/testing';
import { channelValue } from '@qsync/frames';
import { dormandPrince } from '@qsync/integrators';
import { spinEnsembleMeanField } from './spin-ensemble-mean-field';

const gp = 10;
const gm = 1;
// thesis: Vc = (γ+ + γ−)/s_z0 = (γ+ + γ−)²/(γ+ − γ−) (4.55); for V > Vc: s_z = (γ+ + γ−)/V, |s+|² = (γ+ − γ−)(V − Vc)/(2V²) (4.56)
const vcThesis = (11 * 11) / 9;

/** The state after integrating (4.54) to time T from s+ = sPlus, s_z = sz (tolerances 1e-12). */
function after(V: number, T: number, sPlus: number, sz: number): Float64Array {
  const mf = spinEnsembleMeanField({ V, gammaPlus: gp, gammaMinus: gm, sPlusInitial: sPlus, szInitial: sz });
  const sol = dormandPrince(mf.rhs, Float64Array.from([sPlus, 0, sz]), [0, T], { rtol: 1e-12, atol: 1e-14 });
  return sol.y[1];
}

describe('spinEnsembleMeanField (Eq. 4.54)', () => {
  it.each([16, 22, 60])('integrating from a perturbed incoherent state at V = %d reaches (4.56) to 1e-8', (V) => {
    // relaxation rates near the locked state are ≥ ~(γ+ + γ−)/2 here: T = 40 leaves < 1e-12 of the transient
    const y = after(V, 40, 0.01, (gp - gm) / (gp + gm));
    expectClose(Math.hypot(y[0], y[1]), Math.sqrt(((gp - gm) * (V - vcThesis)) / (2 * V * V)), { atol: 1e-8 });
    expectClose(y[2], (gp + gm) / V, { atol: 1e-8 });
  });

  it('below Vc the perturbation decays back to the incoherent state s+ = 0, s_z = s_z0', () => {
    const y = after(0.9 * vcThesis, 60, 0.01, 0.3);
    expectClose([y[0], y[1], y[2]], [0, 0, 9 / 11], { atol: 1e-8 });
  });

  it('the stability of the incoherent state changes at Vc (4.55), found by bisection on integrations, to 1e-8', () => {
    // A perturbation ε = 1e-7 of s+ at s_z = s_z0 grows for V > Vc and decays for V < Vc; its
    // feedback on s_z is O(ε²) and shifts the bisected V by ~1e-12, below the bound.
    const grows = (V: number) => {
      const y = after(V, 20, 1e-7, 9 / 11);
      return Math.hypot(y[0], y[1]) > 1e-7;
    };
    let lo = 10;
    let hi = 20;
    expect(grows(lo)).toBe(false);
    expect(grows(hi)).toBe(true);
    while (hi - lo > 1e-10) {
      const mid = 0.5 * (lo + hi);
      if (grows(mid)) hi = mid;
      else lo = mid;
    }
    expectClose(0.5 * (lo + hi), vcThesis, { rtol: 1e-8 });
  });

  it('its closed forms are the thesis formulas; no transition for γ+ ≤ γ−', () => {
    const mf = spinEnsembleMeanField({ V: 22, gammaPlus: gp, gammaMinus: gm });
    expectClose(mf.criticalCoupling, vcThesis, { rtol: 1e-15 });
    expectClose(mf.steadyState.sz, 0.5, { rtol: 1e-15 });
    expectClose(mf.steadyState.sPlusModulus ** 2, (9 * (22 - vcThesis)) / (2 * 22 * 22), { rtol: 1e-14 });
    const none = spinEnsembleMeanField({ V: 1e6, gammaPlus: 1, gammaMinus: 2 });
    expect(none.criticalCoupling).toBe(Infinity);
    expect(none.steadyState).toEqual({ sz: -1 / 3, sPlusModulus: 0 });
  });

  it('simulate emits the channels sPlus, sPlusModulus, sz of the Dormand–Prince solution', async () => {
    const mf = spinEnsembleMeanField({ V: 22, gammaPlus: gp, gammaMinus: gm, sPlusInitial: 0.01, szInitial: 9 / 11 });
    const last = await lastValueFrom(mf.simulate([0, 5, 40]));
    expectClose(channelValue(last, 'sz', 'real').value, 0.5, { atol: 1e-8 });
    expectClose(channelValue(last, 'sPlusModulus', 'real').value, mf.steadyState.sPlusModulus, { atol: 1e-8 });
  });

  it('refuses bad parameters by name, and an initial state that is no spin state', () => {
    expect(() => spinEnsembleMeanField({ V: -1, gammaPlus: 1, gammaMinus: 1 })).toThrow(/'V'.*≥ 0, got -1/);
    expect(() => spinEnsembleMeanField({ V: 1, gammaPlus: 1, gammaMinus: 1, szInitial: 2 })).toThrow(/'szInitial'.*≤ 1, got 2/);
    expect(() => spinEnsembleMeanField({ V: 1, gammaPlus: 1, gammaMinus: 1, sPlusInitial: 0.4, szInitial: 0.9 })).toThrow(/no spin state/);
    expect(() => spinEnsembleMeanField({ V: 1, gammaPlus: 1, gammaMinus: 1 }).simulate([1, 0])).toThrow(/'times' must be finite and non-decreasing/);
  });
});
