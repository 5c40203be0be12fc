import { connectedComponents, type CsrMatrix } from '@qsync/linalg';

/** The part of a Liouvillian that the benchmark's observables need; see {@link populationBlock}. */
export interface PopulationBlock {
  /** Increasing vec indices k = i·n + j (row-major ρ) of the block. */
  readonly indices: Int32Array;
  /** L restricted to those indices (a closed, independent block of L). */
  readonly matrix: CsrMatrix;
}

/**
 * The union of the connected blocks of the Liouvillian L (n²×n², row-major vec) that hold the
 * populations ρ_ii and the entries ρ_ji an observable O reads (Tr[Oρ] = Σ O_ij ρ_ji). A U(1)
 * symmetry makes L block diagonal, one block per difference of bra and ket excitation
 * numbers; ρ restricted to these blocks evolves on its own, exactly. The benchmark uses it to
 * count the steps and RHS evaluations of a symmetry-reduced integration.
 *
 * @param L - the Liouvillian matrix (`liouvillianMatrix` of `@qsync/operators`)
 * @param n - Hilbert dimension (L is n²×n²)
 * @param observables - operators (n×n CSR) whose expectation values must stay exact
 * @example
 * const pair = coupledVanDerPol({ cutoff: 12, ...BENCH_PARAMS });
 * populationBlock(liouvillianMatrix(pair.lindbladian), 144, [pair.operators.adagb.matrix]).indices.length; // 1156
 */
export function populationBlock(L: CsrMatrix, n: number, observables: readonly CsrMatrix[] = []): PopulationBlock {
  if (!(Number.isInteger(n) && n >= 1 && L.rows === n * n && L.cols === n * n)) {
    throw new Error(`populationBlock: argument 'L' must be n²×n² for n = ${n}, got ${L.rows}×${L.cols}`);
  }
  const { labels } = connectedComponents(L);
  const wanted = new Set<number>();
  for (let i = 0; i < n; i++) wanted.add(labels[i * n + i]);
  for (const o of observables) {
    if (o.rows !== n || o.cols !== n) throw new Error(`populationBlock: every observable must be ${n}×${n}, got ${o.rows}×${o.cols}`);
    for (let i = 0; i < n; i++) for (let p = o.rowPtr[i]; p < o.rowPtr[i + 1]; p++) wanted.add(labels[o.colIdx[p] * n + i]);
  }
  const list: number[] = [];
  for (let k = 0; k < labels.length; k++) if (wanted.has(labels[k])) list.push(k);
  const indices = Int32Array.from(list);
  const where = new Int32Array(L.rows).fill(-1);
  indices.forEach((k, q) => (where[k] = q));
  const rowPtr = new Int32Array(indices.length + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  indices.forEach((k, q) => {
    for (let p = L.rowPtr[k]; p < L.rowPtr[k + 1]; p++) {
      // A union of connected components is closed: every column maps inside (where ≥ 0).
      cols.push(where[L.colIdx[p]]);
      vals.push(L.data[2 * p], L.data[2 * p + 1]);
    }
    rowPtr[q + 1] = cols.length;
  });
  return {
    indices,
    matrix: { rows: indices.length, cols: indices.length, rowPtr, colIdx: Int32Array.from(cols), data: Float64Array.from(vals) },
  };
}
