import { assertFiniteArray } from './assert';
import type { DensityInput } from './density-input';
import { assertSpinDensity, expectationInKet, productKetInto, spinCoherentAmplitudesInto } from './spin-support';

/** Points (θ_A, φ_A, θ_B, φ_B) on two spheres, as four arrays of equal length, in radians. */
export interface SpinPairAngles {
  readonly thetaA: ArrayLike<number>;
  readonly phiA: ArrayLike<number>;
  readonly thetaB: ArrayLike<number>;
  readonly phiB: ArrayLike<number>;
}

/**
 * Husimi Q function of two spins-1/2, thesis Eq. (4.42):
 * Q(θ_A, φ_A, θ_B, φ_B) = (1/4π²)⟨θ_A, φ_A| ⊗ ⟨θ_B, φ_B| ρ |θ_A, φ_A⟩ ⊗ |θ_B, φ_B⟩,
 * with the spin-coherent states of Eq. (4.31) (see {@link spinHusimiQ}), at a list of points
 * (the function has four arguments; any grid is a list of its points).
 *
 * Normalisation: ∫ sin θ_A dθ_A dφ_A sin θ_B dθ_B dφ_B Q = Tr ρ. Only ρ's Hermitian part enters.
 * Basis: Kronecker order A ⊗ B, index of |a, b⟩ = 2a + b, levels |0⟩, |1⟩ with σ+ = |1⟩⟨0|.
 *
 * @param rho - two-spin density matrix, dims [2, 2]
 * @param angles - { thetaA, phiA, thetaB, phiB }, arrays of one common non-zero length
 * @returns Float64Array with Q at point i at index i, in 1/sr²
 * @example
 * // |1, 0⟩: spin A up, spin B down; Q = cos²(θ_A/2) sin²(θ_B/2)/4π², largest at θ_A = 0, θ_B = π
 * const d = new Float64Array(32);
 * d[2 * (2 * 4 + 2)] = 1;
 * spinPairHusimiQ({ dims: [2, 2], matrix: { rows: 4, cols: 4, data: d } }, { thetaA: [0, Math.PI], phiA: [0, 0], thetaB: [Math.PI, 0], phiB: [0, 0] }); // Float64Array [1 / (4 * Math.PI ** 2), 0]
 */
export function spinPairHusimiQ(rho: DensityInput, angles: SpinPairAngles): Float64Array {
  const fn = 'spinPairHusimiQ';
  assertSpinDensity(fn, 'rho', rho, 2);
  if (angles == null || typeof angles !== 'object') {
    throw new Error(`${fn}: argument 'angles' must be an object { thetaA, phiA, thetaB, phiB }, got ${String(angles)}`);
  }
  const names = ['thetaA', 'phiA', 'thetaB', 'phiB'] as const;
  for (const name of names) assertFiniteArray(fn, `angles.${name}`, angles[name]);
  const n = angles.thetaA.length;
  for (const name of names) {
    if (angles[name].length !== n) {
      throw new Error(`${fn}: argument 'angles.${name}' must have the length of 'angles.thetaA' (${n}), got ${angles[name].length}`);
    }
  }
  const rd = rho.matrix.data;
  const a = new Float64Array(4);
  const b = new Float64Array(4);
  const psi = new Float64Array(8);
  const out = new Float64Array(n);
  const norm = 1 / (4 * Math.PI * Math.PI);
  for (let k = 0; k < n; k++) {
    spinCoherentAmplitudesInto(a, 0, angles.thetaA[k], angles.phiA[k]);
    spinCoherentAmplitudesInto(b, 0, angles.thetaB[k], angles.phiB[k]);
    productKetInto(psi, a, b);
    out[k] = norm * expectationInKet(rd, 4, psi);
  }
  return out;
}
