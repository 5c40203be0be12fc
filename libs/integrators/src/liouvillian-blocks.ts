import type { CsrMatrix } from '@qsync/linalg';
import { stencilCoefficient, type LindbladStencil } from './lindblad-rhs';

/**
 * Blocks of a Liouvillian, read off its stencil form without assembling the n²×n²
 * superoperator. A symmetry of the master equation (for the thesis's U(1)-symmetric oscillators
 * and spins: the difference of excitation numbers between ket and bra) makes L block diagonal
 * in the vectorised ρ (vec index k = i·n + j); each block evolves on its own, and the steady
 * state lives in the block of the populations.
 */

/**
 * The union of the blocks of L that contain the given vec indices: a breadth-first search over
 * the couplings of L in both directions (ρ̇_ij reads ρ_{i+s, j+t}, and is read by ρ̇_{i−s, j−t}).
 * Returns the indices sorted.
 */
export function blocksContaining(stencil: LindbladStencil, seeds: ArrayLike<number>): Int32Array {
  const { n, terms } = stencil;
  const seen = new Uint8Array(n * n);
  const queue = new Int32Array(n * n);
  let head = 0;
  let tail = 0;
  const visit = (k: number) => {
    if (seen[k] === 0) {
      seen[k] = 1;
      queue[tail++] = k;
    }
  };
  for (let q = 0; q < seeds.length; q++) visit(seeds[q]);
  const c = new Float64Array(2);
  while (head < tail) {
    const k = queue[head++];
    const i = Math.floor(k / n);
    const j = k - i * n;
    for (const term of terms) {
      if (stencilCoefficient(term, i, j, c)) visit((i + term.s) * n + j + term.t);
      const i2 = i - term.s;
      const j2 = j - term.t;
      if (i2 >= 0 && i2 < n && j2 >= 0 && j2 < n && stencilCoefficient(term, i2, j2, c)) visit(i2 * n + j2);
    }
  }
  const idx = queue.slice(0, tail);
  idx.sort();
  return idx;
}

/**
 * The block L[idx, idx] as a CSR matrix, for a sorted index set closed under L (a union of
 * blocks, as {@link blocksContaining} returns). Terms that meet at the same entry are summed.
 */
export function blockMatrix(stencil: LindbladStencil, idx: Int32Array): CsrMatrix {
  const { n, terms } = stencil;
  const where = new Int32Array(n * n).fill(-1);
  for (let k = 0; k < idx.length; k++) where[idx[k]] = k;
  const rowPtr = new Int32Array(idx.length + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  const rowCols = new Int32Array(terms.length);
  const rowVals = new Float64Array(2 * terms.length);
  const c = new Float64Array(2);
  for (let r = 0; r < idx.length; r++) {
    const i = Math.floor(idx[r] / n);
    const j = idx[r] - i * n;
    let count = 0;
    for (const term of terms) {
      if (!stencilCoefficient(term, i, j, c)) continue;
      const col = where[(i + term.s) * n + j + term.t];
      if (col < 0) throw new Error('blockMatrix: the index set is not closed under L (not a union of blocks)');
      // Insertion into the row's sorted column list, summing repeated columns.
      let p = 0;
      while (p < count && rowCols[p] < col) p++;
      if (p < count && rowCols[p] === col) {
        rowVals[2 * p] += c[0];
        rowVals[2 * p + 1] += c[1];
        continue;
      }
      for (let q = count; q > p; q--) {
        rowCols[q] = rowCols[q - 1];
        rowVals[2 * q] = rowVals[2 * q - 2];
        rowVals[2 * q + 1] = rowVals[2 * q - 1];
      }
      rowCols[p] = col;
      rowVals[2 * p] = c[0];
      rowVals[2 * p + 1] = c[1];
      count++;
    }
    for (let p = 0; p < count; p++) {
      if (rowVals[2 * p] === 0 && rowVals[2 * p + 1] === 0) continue;
      cols.push(rowCols[p]);
      vals.push(rowVals[2 * p], rowVals[2 * p + 1]);
    }
    rowPtr[r + 1] = cols.length;
  }
  return { rows: idx.length, cols: idx.length, rowPtr, colIdx: Int32Array.from(cols), data: Float64Array.from(vals) };
}
