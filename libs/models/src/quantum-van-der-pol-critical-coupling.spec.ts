import { meanFieldStability } from '@qsync/integrators';
import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { quantumVanDerPolCriticalCoupling } from './quantum-van-der-pol-critical-coupling';
import { quantumVanDerPolMeanField } from './quantum-van-der-pol-mean-field';

describe('quantumVanDerPolCriticalCoupling', () => {
  it('approaches 10κ2/3 in the quantum limit (Lee et al. 2014) and falls below it towards the classical limit', () => {
    expectClose(quantumVanDerPolCriticalCoupling({ cutoff: 8, kappa1: 1, kappa2: 1000 }).coupling / 1000, 10 / 3, { rtol: 2e-4 });
    const mid = quantumVanDerPolCriticalCoupling({ cutoff: 12, kappa1: 1, kappa2: 1 }).coupling;
    expect(mid).toBeLessThan(10 / 3);
    expect(mid).toBeGreaterThan(3);
  });

  it('returns the V where the incoherent state changes stability: stable 1e-6 below it, unstable 1e-6 above', () => {
    const p = { cutoff: 6, kappa1: 1, kappa2: 0.5 };
    const vc = quantumVanDerPolCriticalCoupling(p).coupling;
    const growth = (V: number) => {
      const mf = quantumVanDerPolMeanField({ ...p, V, alpha0: 0 });
      return meanFieldStability(mf.meanField, mf.incoherentState(), { sectors: { charge: mf.operators.n, values: [1, -1] } }).growthRate;
    };
    expect(growth(vc * (1 - 1e-6))).toBeLessThan(0);
    expect(growth(vc * (1 + 1e-6))).toBeGreaterThan(0);
  });

  it('refuses bad parameters', () => {
    expect(() => quantumVanDerPolCriticalCoupling({ cutoff: 8, kappa1: 0, kappa2: 1 })).toThrow(/parameter 'kappa1'.*must be > 0/);
    expect(() => quantumVanDerPolCriticalCoupling({ cutoff: 2, kappa1: 1, kappa2: 1 })).toThrow(/parameter 'cutoff'/);
  });

  it('refuses κ1/κ2 where the growth rates fall to rounding (a sign test alone gave Vc = 32κ2 at κ1/κ2 = 1e-15)', () => {
    // at κ1 → 0 the coherence |0⟩⟨1| is undamped (D[a²] does not reach it): the rate at V → 0 is ≈ −κ1
    expect(() => quantumVanDerPolCriticalCoupling({ cutoff: 3, kappa1: 1e-15, kappa2: 1 })).toThrow(
      /quantumVanDerPolCriticalCoupling: the growth rate at V = .* not resolved from 0/,
    );
  });
});
