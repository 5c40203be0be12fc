/**
 * The permutation-invariant (Dicke) space of N identical spins-1/2, thesis Sec. 4.2.3: a state
 * that is symmetric under every permutation of the spins is block diagonal in the total spin j,
 * ρ = ⊕_j ρ_j ⊗ 1_{d_j}/d_j, with one (2j+1)×(2j+1) block ρ_j per j = N/2, N/2 − 1, …, (0 or ½)
 * and d_j the number of copies of that spin-j multiplet (`dickeDegeneracy`). The numbers here
 * fix how blocks, Dicke states |j, m⟩ and block entries ρ_j(m, m′) are laid out in arrays.
 */
export interface DickeSpace {
  readonly kind: 'dicke';
  /** Number of spins N. */
  readonly n: number;
  /** Number of blocks (values of j): ⌊N/2⌋ + 1. */
  readonly blocks: number;
  /** j of block b: N/2 − b (largest first, as QuTiP's piqs). */
  readonly j: Float64Array;
  /**
   * First Dicke-state index of block b (length blocks + 1; the last entry is `dimension`). Within
   * block b the state |j, m⟩ has index stateOffset[b] + (m + j): m ascending, so that, as in the
   * spin-1/2 basis (|0⟩ = down, |1⟩ = up), the lowest m comes first.
   */
  readonly stateOffset: Int32Array;
  /** Number of Dicke states Σ_j (2j + 1): the size of collective operators in this space. */
  readonly dimension: number;
  /**
   * First entry of block b in the state vector (length blocks + 1; the last is `size`). Block b is
   * stored row-major: ρ_j(m, m′) at vecOffset[b] + (m + j)·(2j + 1) + (m′ + j).
   */
  readonly vecOffset: Int32Array;
  /** Number of complex entries of a state, Σ_j (2j + 1)² (~N³/6): polynomial, not 4^N. */
  readonly size: number;
}

/**
 * The permutation-invariant space of N spins-1/2 (Chase & Geremia 2008; Shammah et al. 2018,
 * QuTiP's piqs): blocks j = N/2 … (0 or ½), each a (2j+1)×(2j+1) matrix.
 *
 * @param n - number of spins N, an integer ≥ 1
 * @example
 * const s = dickeSpace(4);
 * [s.blocks, s.dimension, s.size]; // [3, 9, 35] — j = 2, 1, 0: 5 + 3 + 1 states, 25 + 9 + 1 entries
 */
export function dickeSpace(n: number): DickeSpace {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1 || n > 1_000_000) {
    throw new Error(`dickeSpace: argument 'n' must be an integer number of spins in 1…1000000, got ${String(n)}`);
  }
  const blocks = Math.floor(n / 2) + 1;
  const j = new Float64Array(blocks);
  const stateOffset = new Int32Array(blocks + 1);
  const vecOffset = new Int32Array(blocks + 1);
  let states = 0;
  let entries = 0;
  for (let b = 0; b < blocks; b++) {
    j[b] = n / 2 - b;
    const d = n + 1 - 2 * b; // 2j + 1
    stateOffset[b] = states;
    vecOffset[b] = entries;
    states += d;
    entries += d * d;
    if (entries > 2 ** 31 - 1) {
      throw new Error(`dickeSpace: N = ${n} spins need ${entries}+ entries per state, beyond 2^31; use fewer spins`);
    }
  }
  stateOffset[blocks] = states;
  vecOffset[blocks] = entries;
  return Object.freeze({ kind: 'dicke', n, blocks, j, stateOffset, dimension: states, vecOffset, size: entries });
}
