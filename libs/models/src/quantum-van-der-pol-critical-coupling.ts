import { criticalCoupling, meanFieldStability, type CriticalCouplingResult } from '@qsync/integrators';
import { bracketInstability } from './bracket-instability';
import { quantumVanDerPolMeanField } from './quantum-van-der-pol-mean-field';
import { resolveParameters, type ParameterTable } from './parameters';

/** Parameters of {@link quantumVanDerPolCriticalCoupling}. */
export interface QuantumVanDerPolCriticalCouplingConfig {
  /** Fock cutoff (integer ≥ 3; 25 suffices for κ2/κ1 ≥ 0.1, see the README). */
  cutoff: number;
  kappa1: number;
  kappa2: number;
  /** Width of the final bracket relative to Vc (default 1e-9). */
  rtol?: number;
}

/** The parameter table of {@link quantumVanDerPolCriticalCoupling}. */
export const quantumVanDerPolCriticalCouplingParameters: ParameterTable = {
  cutoff: { description: 'Fock cutoff (number of levels)', min: 3, integer: true },
  kappa1: { description: 'linear gain κ1', min: 0, exclusiveMin: true },
  kappa2: { description: 'two-excitation loss κ2', min: 0, exclusiveMin: true },
  rtol: { description: 'width of the final bracket relative to Vc', min: 0, exclusiveMin: true, default: 1e-9 },
};

/**
 * The critical coupling Vc of the mean-field network (Eq. 4.19) by linear stability (Eq. 4.22): the
 * smallest V at which the incoherent state becomes unstable, where the largest real part of the
 * linearization's eigenvalues in the charge-±1 block (size cutoff − 1, where the instability lives)
 * crosses zero (Fig. 4.5b). The bracket: from V = κ2, halved until the incoherent state is stable and
 * doubled until it is not; then bisection. In the quantum limit κ2/κ1 → ∞, Vc → 10κ2/3 (Lee et al. 2014);
 * in the classical limit Vc/κ1 → 0.
 *
 * @throws Error naming the parameter when one is out of range, when a growth rate of the bracketing is
 *   within 1e-9(κ1 + κ2 + V) of 0 (κ1/κ2 ≲ 1e-8: rates at rounding), or when no instability appears up to 10⁴(κ1 + κ2)
 * @example
 * quantumVanDerPolCriticalCoupling({ cutoff: 12, kappa1: 1, kappa2: 1 }).coupling; // ≈ 3.1932
 */
export function quantumVanDerPolCriticalCoupling(config: QuantumVanDerPolCriticalCouplingConfig): CriticalCouplingResult {
  const fn = 'quantumVanDerPolCriticalCoupling';
  const p = resolveParameters(fn, quantumVanDerPolCriticalCouplingParameters, config as unknown as Record<string, unknown>);
  const growth = (V: number): number => {
    const mf = quantumVanDerPolMeanField({ cutoff: p.cutoff, kappa1: p.kappa1, kappa2: p.kappa2, V, alpha0: 0 });
    return meanFieldStability(mf.meanField, mf.incoherentState(), { sectors: { charge: mf.operators.n, values: [1, -1] } }).growthRate;
  };
  // bracket: from V = κ2 (Vc/κ2 lies near 3 across the classical-to-quantum crossover) halve until the
  // incoherent state is stable, double until it is not; rates below 1e-9(κ1 + κ2 + V) are rounding
  const [lo, hi] = bracketInstability(fn, growth, p.kappa2, 1e-9 * p.kappa2, 1e4 * (p.kappa1 + p.kappa2), (V) => 1e-9 * (p.kappa1 + p.kappa2 + V));
  return criticalCoupling(growth, [lo, hi], { tol: p.rtol * lo });
}
