import { steadyState } from '@qsync/integrators';
import { dagger, liouvillianMatrix, expect as expectValue, times, type Operator } from '@qsync/operators';
import { csrToDense } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { coupledVanDerPol } from './coupled-van-der-pol';
import { quantumVanDerPol } from './quantum-van-der-pol';
import { quantumVanDerPolNetwork } from './quantum-van-der-pol-network';

describe('quantumVanDerPolNetwork', () => {
  it('is the coupled pair (4.8) at N = 2 with δ = κ = 0 and coupling V/2: same generator, same steady state', () => {
    const net = quantumVanDerPolNetwork({ N: 2, cutoff: 5, kappa1: 1.5, kappa2: 0.7, V: 3 });
    const pair = coupledVanDerPol({ cutoff: 5, kappa1: 1.5, kappa2: 0.7, V: 1.5 });
    expectClose(csrToDense(liouvillianMatrix(net.lindbladian)).data, csrToDense(liouvillianMatrix(pair.lindbladian)).data, { atol: 1e-14 });
    const rhoNet = steadyState(net.lindbladian).rho;
    const rhoPair = steadyState(pair.lindbladian).rho;
    expectClose(rhoNet.matrix.data, rhoPair.matrix.data, { atol: 1e-12 });
    const c = expectValue(net.operators.adag1a2, rhoNet);
    const cp = expectValue(pair.operators.adagb, rhoPair);
    expectClose([c.re, c.im], [cp.re, cp.im], { atol: 1e-12 });
  });

  it('without coupling is a product of single vdP oscillators (4.1)', () => {
    const net = quantumVanDerPolNetwork({ N: 3, cutoff: 5, kappa1: 1, kappa2: 0.5, V: 0 });
    const one = quantumVanDerPol({ cutoff: 5, kappa1: 1, kappa2: 0.5 });
    const n1 = expectValue(one.operators.n, steadyState(one.lindbladian).rho).re;
    const rho = steadyState(net.lindbladian).rho;
    for (const k of ['n1', 'n2', 'n3', 'n']) expectClose(expectValue(net.operators[k], rho).re, n1, { rtol: 1e-11 });
  });

  it('has a steady state that obeys the Heisenberg equation of ⟨n_1⟩ under (4.18), pairs at rate V/N', () => {
    // d⟨n_i⟩/dt = κ1⟨a_i a_i†⟩ − 2κ2⟨a_i†²a_i²⟩ − (V/N)Σ_{j≠i}(⟨n_i⟩ − Re⟨a_i†a_j⟩) = 0 in the steady state; the
    // first two are exact in the truncated space ([n, a†] = a†, [n, a²] = −2a² hold there), so the balance
    // holds to the solver's accuracy, and only with the rate V/N of each pair
    const N = 3;
    const V = 2.5;
    const net = quantumVanDerPolNetwork({ N, cutoff: 5, kappa1: 1, kappa2: 0.5, V });
    const rho = steadyState(net.lindbladian).rho;
    const ev = (o: Operator) => expectValue(o, rho).re;
    const a1 = net.operators.a1;
    const ad1 = dagger(a1);
    let coupling = 0;
    for (const j of ['a2', 'a3']) coupling += ev(net.operators.n1) - ev(times(ad1, net.operators[j]));
    const gain = ev(times(a1, ad1));
    const loss = 2 * ev(times(times(ad1, ad1), times(a1, a1)));
    expectClose(1 * gain - 0.5 * loss - (V / N) * coupling, 0, { atol: 1e-11 });
    // the coupling term is not negligible here, so a wrong pair rate would show
    expect(Math.abs((V / N) * coupling)).toBeGreaterThan(0.01);
    // permutation symmetry of the steady state
    expectClose(ev(net.operators.n2), ev(net.operators.n1), { rtol: 1e-11 });
  });

  it('offers a_i† as adag1 … adagN: adag_i a_i = n_i (num of each mode) and adag_1 a_2 = adag1a2, for spectra ⟨a_i†(τ)a_i⟩', () => {
    const net = quantumVanDerPolNetwork({ N: 3, cutoff: 3, kappa1: 1, kappa2: 1, V: 1 });
    const o = net.operators;
    const d = (x: Operator) => Array.from(csrToDense(x.matrix).data);
    for (const i of [1, 2, 3]) expectClose(d(times(o[`adag${i}`], o[`a${i}`])), d(o[`n${i}`]), { atol: 1e-15 });
    expectClose(d(times(o.adag1, o.a2)), d(o.adag1a2), { atol: 1e-15 });
  });

  it('refuses bad parameters and a space that is too large', () => {
    expect(() => quantumVanDerPolNetwork({ N: 1, cutoff: 4, kappa1: 1, kappa2: 1, V: 1 })).toThrow(/parameter 'N'.*must be ≥ 2/);
    expect(() => quantumVanDerPolNetwork({ N: 5, cutoff: 6, kappa1: 1, kappa2: 1, V: 1 })).toThrow(/cutoff\^N = 6\^5 = 7776 exceeds 4096/);
    expect(() => quantumVanDerPolNetwork({ N: 2, cutoff: 4, kappa1: 1, kappa2: 1, V: -1 })).toThrow(/parameter 'V'/);
  });
});
