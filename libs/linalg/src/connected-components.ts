import { assertSquareCsr } from './solver-asserts';
import type { CsrMatrix } from './types';

/**
 * Connected components of the graph of a square sparse matrix, with an (undirected) edge
 * i — j for every stored entry (i, j), i ≠ j, whatever its value: the components of the
 * symmetrized pattern A + Aᵀ. For a Liouvillian these are the blocks it decouples into
 * (for example the coherence sectors of a U(1)-symmetric model), each of which can be
 * handled on its own. Union–find with path halving and union by size: O(nnz·α(n)).
 *
 * @param a square CSR matrix (values ignored)
 * @returns `count` components; `labels[i]` ∈ [0, count) is the component of vertex i, numbered
 *   in order of each component's smallest vertex
 * @example
 * // pattern {(0, 2), (3, 1)} on 4 vertices: {0, 2}, {1, 3}
 * connectedComponents({
 *   rows: 4, cols: 4, rowPtr: Int32Array.of(0, 1, 1, 1, 2),
 *   colIdx: Int32Array.of(2, 1), data: new Float64Array(4),
 * }); // { count: 2, labels: Int32Array [0, 1, 0, 1] }
 */
export function connectedComponents(a: CsrMatrix): { count: number; labels: Int32Array } {
  assertSquareCsr('connectedComponents', 'a', a);
  const n = a.rows;
  const parent = new Int32Array(n);
  const size = new Int32Array(n).fill(1);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (let i = 0; i < n; i++) {
    for (let p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) {
      let ri = find(i);
      let rj = find(a.colIdx[p]);
      if (ri === rj) continue;
      if (size[ri] < size[rj]) {
        const t = ri;
        ri = rj;
        rj = t;
      }
      parent[rj] = ri;
      size[ri] += size[rj];
    }
  }
  const labels = new Int32Array(n);
  const rootLabel = new Int32Array(n).fill(-1);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const r = find(i);
    if (rootLabel[r] < 0) rootLabel[r] = count++;
    labels[i] = rootLabel[r];
  }
  return { count, labels };
}
