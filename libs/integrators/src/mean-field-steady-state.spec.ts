import { coherentKet, expect as expectValue, fockSpace, pureState } from '@qsync/operators';
import { expectClose } from '@qsync/testing';
import { lastValueFrom, Subscription, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { compileMeanFieldRhs } from './compile-mean-field-rhs';
import { meanFieldSteadyState } from './mean-field-steady-state';
import { steadyState } from './steady-state';
import { vdpMeanField } from './test-support/vdp-mean-field';

describe('meanFieldSteadyState', () => {
  it('reaches the incoherent state below Vc: the steady state of L0 alone (H_mf = 0)', async () => {
    // independent: the linear steady state of L0 by steadyState (Vc ≈ 3.19κ1 at κ2 = κ1)
    const { equation, l0, space } = vdpMeanField(8, { kappa1: 1, kappa2: 1, V: 1.5 });
    const ss = await lastValueFrom(meanFieldSteadyState(equation, pureState(coherentKet(space, { re: 0.5, im: 0 }))));
    expect(ss.residual).toBeLessThanOrEqual(1e-9);
    // the residual bounds the distance by ‖ρ − ρ0‖ ≲ ‖ρ̇‖/gap (gap ~ 0.5 here)
    expectClose(ss.rho.matrix.data, steadyState(l0).rho.matrix.data, { atol: 1e-8 });
  });

  it('reaches a synchronized state above Vc whose mean field is stationary: Tr[a ρ̇] = 0 and ρ̇ = 0', async () => {
    const { equation, space, a } = vdpMeanField(10, { kappa1: 1, kappa2: 1, V: 8 });
    const ss = await lastValueFrom(meanFieldSteadyState(equation, pureState(coherentKet(space, { re: 0.1, im: 0 }))));
    const A = expectValue(a, ss.rho);
    expect(Math.hypot(A.re, A.im)).toBeGreaterThan(0.4);
    const f = new Float64Array(2 * 100);
    compileMeanFieldRhs(equation).applyInto(f, ss.rho.matrix.data);
    expect(Math.hypot(...f)).toBeLessThanOrEqual(1e-9);
    expect(ss.t).toBeGreaterThan(0);
  });

  it('reports progress in time, stops when unsubscribed and fails with a clear error when not stationary by tMax', async () => {
    const { equation, space } = vdpMeanField(6, { V: 2 });
    const rho0 = pureState(coherentKet(space, { re: 0.5, im: 0 }));
    const events = await lastValueFrom(meanFieldSteadyState(equation, rho0, { yieldEvery: 0 }).withProgress().pipe(toArray()));
    expect(events.filter((e) => e.kind === 'progress').length).toBeGreaterThan(2);
    expect(events.at(-1)?.kind).toBe('value');
    await expect(lastValueFrom(meanFieldSteadyState(equation, rho0, { tMax: 0.5, tol: 1e-14 }))).rejects.toThrow(
      /not stationary by tMax = 0.5: ‖ρ̇‖ = .* > tol = 1e-14/,
    );
    // unsubscribed after the first slice: nothing more runs (no value, no error)
    let values = 0;
    const sub: Subscription = meanFieldSteadyState(equation, rho0, { yieldEvery: 0, tol: 1e-14 }).subscribe({ next: () => values++ });
    await new Promise((r) => setTimeout(r, 5));
    sub.unsubscribe();
    expect(values).toBe(0);
    expect(() => meanFieldSteadyState(equation, rho0, { interval: 0 })).toThrow(/'interval' must be a finite number > 0/);
    expect(() => meanFieldSteadyState(equation, pureState(coherentKet(fockSpace(3), { re: 0, im: 0 })))).toThrow(/'rho0'/);
  });
});
