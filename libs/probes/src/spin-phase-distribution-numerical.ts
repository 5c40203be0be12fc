import { assertCount, assertFiniteArray } from './assert';
import type { DensityInput } from './density-input';
import { gaussLegendre } from './gauss-legendre';
import { assertSpinDensity, expectationInKet, spinCoherentAmplitudesInto } from './spin-support';

/** Polar quadrature of the spin phase distributions. */
export interface PolarQuadratureConfig {
  /** Gauss–Legendre nodes on θ ∈ [0, π], integer ≥ 1 (16 reach rounding). */
  readonly ntheta: number;
}

/**
 * Phase distribution of a spin-1/2 by quadrature of thesis Eq. (4.33),
 * Q(φ) = ∫₀^π dθ sin θ Q(θ, φ), with Q(θ, φ) of Eq. (4.32) evaluated from the spin-coherent state
 * (as {@link spinHusimiQ} does); a cross-check of the closed form {@link spinPhaseDistribution}.
 *
 * Quadrature: ntheta-point Gauss–Legendre on [0, π]. The integrand sin θ·(a + b cos θ + c sin θ)
 * is entire, so the error falls geometrically (≈ 1e-16 from ntheta = 12; an odd ntheta also puts a
 * node at θ = π/2). A trapezoid rule would not do: the integrand is not periodic on [0, π].
 *
 * @param rho - spin-1/2 density matrix, dims [2]
 * @param phis - angles φ in radians, non-empty
 * @param config - { ntheta }
 * @returns Float64Array with Q(phis[i]) at index i, in 1/rad
 * @example
 * const plus = { dims: [2], matrix: { rows: 2, cols: 2, data: Float64Array.of(0.5, 0, 0.5, 0, 0.5, 0, 0.5, 0) } };
 * spinPhaseDistributionNumerical(plus, [0], { ntheta: 16 }); // Float64Array [1 / (2 * Math.PI) + 0.125]
 */
export function spinPhaseDistributionNumerical(
  rho: DensityInput,
  phis: ArrayLike<number>,
  config: PolarQuadratureConfig,
): Float64Array {
  const fn = 'spinPhaseDistributionNumerical';
  assertSpinDensity(fn, 'rho', rho, 1);
  assertFiniteArray(fn, 'phis', phis);
  if (config == null || typeof config !== 'object') {
    throw new Error(`${fn}: argument 'config' must be an object { ntheta }, got ${String(config)}`);
  }
  assertCount(fn, 'config.ntheta', config.ntheta);
  const { nodes, weights } = gaussLegendre(config.ntheta, 0, Math.PI);
  const rd = rho.matrix.data;
  const psi = new Float64Array(4);
  const out = new Float64Array(phis.length);
  for (let k = 0; k < phis.length; k++) {
    let acc = 0;
    for (let i = 0; i < nodes.length; i++) {
      spinCoherentAmplitudesInto(psi, 0, nodes[i], phis[k]);
      acc += weights[i] * Math.sin(nodes[i]) * expectationInKet(rd, 2, psi);
    }
    out[k] = acc / (2 * Math.PI);
  }
  return out;
}
