import { connectedComponents, type CsrMatrix } from '@qsync/linalg';

/**
 * The blocks into which a Liouvillian's sparsity graph falls apart. A symmetry of the master
 * equation (for the thesis's U(1)-symmetric oscillators and spins: the difference of excitation
 * numbers between ket and bra) makes L block diagonal in the vectorised ρ; each block evolves on
 * its own, and the steady state lives in the block of the populations.
 */
export interface LiouvillianBlocks {
  /** Block label of each vec index k = i·n + j (row-major ρ). */
  readonly labels: Int32Array;
  readonly count: number;
}

/** Connected components of L (see {@link LiouvillianBlocks}). */
export function liouvillianBlocks(L: CsrMatrix): LiouvillianBlocks {
  const { labels, count } = connectedComponents(L);
  return { labels, count };
}

/** Sorted vec indices of all blocks whose label is in `wanted`. */
export function blockIndices(blocks: LiouvillianBlocks, wanted: ReadonlySet<number>): Int32Array {
  let size = 0;
  for (let k = 0; k < blocks.labels.length; k++) if (wanted.has(blocks.labels[k])) size++;
  const idx = new Int32Array(size);
  let q = 0;
  for (let k = 0; k < blocks.labels.length; k++) if (wanted.has(blocks.labels[k])) idx[q++] = k;
  return idx;
}

/**
 * The square submatrix L[idx, idx] for increasing `idx` that is a union of blocks (so no
 * entry of those rows points outside it).
 */
export function blockSubmatrix(L: CsrMatrix, idx: Int32Array): CsrMatrix {
  const where = new Int32Array(L.rows).fill(-1);
  for (let k = 0; k < idx.length; k++) where[idx[k]] = k;
  const rowPtr = new Int32Array(idx.length + 1);
  for (let k = 0; k < idx.length; k++) rowPtr[k + 1] = rowPtr[k] + L.rowPtr[idx[k] + 1] - L.rowPtr[idx[k]];
  const nnz = rowPtr[idx.length];
  const colIdx = new Int32Array(nnz);
  const data = new Float64Array(2 * nnz);
  for (let k = 0; k < idx.length; k++) {
    let q = rowPtr[k];
    for (let p = L.rowPtr[idx[k]]; p < L.rowPtr[idx[k] + 1]; p++, q++) {
      const c = where[L.colIdx[p]];
      if (c < 0) throw new Error('blockSubmatrix: the index set is not closed under L (not a union of blocks)');
      colIdx[q] = c;
      data[2 * q] = L.data[2 * p];
      data[2 * q + 1] = L.data[2 * p + 1];
    }
  }
  // Columns stay sorted: idx is increasing, so `where` is monotone on it.
  return { rows: idx.length, cols: idx.length, rowPtr, colIdx, data };
}
