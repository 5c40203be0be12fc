/**
 * Bytes one complex CSR matrix–vector product y = A·x must move at least: every stored entry
 * once (16 B complex value + 4 B Int32 column index), the row pointers (4 B each), x read once
 * and y written once (16 B per complex entry). Caches can only do better on x; the nonzeros
 * are streamed, so this is the product's memory-traffic floor.
 *
 * @param nnz - stored entries of A
 * @param rows - rows of A (= length of x and y for a square A)
 * @example
 * csrTrafficBytes(40064, 4096); // 948_740 — 40064·20 + 4097·4 + 4096·32
 */
export function csrTrafficBytes(nnz: number, rows: number): number {
  if (!(Number.isInteger(nnz) && nnz >= 0)) throw new Error(`csrTrafficBytes: argument 'nnz' must be an integer ≥ 0, got ${nnz}`);
  if (!(Number.isInteger(rows) && rows >= 1)) throw new Error(`csrTrafficBytes: argument 'rows' must be an integer ≥ 1, got ${rows}`);
  return nnz * 20 + (rows + 1) * 4 + rows * 32;
}

/** Byte counts of one stencil right-hand side; see {@link stencilTrafficBytes}. */
export interface StencilTraffic {
  /**
   * Bytes that must cross the memory interface: ρ read once, `out` written once, the Hermitian
   * mirror (read the upper triangle, write the lower) and every term's two coefficient vectors.
   * Reached when a row of `out` and the few shifted rows of ρ stay in cache while all terms
   * are applied to it (qsync's kernel works row by row for this reason).
   */
  readonly memory: number;
  /**
   * Bytes the loops load and store: per term and computed entry, read ρ (16 B) and read and
   * write `out` (32 B), plus zeroing `out` and the mirror. What a pass-by-pass kernel would
   * stream from memory, and what the row-by-row kernel moves through L1.
   */
  readonly passes: number;
}

/**
 * Bytes qsync's matrix-free stencil right-hand side (`compileLindbladRhs`) moves per evaluation
 * on an n×n density matrix with `terms` stencil terms. Entries per term: the upper triangle
 * n(n+1)/2 when the generator preserves Hermiticity (then the lower one is mirrored), else n².
 * Upper estimates: terms whose shift or zero coefficients cut their range move less.
 *
 * @param n - Hilbert-space dimension (ρ is n×n)
 * @param terms - stencil terms, `LindbladRhs.terms`
 * @param hermitian - `LindbladRhs.hermitian`
 * @example
 * stencilTrafficBytes(64, 13, true); // { memory: 222_208, passes: 1_427_968 }
 * // memory: 16·4096·2 + 2016·32 + 13·2·16·64; passes: 16·4096 + 13·2080·48 + 2016·32
 */
export function stencilTrafficBytes(n: number, terms: number, hermitian: boolean): StencilTraffic {
  if (!(Number.isInteger(n) && n >= 1)) throw new Error(`stencilTrafficBytes: argument 'n' must be an integer ≥ 1, got ${n}`);
  if (!(Number.isInteger(terms) && terms >= 0)) {
    throw new Error(`stencilTrafficBytes: argument 'terms' must be an integer ≥ 0, got ${terms}`);
  }
  const entries = hermitian ? (n * (n + 1)) / 2 : n * n;
  const mirror = hermitian ? ((n * (n - 1)) / 2) * 32 : 0;
  return {
    memory: 32 * n * n + mirror + terms * 32 * n,
    passes: 16 * n * n + terms * entries * 48 + mirror,
  };
}
