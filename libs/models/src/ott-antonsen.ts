import { createOrderParameterModel, type OrderParameterModel } from './order-parameter-model';
import { resolveParameters, type ParameterTable } from './parameters';

/** Parameters of {@link ottAntonsen}. Rates in the unit of the Kuramoto model's V and G. */
export interface OttAntonsenConfig {
  /** coupling V ≥ 0 of the Kuramoto model, Eq. (2.29) */
  V: number;
  /** Lorentzian width G ≥ 0 of the natural frequencies */
  G: number;
  /** mean natural frequency: z rotates at it (default 0) */
  omegaMean?: number;
  /** initial |z|, in [0, 1] (default 0.01; 0 is the incoherent fixed point, where z stays) */
  r0?: number;
  /** initial arg z, radians (default 0) */
  psi0?: number;
}

/** The parameter table of {@link ottAntonsen}. */
export const ottAntonsenParameters: ParameterTable = {
  V: { description: 'coupling V of the Kuramoto model, Eq. (2.29)', min: 0 },
  G: { description: 'Lorentzian width G of the natural frequencies', min: 0 },
  omegaMean: { description: 'mean natural frequency', default: 0 },
  r0: { description: 'initial |z|', min: 0, max: 1, default: 0.01 },
  psi0: { description: 'initial arg z', default: 0 },
};

/**
 * The Ott–Antonsen equation of the noise-free Kuramoto model with Lorentzian frequency
 * disorder, thesis Eq. (2.43), exact for N → ∞ on the Ott–Antonsen manifold:
 * ż = (V/2 − G) z − (V/2)|z|² z + i·omegaMean·z.
 * For V > 2G (Eq. 2.44) |z| → √(1 − 2G/V) (Eq. 2.37); for V ≤ 2G, z → 0.
 * Frames carry `z` (complex) and `r` = |z|; `exact(t)` is the closed form
 * (see `orderParameterModulus`), `simulate` integrates with Dormand–Prince.
 *
 * @param config - V, G, omegaMean, r0, psi0
 * @throws Error naming the parameter when one is missing, unknown or out of range
 * @example
 * const oa = ottAntonsen({ V: 1.5, G: 0.5 });
 * oa.steadyModulus; // → 0.5773502691896258 = √(1 − 2G/V)
 * oa.exact(10).re; // ≈ 0.1192 — |z| still growing from 0.01
 */
export function ottAntonsen(config: OttAntonsenConfig): OrderParameterModel {
  const p = resolveParameters('ottAntonsen', ottAntonsenParameters, config as unknown as Record<string, unknown>);
  return createOrderParameterModel({
    fn: 'ottAntonsen',
    equation: '2.43',
    parameters: Object.freeze({ ...p }),
    gain: p.V / 2 - p.G,
    saturation: p.V / 2,
    frequency: p.omegaMean,
    r0: p.r0,
    psi0: p.psi0,
  });
}
