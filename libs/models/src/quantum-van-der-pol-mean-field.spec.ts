import { channelValue } from '@qsync/frames';
import { meanFieldStability, steadyState } from '@qsync/integrators';
import { create, destroy, expect as expectValue, lindbladian, minus, num, power, scaled } from '@qsync/operators';
import { expectClose } from '@qsync/testing';
import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { quantumVanDerPolMeanField } from './quantum-van-der-pol-mean-field';

describe('quantumVanDerPolMeanField', () => {
  it('settles above Vc in a state that is self-consistent: the steady state of the linear drive by its own A', async () => {
    // independent method: fix A at the integrated value, solve the LINEAR master equation
    // (κ1 D[a†] + κ2 D[a²] + V D[a])ρ − i[(iV/2)(A a† − A* a), ρ] = 0 by steadyState, compare ρ and Tr[aρ]
    const V = 6;
    const mf = quantumVanDerPolMeanField({ cutoff: 12, kappa1: 1, kappa2: 1, V, alpha0: 0.3 });
    const frames = await lastValueFrom(mf.simulate([0, 60, 80]).pipe(toArray()));
    const last = frames[2];
    const A = channelValue(last, 'A', 'complex');
    expect(channelValue(last, 'absA', 'real').value).toBeGreaterThan(0.3);
    expectClose(channelValue(last, 'absA', 'real').value, channelValue(frames[1], 'absA', 'real').value, { rtol: 1e-7 });
    expectClose(channelValue(last, 'trace', 'real').value, 1, { atol: 1e-10 });
    const { a, adag } = mf.operators;
    // i A a† − i A* a with A = x + iy: (ix − y) a† + (−ix − y) a
    const drive = scaled(
      minus(scaled(adag, { re: -A.im, im: A.re }), scaled(a, { re: A.im, im: A.re })),
      V / 2,
    );
    const s = mf.space;
    const linear = lindbladian(drive, [
      { rate: 1, jump: create(s) },
      { rate: 1, jump: power(destroy(s), 2) },
      { rate: V, jump: destroy(s) },
    ]);
    const rho = steadyState(linear).rho;
    const A2 = expectValue(a, rho);
    expectClose([A2.re, A2.im], [A.re, A.im], { atol: 1e-7 });
    expectClose(channelValue(last, 'n', 'real').value, expectValue(num(s), rho).re, { atol: 1e-7 });
  });

  it('decays to the incoherent state below Vc', async () => {
    const mf = quantumVanDerPolMeanField({ cutoff: 10, kappa1: 1, kappa2: 1, V: 2, alpha0: 0.5 });
    const frames = await lastValueFrom(mf.simulate([0, 40, 80]).pipe(toArray()));
    const abs = frames.map((f) => channelValue(f, 'absA', 'real').value);
    // |A| ∝ e^{λt}, λ < 0 the leading eigenvalue of the linearization (Eq. 4.22)
    const rate = meanFieldStability(mf.meanField, mf.incoherentState()).growthRate;
    expect(rate).toBeLessThan(0);
    expectClose(Math.log(abs[2] / abs[1]) / 40, rate, { rtol: 0.01 });
    expectClose(channelValue(frames[2], 'n', 'real').value, expectValue(mf.operators.n, mf.incoherentState()).re, { atol: 1e-5 });
    expect(mf.densityMatrix(mf.initialState()).matrix.rows).toBe(10);
  });

  it('refuses bad parameters, an initial amplitude the cutoff cannot hold, and a state of the wrong size', () => {
    expect(() => quantumVanDerPolMeanField({ cutoff: 1, kappa1: 1, kappa2: 1, V: 1 })).toThrow(/parameter 'cutoff'/);
    expect(() => quantumVanDerPolMeanField({ cutoff: 5, kappa1: 1, kappa2: 1, V: 1, alpha0: 3 })).toThrow(/'alpha0' = 3 does not fit cutoff 5/);
    expect(() => quantumVanDerPolMeanField({ cutoff: 5, kappa1: 1, kappa2: 1, V: 1 }).densityMatrix(new Float64Array(3))).toThrow(/'y' must be a Float64Array of length 50/);
  });
});
