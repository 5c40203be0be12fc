import type { DickeSpace } from './dicke-space';

/**
 * A permutation-invariant state of N spins-1/2: the blocks ρ_j(m, m′) = Σ_α ⟨j, m, α|ρ|j, m′, α⟩
 * (the full density matrix traced over the d_j copies of each multiplet, so that
 * ρ = ⊕_j ρ_j ⊗ 1_{d_j}/d_j and Tr ρ = Σ_j Tr ρ_j), interleaved complex, laid out as
 * `DickeSpace.vecOffset` says. This is QuTiP piqs's "Dicke-basis density matrix" (its blocks).
 */
export interface DickeState {
  readonly space: DickeSpace;
  /** Interleaved (re, im) block entries, length 2·space.size. */
  readonly data: Float64Array;
}
