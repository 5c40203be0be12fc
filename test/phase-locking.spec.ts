/**
 * Phase locking of two quantum vdP oscillators (thesis Fig. 4.3): Q(φ_AB) of the steady state by
 * the closed form (Eq. 4.11) and by numerical integration of Eqs. 4.9–4.10.
 */
import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { steadyState } from '@qsync/integrators';
import { coupledVanDerPol } from '@qsync/models';
import { maxRelativePhase, relativePhaseDistribution, relativePhaseDistributionNumerical } from '@qsync/probes';

describe('Q(φ_AB) of the coupled quantum vdP steady state', () => {
  const phis = Array.from({ length: 64 }, (_, k) => (2 * Math.PI * k) / 64);

  it('closed form (4.11) equals the numerical integral of (4.9–4.10) to 1e-6', () => {
    const model = coupledVanDerPol({ cutoff: 7, kappa: 1, kappa1: 3, kappa2: 1, delta: 0.5, V: 1 });
    const { rho } = steadyState(model.lindbladian);
    const closed = relativePhaseDistribution(rho, phis);
    // Gauss–Legendre in r_A, r_B on [0, 12] (the integrand ~ r^(2N) e^{−r²} is < 1e-40 beyond)
    // with 64 nodes; the φ_B rule is exact for nphi ≥ 2N − 1.
    const numerical = relativePhaseDistributionNumerical(rho, phis, { rMax: 12, nr: 64, nphi: 16 });
    expectClose(numerical, closed, { atol: 1e-6 });
  });

  it('locks more strongly as the coupling grows (Fig. 4.3b) and is flat without coupling', () => {
    const distribution = (V: number) => {
      const model = coupledVanDerPol({ cutoff: 7, kappa: 1, kappa1: 3, kappa2: 1, delta: 0.5, V });
      const { rho } = steadyState(model.lindbladian);
      const closed = relativePhaseDistribution(rho, phis);
      // every value of the curve by the independent quadrature of (4.9–4.10), as above
      expectClose(closed, relativePhaseDistributionNumerical(rho, phis, { rMax: 12, nr: 64, nphi: 16 }), { atol: 1e-6 });
      return maxRelativePhase(closed, phis);
    };
    // Uncoupled: ρ = ρ_A ⊗ ρ_B with U(1)-symmetric factors, so Q(φ_AB) = 1/2π exactly.
    expectClose(distribution(0).max, 1 / (2 * Math.PI), { rtol: 1e-10 });
    // the peak rises with V (by far more than the 1e-6 to which both methods agree) and moves
    // towards φ_AB = 0 as V/|δ| grows, as the thesis describes Fig. 4.3b
    const weak = distribution(0.5);
    const strong = distribution(2);
    expect(weak.max).toBeGreaterThan(1 / (2 * Math.PI) + 1e-3);
    expect(strong.max).toBeGreaterThan(weak.max + 1e-3);
    const distanceFromZero = (phi: number) => Math.abs(Math.atan2(Math.sin(phi), Math.cos(phi)));
    expect(distanceFromZero(strong.argmax)).toBeLessThan(distanceFromZero(weak.argmax));
  });
});
