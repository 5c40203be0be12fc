import { channelValue } from '@qsync/frames';
import { coherentKet, dagger, destroy, embed, expect as expectValue, fockSpace, lindbladian, num, plus, power, pureState, scaled, tensorSpace } from '@qsync/operators';
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
  const { equation, l0, space } = vdpMeanField(cutoff, { kappa1: 1, kappa2, V, coupling });
  return meanFieldStability(equation, steadyState(l0).rho, { sectors: { charge: num(space), values: [1, -1] } }).growthRate;
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
  });

  it('selects sectors by U(1) charge: one mode, and two modes where several sectors share a block size', () => {
    // one mode at cutoff 9: the sector of charge c holds the 9 − |c| coherences ρ_{i, i−c}, one block each
    const { equation, l0, space } = vdpMeanField(9, { kappa1: 1, kappa2: 0.8, V: 2.4 });
    const rho0 = steadyState(l0).rho;
    const all = meanFieldStability(equation, rho0);
    const charged = meanFieldStability(equation, rho0, { sectors: { charge: num(space), values: [-8, -3, 0, 1, 2, 5] } });
    expect(charged.blocks.map((b) => [b.charge ?? NaN, b.indices.length]).sort((x, y) => x[0] - y[0])).toEqual([[-8, 1], [-3, 6], [0, 9], [1, 8], [2, 7], [5, 4]]);
    for (const b of charged.blocks) {
      for (const k of b.indices) expect(Math.floor(k / 9) - (k % 9)).toBe(b.charge);
      // the same spectrum as the block of the unselected split that holds these indices
      const same = all.blocks.find((x) => x.indices[0] === b.indices[0]);
      expectClose(Array.from(b.eigenvalues), Array.from(same?.eigenvalues ?? []), { rtol: 1e-12, atol: 1e-14 });
    }
    expect(() => meanFieldStability(equation, rho0, { sectors: { charge: num(space), values: [99] } })).toThrow(
      /no block of charge 99 \(charges: -8, -7, .*, 8\)/,
    );
    expect(() => meanFieldStability(equation, rho0, { sectors: { charge: destroy(space), values: [1] } })).toThrow(/'sectors.charge' must be diagonal/);
    expect(() => meanFieldStability(equation, rho0, { sectors: { charge: num(space), values: [] } })).toThrow(/'sectors.values'/);
    expect(() => meanFieldStability(equation, rho0, { symmetryReduction: false, sectors: { charge: num(space), values: [1] } })).toThrow(/needs symmetryReduction/);

    // two vdP modes (cutoffs 4 and 3) with a mean field on a + b: the charge is the total number
    // n_a + n_b, and sectors of different charge share sizes (charges 1 and −1, …), so a size cannot name one
    const fa = fockSpace(4);
    const fb = fockSpace(3);
    const s = tensorSpace(fa, fb);
    const [a, b] = [embed(destroy(fa), s, 0), embed(destroy(fb), s, 1)];
    const ab = plus(a, b);
    const l2 = lindbladian(scaled(embed(num(fa), s, 0), 0.3), [
      { rate: 1, jump: dagger(a) },
      { rate: 0.5, jump: power(a, 2) },
      { rate: 2, jump: a },
      { rate: 1.2, jump: dagger(b) },
      { rate: 0.7, jump: power(b, 2) },
      { rate: 2, jump: b },
    ]);
    const eq2 = { lindbladian: l2, terms: [{ c: { re: 0, im: 1 }, x: ab, y: dagger(ab) }] };
    const rho2 = steadyState(l2).rho;
    const total = plus(embed(num(fa), s, 0), embed(num(fb), s, 1));
    const q = Array.from({ length: 12 }, (_, i) => Math.floor(i / 3) + (i % 3));
    const sectors = meanFieldStability(eq2, rho2, { sectors: { charge: total, values: [1, -1] } });
    const chosen = sectors.blocks.flatMap((x) => Array.from(x.indices)).sort((x, y) => x - y);
    const expected = Array.from({ length: 144 }, (_, k) => k).filter((k) => Math.abs(q[Math.floor(k / 12)] - q[k % 12]) === 1);
    expect(chosen).toEqual(expected);
    const sizeOf = (c: number) => expected.filter((k) => q[Math.floor(k / 12)] - q[k % 12] === c).length;
    expect(sizeOf(1)).toBe(sizeOf(-1));
    // their eigenvalues are among those of the whole 144 × 144 M (no reduction)
    const full = meanFieldStability(eq2, rho2, { symmetryReduction: false }).blocks[0].eigenvalues;
    for (const x of sectors.blocks) {
      for (let k = 0; k < x.eigenvalues.length; k += 2) {
        let nearest = Infinity;
        for (let m = 0; m < full.length; m += 2) nearest = Math.min(nearest, Math.hypot(full[m] - x.eigenvalues[k], full[m + 1] - x.eigenvalues[k + 1]));
        expect(nearest).toBeLessThan(1e-9);
      }
    }
    // n_a alone is no symmetry of the mean field on a + b: its "sectors" would mix blocks
    expect(() => meanFieldStability(eq2, rho2, { sectors: { charge: embed(num(fa), s, 0), values: [1] } })).toThrow(/does not label the blocks of M/);
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
    const A = Math.abs(expectValue(a, ss.rho).re);
    expect(A).toBeGreaterThan(0.1);
    const synced = meanFieldStability(equation, ss.rho);
    expect(Math.abs(synced.growthRate)).toBeLessThan(1e-6);
  });
});
