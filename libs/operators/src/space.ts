/**
 * Hilbert spaces: a Space records the dimension of each tensor factor and what kind of
 * system it is, so that operator and state constructors can check they are used on the
 * right system (a, a† only on Fock spaces, σ± only on spin-1/2, …).
 */

/** What kind of system a Space describes; 'tensor' for a product of subsystems. */
export type SpaceKind = 'fock' | 'spin-1/2' | 'spin-1' | 'levels' | 'tensor';

/**
 * A finite Hilbert space. Basis states are numbered 0…size−1; for a tensor space the
 * basis index of |n_1, …, n_k⟩ is n_1·(d_2⋯d_k) + … + n_k (first factor most significant,
 * the ordering of kron and QuTiP).
 */
export interface Space {
  /** Dimension of each tensor factor (one entry for an elementary space). */
  readonly dims: readonly number[];
  /** Total dimension, the product of `dims`. */
  readonly size: number;
  /** Kind of system. */
  readonly kind: SpaceKind;
  /** The elementary factors of a tensor space, in order; empty for an elementary space. */
  readonly factors: readonly Space[];
}

function elementary(kind: SpaceKind, n: number): Space {
  return Object.freeze({ dims: Object.freeze([n]), size: n, kind, factors: Object.freeze([]) });
}

/**
 * The Fock space of a bosonic mode truncated to the levels |0⟩…|cutoff−1⟩.
 *
 * @param cutoff - number of Fock levels N, an integer ≥ 2
 * @example
 * fockSpace(10).dims; // [10]
 */
export function fockSpace(cutoff: number): Space {
  if (typeof cutoff !== 'number' || !Number.isSafeInteger(cutoff) || cutoff < 2) {
    throw new Error(`fockSpace: argument 'cutoff' must be an integer ≥ 2 (Fock levels |0⟩…|cutoff−1⟩), got ${String(cutoff)}`);
  }
  return elementary('fock', cutoff);
}

/**
 * The space of a spin-1/2 with levels |0⟩ (σz = −1) and |1⟩ (σz = +1), thesis Eq. (4.24).
 *
 * @example
 * spinHalfSpace().size; // 2
 */
export function spinHalfSpace(): Space {
  return elementary('spin-1/2', 2);
}

/**
 * The space of a spin-1 with levels |0⟩, |1⟩, |2⟩ (Sz = −1, 0, +1), thesis Ch. 5 near Eq. (5.1).
 *
 * @example
 * spinOneSpace().size; // 3
 */
export function spinOneSpace(): Space {
  return elementary('spin-1', 3);
}

/**
 * The space of a generic n-level system with levels |0⟩…|n−1⟩ (operators: `transition`).
 *
 * @param n - number of levels, an integer ≥ 1
 * @example
 * levelSpace(4).dims; // [4]
 */
export function levelSpace(n: number): Space {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1) {
    throw new Error(`levelSpace: argument 'n' must be an integer ≥ 1, got ${String(n)}`);
  }
  return elementary('levels', n);
}

/**
 * The tensor product of spaces, thesis Eqs. (4.17), (4.25). Nested tensor spaces are
 * flattened (the product is associative), so `factors` are always elementary and factor
 * k has dimension `dims[k]`; the first factor is the most significant basis index.
 *
 * @param spaces - one or more spaces
 * @example
 * const s = tensorSpace(fockSpace(3), spinHalfSpace());
 * s.dims; // [3, 2]
 * s.size; // 6
 */
export function tensorSpace(...spaces: Space[]): Space {
  if (spaces.length < 1) {
    throw new Error(`tensorSpace: argument 'spaces' must hold at least one Space, got none`);
  }
  const factors: Space[] = [];
  spaces.forEach((s, k) => {
    if (s == null || !Array.isArray(s.dims) || !Array.isArray(s.factors) || typeof s.kind !== 'string') {
      throw new Error(`tensorSpace: argument 'spaces[${k}]' must be a Space, got ${String(s)}`);
    }
    if (s.kind === 'tensor') factors.push(...s.factors);
    else factors.push(s);
  });
  const dims = factors.map((f) => f.size);
  const size = dims.reduce((p, d) => p * d, 1);
  return Object.freeze({ dims: Object.freeze(dims), size, kind: 'tensor', factors: Object.freeze(factors) });
}
