import { channelValue } from '@qsync/frames';
import { coherentKet, pureState } from '@qsync/operators';
import { expectClose } from '@qsync/testing';
import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { criticalCoupling } from './critical-coupling';
import { meanFieldMesolve } from './mean-field-mesolve';
import { meanFieldStability } from './mean-field-stability';
import { meanFieldSteadyState } from './mean-field-steady-state';
import { steadyState } from './steady-state';
import { vdpMeanField } from './test-support/vdp-mean-field';

/** Growth rate of the incoherent state of Eq. 4.19 (charge ±1 blocks only) at coupling V. */
function incoherentGrowth(cutoff: number, kappa2: number, V: number, coupling = 1): number {
  const { equation, l0 } = vdpMeanField(cutoff, { kappa1: 1, kappa2, V, coupling });
  return meanFieldStability(equation, steadyState(l0).rho, { blockSizes: [cutoff - 1] }).growthRate;
}

/** Vc of Eq. 4.19 in units of κ1 by bisection on the incoherent state's growth rate. */
function vc(cutoff: number, kappa2: number, coupling = 1): number {
  return criticalCoupling((V) => incoherentGrowth(cutoff, kappa2, V, coupling), [1e-6, 10 * kappa2 + 10], { tol: 1e-7 }).coupling;
}

describe('meanFieldStability', () => {
  it('gives the closed-form spectrum of two levels: coherence and population relaxation', () => {
    // cutoff 2 (κ2 drops out): p1 = κ1/(κ1 + V), the coherence ρ10 decays at (κ1 + V)/2 and the mean
    // field feeds it at (V/2)(p0 − p1); the populations relax at κ1 + V (the trace mode removed)
    const kappa1 = 1.3;
    const V = 2.1;
    const { equation, l0 } = vdpMeanField(2, { kappa1, V });
    const st = meanFieldStability(equation, steadyState(l0).rho);
    const bySize = st.blocks.map((b) => ({ populations: b.populations, ev: Array.from(b.eigenvalues) }));
    const coherence = -(kappa1 + V) / 2 + ((V / 2) * (V - kappa1)) / (kappa1 + V);
    expect(bySize).toHaveLength(3);
    const pop = bySize.find((b) => b.populations);
    expectClose(pop?.ev ?? [], [-(kappa1 + V), 0], { rtol: 1e-13, atol: 1e-15 });
    for (const b of bySize.filter((x) => !x.populations)) expectClose(b.ev, [coherence, 0], { rtol: 1e-13, atol: 1e-15 });
    expectClose(st.growthRate, coherence, { rtol: 1e-13 });
  });

  it('finds the same spectrum with and without the symmetry reduction', () => {
    const { equation, l0 } = vdpMeanField(9, { kappa1: 1, kappa2: 0.8, V: 2.4 });
    const rho0 = steadyState(l0).rho;
    const reduced = meanFieldStability(equation, rho0);
    const full = meanFieldStability(equation, rho0, { symmetryReduction: false });
    expect(full.blocks).toHaveLength(1);
    expect(reduced.blocks).toHaveLength(17);
    expectClose(reduced.growthRate, full.growthRate, { rtol: 1e-10 });
    const count = reduced.blocks.reduce((s, b) => s + b.eigenvalues.length / 2, 0);
    expect(count).toBe(81 - 1); // all of M less the trace mode
    expect(full.blocks[0].eigenvalues.length / 2).toBe(80);
    expect(() => meanFieldStability(equation, rho0, { blockSizes: [99] })).toThrow(/no block of size 99/);
  });

  it('gives Vc → 10κ2/3 in the quantum limit κ2/κ1 → ∞ (Lee et al. 2014)', () => {
    // the deviation falls like κ1/κ2: 5e-4 at κ2 = 100κ1, 5e-5 at 1000κ1 (cutoff 10 holds ⟨n⟩ ≪ 1)
    expectClose(vc(10, 100) / 100, 10 / 3, { rtol: 2e-3 });
    expectClose(vc(10, 1000) / 1000, 10 / 3, { rtol: 2e-4 });
  });

  it('gives Vc/κ1 falling towards 0 in the classical limit κ2/κ1 → 0, converged in the cutoff', () => {
    // Vc ∝ κ2 (phase diffusion) on both sides: 2.89κ2 at κ2 = 0.1κ1, 3.19κ2 at κ2 = κ1
    const small = vc(25, 0.1);
    const mid = vc(16, 0.3);
    const large = vc(12, 1);
    expect(small).toBeLessThan(mid);
    expect(mid).toBeLessThan(large);
    expect(small).toBeLessThan(0.3);
    // cutoff 25 against 30 at κ2/κ1 = 0.1: 2e-5 apart (at 0.06 they differ by 1.8 %, see the README)
    expectClose(small, vc(30, 0.1), { rtol: 1e-4 });
  });

  it('agrees with time integration on either side of Vc: |A| decays at 0.9 Vc and grows to a stationary value at 1.1 Vc', async () => {
    const cutoff = 12;
    const critical = vc(cutoff, 1);
    expectClose(critical, 3.1932, { rtol: 1e-3 }); // the cutoff-25 value, converged at 12 for κ2 = κ1
    for (const [factor, sign] of [[0.9, -1], [1.1, 1]] as const) {
      const V = factor * critical;
      const rate = incoherentGrowth(cutoff, 1, V);
      expect(Math.sign(rate)).toBe(sign);
      const { equation, space, a } = vdpMeanField(cutoff, { kappa1: 1, kappa2: 1, V });
      // a small coherent start: the linear regime, where |A| ∝ e^{λt} with λ the leading eigenvalue
      const t1 = 20;
      const t2 = 30;
      const frames = await lastValueFrom(
        meanFieldMesolve(equation, pureState(coherentKet(space, { re: 1e-4, im: 0 })), [0, t1, t2], { expect: { a }, rtol: 1e-10, atol: 1e-14 }).pipe(toArray()),
      );
      const abs = frames.map((f) => {
        const v = channelValue(f, 'a', 'complex');
        return Math.hypot(v.re, v.im);
      });
      expectClose(Math.log(abs[2] / abs[1]) / (t2 - t1), rate, { rtol: 0.02 });
    }
    // above Vc the nonlinear equation settles at |A| > 0, and that state is stable (the U(1) rotation is
    // its zero mode, so its growth rate is 0 up to the residual)
    const { equation, space, a } = vdpMeanField(cutoff, { kappa1: 1, kappa2: 1, V: 1.1 * critical });
    const ss = await lastValueFrom(meanFieldSteadyState(equation, pureState(coherentKet(space, { re: 0.3, im: 0 })), { tMax: 2000, interval: 10 }));
    const A = channelValueOf(ss.rho.matrix.data, cutoff, a.matrix);
    expect(A).toBeGreaterThan(0.1);
    const synced = meanFieldStability(equation, ss.rho);
    expect(Math.abs(synced.growthRate)).toBeLessThan(1e-6);
  });
});

/** |Tr[a ρ]|. */
function channelValueOf(rho: Float64Array, n: number, a: { rowPtr: Int32Array; colIdx: Int32Array; data: Float64Array; rows: number }): number {
  let re = 0;
  let im = 0;
  for (let i = 0; i < a.rows; i++) {
    for (let p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) {
      const j = a.colIdx[p];
      re += a.data[2 * p] * rho[2 * (j * n + i)] - a.data[2 * p + 1] * rho[2 * (j * n + i) + 1];
      im += a.data[2 * p] * rho[2 * (j * n + i) + 1] + a.data[2 * p + 1] * rho[2 * (j * n + i)];
    }
  }
  return Math.hypot(re, im);
}
