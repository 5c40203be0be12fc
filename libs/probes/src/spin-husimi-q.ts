import { assertFiniteArray } from './assert';
import type { DensityInput } from './density-input';
import { assertSpinDensity, expectationInKet, spinCoherentAmplitudesInto } from './spin-support';

/** Grid on the sphere: polar angles θ ∈ [0, π] (θ = 0 is |1⟩) and azimuthal angles φ, in radians. */
export interface SphereGrid {
  readonly theta: ArrayLike<number>;
  readonly phi: ArrayLike<number>;
}

/**
 * Husimi Q function of a spin-1/2, Q(θ, φ) = (1/2π)⟨θ, φ|ρ|θ, φ⟩ (thesis Eq. 4.32), on a grid,
 * with the spin-coherent state |θ, φ⟩ = e^{−iφσz/2} e^{−iθσy/2}|1⟩ of Eq. (4.31)
 * = e^{iφ/2} sin(θ/2)|0⟩ + e^{−iφ/2} cos(θ/2)|1⟩ (the ket of `spinCoherentKet` in @qsync/operators).
 *
 * Layout: `out[iθ·nφ + iφ] = Q(theta[iθ], phi[iφ])`, nφ = grid.phi.length (rows are θ values, as in
 * an equirectangular map with θ = 0 at the top). Normalisation: ∫₀^π dθ sin θ ∫₀^{2π} dφ Q = Tr ρ.
 * In closed form Q = (1/2π)[ρ₁₁cos²(θ/2) + ρ₀₀sin²(θ/2) + sin θ·Re(⟨σ+⟩e^{−iφ})], so Q lies in
 * [0, 1/2π] for a state, and a state with ⟨σ+⟩ ≠ 0 is brightest at φ = arg⟨σ+⟩.
 * Basis of ρ: |0⟩, |1⟩ with σz = |1⟩⟨1| − |0⟩⟨0| (thesis Eq. 4.24).
 *
 * @param rho - spin-1/2 density matrix, dims [2]
 * @param grid - θ values (`theta`) and φ values (`phi`), non-empty, finite
 * @returns Float64Array of length theta.length·phi.length, layout [θ index][φ index], in 1/sr
 * @example
 * const up = { dims: [2], matrix: { rows: 2, cols: 2, data: Float64Array.of(0, 0, 0, 0, 0, 0, 1, 0) } };
 * spinHusimiQ(up, { theta: [0, Math.PI / 2, Math.PI], phi: [0] }); // Float64Array [1 / (2 * Math.PI), 1 / (4 * Math.PI), 0] — |⟨θ,φ|1⟩|² = cos²(θ/2)
 */
export function spinHusimiQ(rho: DensityInput, grid: SphereGrid): Float64Array {
  const fn = 'spinHusimiQ';
  assertSpinDensity(fn, 'rho', rho, 1);
  if (grid == null || typeof grid !== 'object') {
    throw new Error(`${fn}: argument 'grid' must be an object { theta, phi } of angles, got ${String(grid)}`);
  }
  assertFiniteArray(fn, 'grid.theta', grid.theta);
  assertFiniteArray(fn, 'grid.phi', grid.phi);
  const thetas = grid.theta;
  const phis = grid.phi;
  const nphi = phis.length;
  const out = new Float64Array(thetas.length * nphi);
  const psi = new Float64Array(4);
  const rd = rho.matrix.data;
  for (let i = 0; i < thetas.length; i++) {
    for (let j = 0; j < nphi; j++) {
      spinCoherentAmplitudesInto(psi, 0, thetas[i], phis[j]);
      out[i * nphi + j] = expectationInKet(rd, 2, psi) / (2 * Math.PI);
    }
  }
  return out;
}
