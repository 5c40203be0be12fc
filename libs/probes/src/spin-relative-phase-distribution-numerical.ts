import { assertCount, assertFiniteArray } from './assert';
import type { DensityInput } from './density-input';
import { gaussLegendre } from './gauss-legendre';
import { assertSpinDensity, pairScratch, polarIntegral } from './spin-support';

/** Quadrature of {@link spinRelativePhaseDistributionNumerical}. */
export interface SpinRelativePhaseQuadratureConfig {
  /** Gauss–Legendre nodes per polar integral on [0, π], integer ≥ 1 (12 reach rounding). */
  readonly ntheta: number;
  /** Trapezoid nodes for the remaining angle φ_B on [0, 2π), integer ≥ 1; exact when ≥ 3. */
  readonly nphi: number;
}

/**
 * Distribution of the phase difference φ_AB = φ_A − φ_B of two spins-1/2 by quadrature of thesis
 * Eq. (4.44): Q(φ_AB) = ∫₀^{2π} dφ_A ∫₀^{2π} dφ_B Q(φ_A, φ_B) δ(φ_AB − φ_A + φ_B), with Q(φ_A, φ_B)
 * of Eq. (4.43) integrated over both polar angles from the two-spin Husimi function (4.42). A
 * cross-check of the closed form {@link spinRelativePhaseDistribution}.
 *
 * The δ (read modulo 2π) sets φ_A = φ_AB + φ_B and leaves ∫₀^{2π} dφ_B, done by a periodic
 * trapezoid rule with nphi nodes: at fixed φ_AB the integrand is a trigonometric polynomial of
 * degree ≤ 2 in φ_B (each spin-coherent ket carries e^{±iφ/2}), integrated exactly from nphi = 3.
 * The polar integrals use ntheta-point Gauss–Legendre rules. Cost O(nphi·ntheta²) per angle.
 *
 * @param rho - two-spin density matrix, dims [2, 2], index of |a, b⟩ = 2a + b
 * @param phis - values of φ_AB in radians, non-empty
 * @param config - { ntheta, nphi }
 * @returns Float64Array with Q(phis[i]) at index i, in 1/rad
 * @example
 * // (|0,1⟩ + |1,0⟩)/√2: ⟨σ+_Aσ−_B⟩ = ½, the largest possible, Q(0) = 1/2π + π/32
 * const d = new Float64Array(32);
 * for (const p of [1, 2]) for (const q of [1, 2]) d[2 * (p * 4 + q)] = 0.5;
 * spinRelativePhaseDistributionNumerical({ dims: [2, 2], matrix: { rows: 4, cols: 4, data: d } }, [0], { ntheta: 12, nphi: 3 }); // Float64Array [1 / (2 * Math.PI) + Math.PI / 32]
 */
export function spinRelativePhaseDistributionNumerical(
  rho: DensityInput,
  phis: ArrayLike<number>,
  config: SpinRelativePhaseQuadratureConfig,
): Float64Array {
  const fn = 'spinRelativePhaseDistributionNumerical';
  assertSpinDensity(fn, 'rho', rho, 2);
  assertFiniteArray(fn, 'phis', phis);
  if (config == null || typeof config !== 'object') {
    throw new Error(`${fn}: argument 'config' must be an object { ntheta, nphi }, got ${String(config)}`);
  }
  assertCount(fn, 'config.ntheta', config.ntheta);
  assertCount(fn, 'config.nphi', config.nphi);
  const { nodes, weights } = gaussLegendre(config.ntheta, 0, Math.PI);
  const nphi = config.nphi;
  const rd = rho.matrix.data;
  const scratch = pairScratch();
  const out = new Float64Array(phis.length);
  for (let k = 0; k < phis.length; k++) {
    let acc = 0;
    for (let j = 0; j < nphi; j++) {
      const phiB = (2 * Math.PI * j) / nphi;
      acc += polarIntegral(rd, phis[k] + phiB, phiB, nodes, weights, scratch);
    }
    out[k] = (acc * 2 * Math.PI) / nphi;
  }
  return out;
}
