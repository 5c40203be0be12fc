import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { expect as expectation, heisenberg, mixture, fockKet, pureState, tensorKet, coherentKet } from '@qsync/operators';
import { coupledVanDerPol } from './coupled-van-der-pol';

describe('coupledVanDerPol (Eq. 4.8)', () => {
  const pair = coupledVanDerPol({ cutoff: 10, kappa: 1, kappa1: 3, kappa2: 1, delta: 0.5, V: 1 });

  it('builds the joint space with kron order A ⊗ B', () => {
    expect(pair.lindbladian.dims).toEqual([10, 10]);
    const rho = pureState(tensorKet(fockKet(pair.modeA, 2), fockKet(pair.modeB, 0)));
    expect(expectation(pair.operators.na, rho).re).toBe(2);
    expect(expectation(pair.operators.nb, rho).re).toBe(0);
  });

  it('gives the mean-field amplitude equation of the coupled classical oscillators (2.17)', () => {
    // d<a>/dt = −iδ/2 <a> + (κ1 − κ)/2 <a> − κ2 <a†a²> − V/2 (<a> − <b>), exact while the top
    // levels are empty (coherent states with |α| < 1 at cutoff 10: tail ~1e-7 relative, and the
    // identity only involves levels below the top for the amplitude, so it holds to rounding).
    const rho = pureState(tensorKet(coherentKet(pair.modeA, { re: 0.3, im: 0.1 }), coherentKet(pair.modeB, { re: -0.2, im: 0.25 })));
    const lhs = expectation(heisenberg(pair.lindbladian, pair.operators.a), rho);
    const a = expectation(pair.operators.a, rho);
    const b = expectation(pair.operators.b, rho);
    // For a coherent state <a†a²> = |α|²α up to the truncation tail.
    const n = a.re * a.re + a.im * a.im;
    const re = 0.25 * a.im + 1 * a.re - 1 * n * a.re - 0.5 * (a.re - b.re);
    const im = -0.25 * a.re + 1 * a.im - 1 * n * a.im - 0.5 * (a.im - b.im);
    expectClose([lhs.re, lhs.im], [re, im], { atol: 1e-9 });
  });

  it('conserves nothing it should not: populations of |0,0> leak by gain at rate 2κ1', () => {
    const vac = mixture([{ weight: 1, state: pureState(tensorKet(fockKet(pair.modeA, 0), fockKet(pair.modeB, 0))) }]);
    const n = expectation(heisenberg(pair.lindbladian, pair.operators.na), vac).re;
    expectClose(n, 3, { rtol: 1e-14 }); // d<n_A>/dt = κ1(<n_A> + 1) at the vacuum
  });

  it('refuses a negative coupling by name', () => {
    expect(() => coupledVanDerPol({ cutoff: 4, kappa1: 1, kappa2: 1, V: -1 })).toThrow(/'V'.*≥ 0, got -1/);
    expect(() => coupledVanDerPol({ cutoff: 4, kappa1: 1, kappa2: 1, coupling: 1 } as never)).toThrow(/unknown parameter 'coupling'/);
  });
});
