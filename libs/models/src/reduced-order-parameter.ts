import { createOrderParameterModel, type OrderParameterModel } from './order-parameter-model';
import { resolveParameters, type ParameterTable } from './parameters';

/** Parameters of {@link reducedOrderParameter}. Rates in the unit of the Kuramoto model's V and σ². */
export interface ReducedOrderParameterConfig {
  /** coupling V ≥ 0 of the Kuramoto model, Eq. (2.29) */
  V: number;
  /** noise amplitude σ > 0 on each phase of the Kuramoto model, Eq. (2.29) (strength σ²) */
  sigma: number;
  /** common natural frequency: z rotates at it (default 0) */
  omegaMean?: number;
  /** initial |z|, in [0, 1] (default 0.01) */
  r0?: number;
  /** initial arg z, radians (default 0) */
  psi0?: number;
}

/** The parameter table of {@link reducedOrderParameter}. */
export const reducedOrderParameterParameters: ParameterTable = {
  V: { description: 'coupling V of the Kuramoto model, Eq. (2.29)', min: 0 },
  sigma: { description: 'noise amplitude σ on each phase of the Kuramoto model (strength σ²)', min: 0, exclusiveMin: true },
  omegaMean: { description: 'common natural frequency', default: 0 },
  r0: { description: 'initial |z|', min: 0, max: 1, default: 0.01 },
  psi0: { description: 'initial arg z', default: 0 },
};

/**
 * The reduced order-parameter equation of the noisy Kuramoto model of identical oscillators,
 * thesis Eq. (2.51): ż = (V/2 − σ²/2) z − (V²/(4σ²))|z|² z (+ i·omegaMean·z). It follows from the
 * Fourier hierarchy (2.46) by eliminating f2 adiabatically and neglecting f3, so it holds near
 * the threshold V = σ² (Eq. 2.50); its stationary |z| = √(2σ²(V − σ²)/V²) (Eq. 2.52) lies below
 * the exact N → ∞ value I1(K)/I0(K) = |z|, K = 2V|z|/σ², by 0.007 at V = 1.1σ² and 0.03 at 1.3σ².
 * Frames carry `z` (complex) and `r` = |z|.
 *
 * @param config - V, sigma, omegaMean, r0, psi0
 * @throws Error naming the parameter when one is missing, unknown or out of range
 * @example
 * reducedOrderParameter({ V: 1.1, sigma: 1 }).steadyModulus; // → 0.4065578140908… (Eq. 2.52)
 */
export function reducedOrderParameter(config: ReducedOrderParameterConfig): OrderParameterModel {
  const p = resolveParameters(
    'reducedOrderParameter',
    reducedOrderParameterParameters,
    config as unknown as Record<string, unknown>,
  );
  const s2 = p.sigma * p.sigma;
  return createOrderParameterModel({
    fn: 'reducedOrderParameter',
    equation: '2.51',
    parameters: Object.freeze({ ...p }),
    gain: (p.V - s2) / 2,
    saturation: (p.V * p.V) / (4 * s2),
    frequency: p.omegaMean,
    r0: p.r0,
    psi0: p.psi0,
  });
}
