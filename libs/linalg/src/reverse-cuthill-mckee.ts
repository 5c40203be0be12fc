import { assertSquareCsr, checkedInversePermutation } from './solver-asserts';
import type { CsrMatrix } from './types';

/**
 * Adjacency (CSR pattern, no diagonal, no duplicates) of the symmetrized graph of A
 * restricted to the vertices with inv[v] ≥ 0, renumbered by inv.
 */
function localAdjacency(
  a: CsrMatrix,
  vertices: Int32Array,
  inv: Int32Array,
): { ptr: Int32Array; adj: Int32Array } {
  const n = a.rows;
  const m = vertices.length;
  // transpose pattern of A (sorted rows by construction)
  const tPtr = new Int32Array(n + 1);
  const nnz = a.rowPtr[n];
  for (let p = 0; p < nnz; p++) tPtr[a.colIdx[p] + 1]++;
  for (let i = 0; i < n; i++) tPtr[i + 1] += tPtr[i];
  const tIdx = new Int32Array(nnz);
  const fill = tPtr.slice(0, n);
  for (let i = 0; i < n; i++) {
    for (let p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) tIdx[fill[a.colIdx[p]]++] = i;
  }
  const ptr = new Int32Array(m + 1);
  const buf = new Int32Array(2 * nnz);
  let len = 0;
  for (let k = 0; k < m; k++) {
    const v = vertices[k];
    // merge row v of A and row v of Aᵀ (both sorted by original index)
    let p = a.rowPtr[v];
    const pe = a.rowPtr[v + 1];
    let q = tPtr[v];
    const qe = tPtr[v + 1];
    let last = -1;
    while (p < pe || q < qe) {
      let u: number;
      if (q >= qe || (p < pe && a.colIdx[p] <= tIdx[q])) u = a.colIdx[p++];
      else u = tIdx[q++];
      if (u === last || u === v) continue;
      last = u;
      const lu = inv[u];
      if (lu >= 0) buf[len++] = lu;
    }
    ptr[k + 1] = len;
  }
  return { ptr, adj: buf.slice(0, len) };
}

// results of the last bfs() call besides its return value
let lastLevelStart = 0;
let eccentricity = 0;
/**
 * Breadth-first level structure from `root`, writing the visit order into `order` from
 * position `at` and levels into `level` (must be −1 on the component). Returns the number of
 * vertices reached; sets lastLevelStart (start of the deepest level in `order`) and
 * eccentricity (its level).
 */
function bfs(
  root: number,
  ptr: Int32Array,
  adj: Int32Array,
  level: Int32Array,
  order: Int32Array,
  at: number,
): number {
  level[root] = 0;
  order[at] = root;
  let head = at;
  let tail = at + 1;
  lastLevelStart = at;
  eccentricity = 0;
  while (head < tail) {
    const v = order[head++];
    const lv = level[v];
    for (let p = ptr[v]; p < ptr[v + 1]; p++) {
      const u = adj[p];
      if (level[u] >= 0) continue;
      level[u] = lv + 1;
      if (lv + 1 > eccentricity) {
        eccentricity = lv + 1;
        lastLevelStart = tail;
      }
      order[tail++] = u;
    }
  }
  return tail - at;
}

/**
 * Reverse Cuthill–McKee ordering of the symmetrized pattern of a square sparse matrix (or of
 * its principal submatrix on `subset`), which keeps the nonzeros near the diagonal so that a
 * banded solver ({@link bandLuFactor}) can work on a narrow band. Each connected component is
 * started at a pseudo-peripheral vertex (George–Liu: repeat a breadth-first search from a
 * minimum-degree vertex of the last level while the eccentricity grows); neighbours are
 * visited in order of increasing degree; the concatenated order is reversed at the end.
 *
 * @param a square CSR matrix (values ignored; pattern of A + Aᵀ is used)
 * @param subset optional distinct vertex indices to order (edges leaving the subset are
 *   ignored), e.g. one block found by {@link connectedComponents}; default all vertices
 * @returns perm, new → old: position k of the new ordering holds original vertex perm[k]
 *   (length n, or subset.length)
 * @example
 * // path 0 — 2 — 1 stored as entries (0, 2), (2, 1): ends of the path go first and last
 * reverseCuthillMcKee({
 *   rows: 3, cols: 3, rowPtr: Int32Array.of(0, 1, 1, 2),
 *   colIdx: Int32Array.of(2, 1), data: new Float64Array(4),
 * }); // Int32Array [1, 2, 0]
 */
export function reverseCuthillMcKee(a: CsrMatrix, subset?: Int32Array): Int32Array {
  assertSquareCsr('reverseCuthillMcKee', 'a', a);
  const n = a.rows;
  let vertices: Int32Array;
  let inv: Int32Array;
  if (subset === undefined) {
    vertices = new Int32Array(n);
    inv = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      vertices[i] = i;
      inv[i] = i;
    }
  } else {
    inv = checkedInversePermutation('reverseCuthillMcKee', 'subset', subset, n, false);
    vertices = subset;
  }
  const m = vertices.length;
  const { ptr, adj } = localAdjacency(a, vertices, inv);
  const degree = new Int32Array(m);
  for (let k = 0; k < m; k++) degree[k] = ptr[k + 1] - ptr[k];

  const level = new Int32Array(m).fill(-1);
  const scratch = new Int32Array(m);
  const done = new Uint8Array(m);
  const order = new Int32Array(m);
  let placed = 0;
  for (let seed = 0; seed < m; seed++) {
    if (done[seed]) continue;
    // component of seed; its minimum-degree vertex starts the search
    const size = bfs(seed, ptr, adj, level, scratch, 0);
    let root = seed;
    for (let t = 0; t < size; t++) {
      const v = scratch[t];
      if (degree[v] < degree[root] || (degree[v] === degree[root] && v < root)) root = v;
    }
    for (let t = 0; t < size; t++) level[scratch[t]] = -1;
    // George–Liu pseudo-peripheral vertex
    bfs(root, ptr, adj, level, scratch, 0);
    let ecc = eccentricity;
    for (;;) {
      let cand = scratch[lastLevelStart];
      for (let t = lastLevelStart; t < size; t++) {
        const v = scratch[t];
        if (degree[v] < degree[cand]) cand = v;
      }
      for (let t = 0; t < size; t++) level[scratch[t]] = -1;
      bfs(cand, ptr, adj, level, scratch, 0);
      if (eccentricity > ecc) {
        ecc = eccentricity;
        root = cand;
        continue;
      }
      for (let t = 0; t < size; t++) level[scratch[t]] = -1;
      break;
    }
    // Cuthill–McKee from root: level[] now marks "queued"
    let head = placed;
    order[placed++] = root;
    level[root] = 0;
    while (head < placed) {
      const v = order[head++];
      const first = placed;
      for (let p = ptr[v]; p < ptr[v + 1]; p++) {
        const u = adj[p];
        if (level[u] >= 0) continue;
        level[u] = 0;
        // insertion by (degree, index) among this vertex's new neighbours
        let t = placed++;
        while (
          t > first &&
          (degree[order[t - 1]] > degree[u] ||
            (degree[order[t - 1]] === degree[u] && order[t - 1] > u))
        ) {
          order[t] = order[t - 1];
          t--;
        }
        order[t] = u;
      }
    }
    for (let t = 0; t < size; t++) done[scratch[t]] = 1;
  }
  const perm = new Int32Array(m);
  for (let k = 0; k < m; k++) perm[k] = vertices[order[m - 1 - k]];
  return perm;
}
