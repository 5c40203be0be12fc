import { assertCount, assertFiniteArray } from './assert';
import type { DensityInput } from './density-input';
import { gaussLegendre } from './gauss-legendre';
import type { PolarQuadratureConfig } from './spin-phase-distribution-numerical';
import { assertSpinDensity, pairScratch, polarIntegral } from './spin-support';

/**
 * Joint phase distribution of two spins-1/2 by quadrature of thesis Eq. (4.43),
 * Q(φ_A, φ_B) = ∫₀^π dθ_A sin θ_A ∫₀^π dθ_B sin θ_B Q(θ_A, φ_A, θ_B, φ_B), with Q of Eq. (4.42)
 * (see {@link spinPairHusimiQ}), on the grid phisA × phisB.
 *
 * Layout `out[iA·nB + iB] = Q(phisA[iA], phisB[iB])`, nB = phisB.length. The θ integrals use an
 * ntheta-point Gauss–Legendre rule on [0, π] each (tensor product; the integrand is entire, see
 * {@link spinPhaseDistributionNumerical}). ∫∫ Q dφ_A dφ_B = Tr ρ. Cost O(ntheta²) per point.
 *
 * @param rho - two-spin density matrix, dims [2, 2], index of |a, b⟩ = 2a + b
 * @param phisA - angles φ_A in radians, non-empty
 * @param phisB - angles φ_B in radians, non-empty
 * @param config - { ntheta }
 * @returns Float64Array of length phisA.length·phisB.length, in 1/rad²
 * @example
 * // the mixed state I/4 has no phase: Q(φ_A, φ_B) = 1/4π²
 * const d = new Float64Array(32);
 * for (let i = 0; i < 4; i++) d[2 * (5 * i)] = 0.25;
 * spinPairPhaseDistributionNumerical({ dims: [2, 2], matrix: { rows: 4, cols: 4, data: d } }, [0], [1], { ntheta: 12 }); // Float64Array [1 / (4 * Math.PI ** 2)]
 */
export function spinPairPhaseDistributionNumerical(
  rho: DensityInput,
  phisA: ArrayLike<number>,
  phisB: ArrayLike<number>,
  config: PolarQuadratureConfig,
): Float64Array {
  const fn = 'spinPairPhaseDistributionNumerical';
  assertSpinDensity(fn, 'rho', rho, 2);
  assertFiniteArray(fn, 'phisA', phisA);
  assertFiniteArray(fn, 'phisB', phisB);
  if (config == null || typeof config !== 'object') {
    throw new Error(`${fn}: argument 'config' must be an object { ntheta }, got ${String(config)}`);
  }
  assertCount(fn, 'config.ntheta', config.ntheta);
  const rule = gaussLegendre(config.ntheta, 0, Math.PI);
  const out = new Float64Array(phisA.length * phisB.length);
  const scratch = pairScratch();
  for (let i = 0; i < phisA.length; i++) {
    for (let j = 0; j < phisB.length; j++) {
      out[i * phisB.length + j] = polarIntegral(rho.matrix.data, phisA[i], phisB[j], rule.nodes, rule.weights, scratch);
    }
  }
  return out;
}
