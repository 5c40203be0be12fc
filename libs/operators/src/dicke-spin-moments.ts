import type { Complex } from '@qsync/linalg';
import { assertDickeState } from './dicke-assert';
import type { DickeState } from './dicke-state';

/**
 * Collective moments of a permutation-invariant state and the single-spin and pair quantities
 * they determine (thesis Sec. 4.2.3, Eq. 4.58: s_z, ⟨σ+σ−⟩, ⟨σzσz⟩ for any i ≠ j).
 */
export interface DickeSpinMoments {
  /** ⟨Sz⟩ = ½ Σ_i ⟨σz_i⟩. */
  readonly Sz: number;
  /** ⟨Sz²⟩. */
  readonly SzSz: number;
  /** ⟨S+S−⟩ (real). */
  readonly SpSm: number;
  /** ⟨S+⟩ (complex; 0 in a U(1)-symmetric steady state). */
  readonly Sp: Complex;
  /** s_z = ⟨σz_i⟩ = 2⟨Sz⟩/N, the same for every spin. */
  readonly sz: number;
  /** s+ = ⟨σ+_i⟩ = ⟨S+⟩/N. */
  readonly sp: Complex;
  /** ⟨σ+_i σ−_j⟩ for i ≠ j = (⟨S+S−⟩ − N/2 − ⟨Sz⟩)/(N(N − 1)); null for N = 1. */
  readonly sigmaPlusMinus: number | null;
  /** ⟨σz_i σz_j⟩ for i ≠ j = (4⟨Sz²⟩ − N)/(N(N − 1)); null for N = 1. */
  readonly sigmaZZ: number | null;
  /** Tr ρ = Σ_j Tr ρ_j (the moments are not divided by it). */
  readonly trace: number;
}

/**
 * The moments ⟨Sz⟩, ⟨Sz²⟩, ⟨S+S−⟩, ⟨S+⟩ of a permutation-invariant state and from them the
 * single-spin and pair expectations of the thesis's order parameters: s_z = ⟨σz_i⟩ and, for
 * i ≠ j, ⟨σ+_iσ−_j⟩ and ⟨σz_iσz_j⟩ (by permutation symmetry, Σ_{i≠j} σ+_iσ−_j = S+S− − Σ_i σ+_iσ−_i
 * with Σ_i σ+_iσ−_i = N/2 + Sz, and Σ_{i≠j} σz_iσz_j = 4Sz² − N). One pass over the populations
 * and the first off-diagonal.
 *
 * @param state - a permutation-invariant state (normalised for the per-spin values to be expectations)
 * @example
 * // all spins up: s_z = 1, ⟨σzσz⟩ = 1, no coherence between two spins
 * const m = dickeSpinMoments(dickeBasisState(dickeSpace(6), 3, 3));
 * [m.sz, m.sigmaZZ, m.sigmaPlusMinus]; // [1, 1, 0]
 */
export function dickeSpinMoments(state: DickeState): DickeSpinMoments {
  assertDickeState('dickeSpinMoments', 'state', state);
  const { space, data } = state;
  const n = space.n;
  let trace = 0;
  let sz = 0;
  let szsz = 0;
  let spsm = 0;
  let spr = 0;
  let spi = 0;
  for (let b = 0; b < space.blocks; b++) {
    const j = space.j[b];
    const d = 2 * j + 1;
    const o = space.vecOffset[b];
    for (let k = 0; k < d; k++) {
      const m = k - j;
      const p = data[2 * (o + k * d + k)];
      trace += p;
      sz += m * p;
      szsz += m * m * p;
      spsm += (j + m) * (j - m + 1) * p; // j(j+1) − m(m−1)
      if (k + 1 < d) {
        // ⟨S+⟩ = Σ ⟨m+1|S+|m⟩ ρ(m, m+1)
        const c = Math.sqrt((j - m) * (j + m + 1));
        spr += c * data[2 * (o + k * d + k + 1)];
        spi += c * data[2 * (o + k * d + k + 1) + 1];
      }
    }
  }
  const pairs = n * (n - 1);
  return {
    Sz: sz,
    SzSz: szsz,
    SpSm: spsm,
    Sp: { re: spr, im: spi },
    sz: (2 * sz) / n,
    sp: { re: spr / n, im: spi / n },
    sigmaPlusMinus: n > 1 ? (spsm - (n / 2) * trace - sz) / pairs : null,
    sigmaZZ: n > 1 ? (4 * szsz - n * trace) / pairs : null,
    trace,
  };
}
