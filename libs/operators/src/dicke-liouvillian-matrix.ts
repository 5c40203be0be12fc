import { csrTranspose } from '@qsync/linalg';
import type { CsrMatrix } from '@qsync/linalg';
import type { DickeLindbladian } from './dicke-lindbladian';
import { localSandwichCoefficient, localShift, type LocalJump } from './dicke-local-coefficients';

/** Options of {@link dickeLiouvillianMatrix}. */
export interface DickeLiouvillianMatrixConfig {
  /**
   * Only the entries ρ_j(m, m′) with m − m′ = difference (a U(1) sector; 0: the populations),
   * for a generator with `u1Symmetric`. Default: all entries.
   */
  difference?: number;
}

/** A block of the permutation-invariant Liouvillian and where its rows sit in a `DickeState`. */
export interface DickeLiouvillianBlock {
  /** L restricted to the selected entries (square, complex CSR, columns sorted). */
  readonly matrix: CsrMatrix;
  /** State-vector index (`DickeSpace.vecOffset` layout) of each row/column, ascending. */
  readonly indices: Int32Array;
  /** Positions (into `indices`) of the populations ρ_j(m, m), ascending. */
  readonly populations: Int32Array;
}

/**
 * The permutation-invariant Liouvillian as a sparse matrix acting on the block entries of a
 * `DickeState` (ρ̇ = L·ρ), or on one U(1) sector of them. Each row ρ̇_j(m, m′) has the collective
 * terms within block j and the local sandwiches from blocks j − 1, j, j + 1 (see
 * `dickeLindbladian`); about 10 entries per row, built straight from the coefficients, never
 * from the 4^N tensor-product Liouvillian. The population sector of N spins has Σ_j (2j+1)
 * ≈ N²/4 rows (10 201 at N = 200), the whole generator Σ_j (2j+1)² ≈ N³/6.
 *
 * @param l - the generator (`dickeLindbladian`)
 * @param config - `difference`: restrict to the sector m − m′ = difference (needs `l.u1Symmetric`)
 * @example
 * // one spin decaying at rate 1: the population sector is [[ṗ↓], [ṗ↑]] = [[0, 1], [0, −1]]·[p↓, p↑]
 * const s = dickeSpace(1);
 * const { matrix } = dickeLiouvillianMatrix(dickeLindbladian(s, null, [], { loss: 1 }), { difference: 0 });
 * csrToDense(matrix); // denseFromArrays([[0, 1], [0, -1]])
 */
export function dickeLiouvillianMatrix(l: DickeLindbladian, config: DickeLiouvillianMatrixConfig = {}): DickeLiouvillianBlock {
  const fn = 'dickeLiouvillianMatrix';
  if (l == null || l.space == null || l.left == null || typeof l.u1Symmetric !== 'boolean') {
    throw new Error(`${fn}: argument 'l' must be a DickeLindbladian (from dickeLindbladian), got ${String(l)}`);
  }
  const { space } = l;
  const q = config.difference;
  if (q !== undefined) {
    if (!Number.isSafeInteger(q) || Math.abs(q) > space.n) {
      throw new Error(`${fn}: option 'difference' must be an integer m − m′ in −${space.n}…${space.n}, got ${String(q)}`);
    }
    if (!l.u1Symmetric) {
      throw new Error(
        `${fn}: option 'difference' needs a U(1)-symmetric generator (m − m′ conserved), but this one mixes sectors ` +
          '(a Hamiltonian or jump with Sx, Sy or several ladder steps); omit it for the whole Liouvillian',
      );
    }
  }
  // Selected entries, in state-vector order.
  const idx: number[] = [];
  const pops: number[] = [];
  for (let b = 0; b < space.blocks; b++) {
    const d = 2 * space.j[b] + 1;
    for (let k = 0; k < d; k++) {
      const from = q === undefined ? 0 : k - q;
      const to = q === undefined ? d : k - q + 1;
      for (let kp = Math.max(0, from); kp < Math.min(d, to); kp++) {
        if (k === kp) pops.push(idx.length);
        idx.push(space.vecOffset[b] + k * d + kp);
      }
    }
  }
  const indices = Int32Array.from(idx);
  const where = new Int32Array(space.size).fill(-1);
  for (let r = 0; r < indices.length; r++) where[indices[r]] = r;

  const { left, sandwiches } = l;
  const rightT = csrTranspose(l.right);
  const sw = sandwiches.filter((s) => s.rate !== 0).map((s) => ({ rate: s.rate, a: s.left, bT: csrTranspose(s.right) }));
  const local: [LocalJump, number][] = (
    [
      ['loss', l.local.loss],
      ['gain', l.local.gain],
      ['dephasing', l.local.dephasing],
    ] as [LocalJump, number][]
  ).filter(([, r]) => r !== 0);

  const rowPtr = new Int32Array(indices.length + 1);
  let cols = new Int32Array(Math.max(16, indices.length * 12));
  let vals = new Float64Array(2 * cols.length);
  // Row accumulator: columns seen in this row and their summed values.
  let rc = new Int32Array(64);
  let rv = new Float64Array(128);
  let count = 0;
  const add = (vec: number, re: number, im: number) => {
    const c = where[vec];
    if (c < 0) {
      throw new Error(`${fn}: internal error: the selected sector is not closed under L (entry ${vec})`);
    }
    for (let p = 0; p < count; p++) {
      if (rc[p] === c) {
        rv[2 * p] += re;
        rv[2 * p + 1] += im;
        return;
      }
    }
    if (count === rc.length) {
      rc = growInt(rc, 2 * count);
      rv = growFloat(rv, 4 * count);
    }
    rc[count] = c;
    rv[2 * count] = re;
    rv[2 * count + 1] = im;
    count++;
  };
  let nnz = 0;
  // positions of the row's nonzero entries, sorted by column (insertion sort: rows hold ~10 entries)
  let order = new Int32Array(64);
  let b = 0;
  for (let r = 0; r < indices.length; r++) {
    const vec = indices[r];
    while (space.vecOffset[b + 1] <= vec) b++; // indices ascend, so b only moves forward
    const j = space.j[b];
    const d = 2 * j + 1;
    const k = Math.floor((vec - space.vecOffset[b]) / d);
    const kp = vec - space.vecOffset[b] - k * d;
    const s0 = space.stateOffset[b];
    const o = space.vecOffset[b];
    count = 0;
    // left·ρ: Σ_l left[k, l] ρ(l, k′)
    for (let p = left.rowPtr[s0 + k]; p < left.rowPtr[s0 + k + 1]; p++) {
      add(o + (left.colIdx[p] - s0) * d + kp, left.data[2 * p], left.data[2 * p + 1]);
    }
    // ρ·right: Σ_l ρ(k, l) right[l, k′] = Σ_l ρ(k, l) rightᵀ[k′, l]
    for (let p = rightT.rowPtr[s0 + kp]; p < rightT.rowPtr[s0 + kp + 1]; p++) {
      add(o + k * d + (rightT.colIdx[p] - s0), rightT.data[2 * p], rightT.data[2 * p + 1]);
    }
    // r·A ρ B: Σ_{l, l′} A[k, l] ρ(l, l′) Bᵀ[k′, l′]
    for (const { rate, a, bT } of sw) {
      for (let p = a.rowPtr[s0 + k]; p < a.rowPtr[s0 + k + 1]; p++) {
        const ar = rate * a.data[2 * p];
        const ai = rate * a.data[2 * p + 1];
        const l1 = a.colIdx[p] - s0;
        for (let p2 = bT.rowPtr[s0 + kp]; p2 < bT.rowPtr[s0 + kp + 1]; p2++) {
          const br = bT.data[2 * p2];
          const bi = bT.data[2 * p2 + 1];
          add(o + l1 * d + (bT.colIdx[p2] - s0), ar * br - ai * bi, ar * bi + ai * br);
        }
      }
    }
    // local sandwiches Σ_i A_i ρ A_i† from blocks J = j − 1, j, j + 1
    const m = k - j;
    const mp = kp - j;
    for (const [kind, rate] of local) {
      const delta = localShift(kind);
      for (let dJ = -1; dJ <= 1; dJ++) {
        const J = j + dJ;
        if (J < 0 || J > space.n / 2) continue;
        const c = localSandwichCoefficient(kind, space.n, j, m, mp, J);
        if (c === 0) continue;
        const bJ = b - dJ;
        const dd = 2 * J + 1;
        add(space.vecOffset[bJ] + (m + delta + J) * dd + (mp + delta + J), rate * c, 0);
      }
    }
    // sort the row by column, drop exact zeros, append
    if (order.length < count) order = new Int32Array(rc.length);
    let kept = 0;
    for (let p = 0; p < count; p++) {
      if (rv[2 * p] === 0 && rv[2 * p + 1] === 0) continue;
      let i = kept++;
      while (i > 0 && rc[order[i - 1]] > rc[p]) {
        order[i] = order[i - 1];
        i--;
      }
      order[i] = p;
    }
    if (nnz + kept > cols.length) {
      cols = growInt(cols, 2 * (nnz + kept));
      vals = growFloat(vals, 4 * (nnz + kept));
    }
    for (let i = 0; i < kept; i++) {
      const p = order[i];
      cols[nnz] = rc[p];
      vals[2 * nnz] = rv[2 * p];
      vals[2 * nnz + 1] = rv[2 * p + 1];
      nnz++;
    }
    rowPtr[r + 1] = nnz;
  }
  return {
    matrix: { rows: indices.length, cols: indices.length, rowPtr, colIdx: cols.slice(0, nnz), data: vals.slice(0, 2 * nnz) },
    indices,
    populations: Int32Array.from(pops),
  };
}

function growInt(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

function growFloat(a: Float64Array, size: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(size);
  b.set(a);
  return b;
}
