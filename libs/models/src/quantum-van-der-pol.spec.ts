import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { steadyState } from '@qsync/integrators';
import { expect as expectation, fockKet, heisenberg, pureState, coherentKet, times, power } from '@qsync/operators';
import { quantumVanDerPol } from './quantum-van-der-pol';

describe('quantumVanDerPol (Eq. 4.1)', () => {
  it('reaches (2|0><0| + |1><1|)/3 in the quantum limit κ = 0, κ2/κ1 → ∞', () => {
    // Populations differ from 2/3, 1/3 by O(κ1/κ2) (the |2> level is fed at rate 2κ1·p1 and
    // emptied at 2κ2): the deviation must shrink tenfold as κ2/κ1 grows tenfold.
    const dev = (k2: number) => {
      const vdp = quantumVanDerPol({ cutoff: 6, kappa1: 1, kappa2: k2 });
      const { rho } = steadyState(vdp.lindbladian);
      const p = [0, 1].map((i) => rho.matrix.data[2 * (i * 6 + i)]);
      return Math.max(Math.abs(p[0] - 2 / 3), Math.abs(p[1] - 1 / 3));
    };
    const d2 = dev(1e2);
    const d3 = dev(1e3);
    const d5 = dev(1e5);
    expect(d5).toBeLessThan(1e-4);
    expect(d3 / d2).toBeGreaterThan(0.05);
    expect(d3 / d2).toBeLessThan(0.2);
  });

  it('obeys the amplitude equation (4.2) through the Heisenberg action (3.9)', () => {
    // d<a>/dt = −iω<a> + (κ1 − κ)/2 <a> − κ2 <a†a²>, exact as long as the top Fock level is empty
    // (the truncated a† is not the adjoint-of-a beyond it): |α = 0.6>, cutoff 30 leaves ~1e-30 there.
    const vdp = quantumVanDerPol({ cutoff: 30, omega: 1.3, kappa1: 2, kappa2: 0.4, kappa: 0.7 });
    const rho = pureState(coherentKet(vdp.space, { re: 0.6, im: -0.2 }));
    const lhs = expectation(heisenberg(vdp.lindbladian, vdp.operators.a), rho);
    const a = expectation(vdp.operators.a, rho);
    const adaa = expectation(times(vdp.operators.adag, power(vdp.operators.a, 2)), rho);
    const re = 1.3 * a.im + ((2 - 0.7) / 2) * a.re - 0.4 * adaa.re;
    const im = -1.3 * a.re + ((2 - 0.7) / 2) * a.im - 0.4 * adaa.im;
    expectClose([lhs.re, lhs.im], [re, im], { atol: 1e-13 });
  });

  it('keeps the vacuum populations stationary without gain', () => {
    const vdp = quantumVanDerPol({ cutoff: 4, kappa1: 0, kappa2: 1, kappa: 1 });
    const n = heisenberg(vdp.lindbladian, vdp.operators.n);
    expectClose(expectation(n, pureState(fockKet(vdp.space, 0))).re, 0, { atol: 1e-15 });
  });

  it('refuses bad parameters by name', () => {
    expect(() => quantumVanDerPol({ cutoff: 1, kappa1: 1, kappa2: 1 })).toThrow(/'cutoff'.*≥ 2, got 1/);
    expect(() => quantumVanDerPol({ cutoff: 5, kappa1: -1, kappa2: 1 })).toThrow(/'kappa1'.*≥ 0, got -1/);
    expect(() => quantumVanDerPol({ cutoff: 5, kappa1: 1, kappa2: 1, gamma: 2 } as never)).toThrow(
      /unknown parameter 'gamma'/,
    );
  });
});
