import { steadyState } from '@qsync/integrators';
import {
  connectedComponents,
  csrDenseMatmulInto,
  type CsrMatrix,
  type DenseMatrix,
} from '@qsync/linalg';
import { liouvillianMatrix, type DensityMatrix, type Lindbladian, type Operator } from '@qsync/operators';

/**
 * What the quantum regression theorem needs of ⟨A(t+τ)B(t)⟩ in the steady state, restricted to
 * the blocks of L that X(0) = B ρ_ss lives in (internal to the library).
 *
 * ⟨A(t+τ)B(t)⟩ = Tr[A e^{Lτ}(B ρ_ss)] (Breuer & Petruccione, Eq. 3.313). A symmetry of the master
 * equation (the U(1) of the vdP and spin models: the difference of excitation numbers of ket and
 * bra) makes L block diagonal in vec(ρ), and e^{Lτ} keeps X(τ) in the blocks where X(0) is
 * nonzero: only those are evolved or solved. For B = a, σ− that is the block one excitation away
 * from the populations, a small fraction of the n² entries.
 */
export interface RegressionProblem {
  /** Hilbert-space dimension n. */
  readonly n: number;
  /** Row-major vec indices (i·n + j) of the entries kept, ascending. */
  readonly idx: Int32Array;
  /** L restricted to the kept entries, every diagonal entry stored (possibly 0). */
  readonly block: CsrMatrix;
  /** Position in `block.colIdx`/`block.data` of each row's diagonal entry. */
  readonly diagonal: Int32Array;
  /** X(0) on the kept entries: B ρ_ss, minus ⟨B⟩ρ_ss when the mean is subtracted (interleaved complex). */
  readonly x0: Float64Array;
  /** Tr[A X] = Σ_k w_k x_k on the kept entries: w at (i, j) is A_ji (interleaved complex). */
  readonly w: Float64Array;
  /** ρ_ss on the kept entries (interleaved complex); all zeros when the block has no population. */
  readonly rhoBlock: Float64Array;
  /** Positions (in the kept entries) of the populations ρ_ii; empty when the block holds none. */
  readonly populations: Int32Array;
  /** ⟨A⟩ and ⟨B⟩ in the steady state, [re, im]. */
  readonly meanA: readonly [number, number];
  readonly meanB: readonly [number, number];
  /** The steady state used. */
  readonly rho: DensityMatrix;
}

/** Options shared by the steady-state correlation and spectrum functions. */
export interface RegressionOptions {
  /**
   * The steady state ρ_ss of `l`, if already known (for example to compute S_A and S_B of one
   * model); default: `steadyState(l)` of @qsync/integrators.
   */
  rhoSS?: DensityMatrix;
}

/** Builds the {@link RegressionProblem}; validates the operators against `l`. */
export function regressionProblem(
  fn: string,
  l: Lindbladian,
  a: Operator,
  b: Operator,
  subtractMean: boolean,
  options: RegressionOptions,
): RegressionProblem {
  const n = checkRegressionArguments(fn, l, a, b, options);
  const rho = options.rhoSS ?? steadyState(l).rho;

  // X(0) = B ρ_ss as an n×n matrix; its row-major data is vec(X) in liouvillianMatrix's order.
  const x: DenseMatrix = { rows: n, cols: n, data: new Float64Array(2 * n * n) };
  csrDenseMatmulInto(x, b.matrix, rho.matrix);
  const meanA = traceProduct(a.matrix, rho.matrix.data, n);
  const meanB = traceProduct(b.matrix, rho.matrix.data, n);
  if (subtractMean) {
    for (let k = 0; k < n * n; k++) {
      const rr = rho.matrix.data[2 * k];
      const ri = rho.matrix.data[2 * k + 1];
      x.data[2 * k] -= meanB[0] * rr - meanB[1] * ri;
      x.data[2 * k + 1] -= meanB[0] * ri + meanB[1] * rr;
    }
  }

  // The blocks of L (connected components of its graph) that X(0) touches.
  const L = liouvillianMatrix(l);
  const { count, labels } = connectedComponents(L);
  const wanted = new Uint8Array(count);
  for (let k = 0; k < n * n; k++) if (x.data[2 * k] !== 0 || x.data[2 * k + 1] !== 0) wanted[labels[k]] = 1;
  let m = 0;
  for (let k = 0; k < n * n; k++) if (wanted[labels[k]] === 1) m++;
  const idx = new Int32Array(m);
  const where = new Int32Array(n * n).fill(-1);
  for (let k = 0, q = 0; k < n * n; k++) {
    if (wanted[labels[k]] === 1) {
      where[k] = q;
      idx[q++] = k;
    }
  }
  const { block, diagonal } = subMatrixWithDiagonal(L, idx, where);

  const x0 = new Float64Array(2 * m);
  const rhoBlock = new Float64Array(2 * m);
  const pops: number[] = [];
  for (let q = 0; q < m; q++) {
    const k = idx[q];
    x0[2 * q] = x.data[2 * k];
    x0[2 * q + 1] = x.data[2 * k + 1];
    if (Math.floor(k / n) === k % n) {
      pops.push(q);
      rhoBlock[2 * q] = rho.matrix.data[2 * k];
      rhoBlock[2 * q + 1] = rho.matrix.data[2 * k + 1];
    }
  }
  if (pops.length > 0) {
    // The block holds the populations, hence all of ρ_ss (its coherences included).
    for (let q = 0; q < m; q++) {
      rhoBlock[2 * q] = rho.matrix.data[2 * idx[q]];
      rhoBlock[2 * q + 1] = rho.matrix.data[2 * idx[q] + 1];
    }
  }
  // Tr[A X] = Σ_ij A_ji X_ij: the entry A[r][c] weighs X_cr.
  const w = new Float64Array(2 * m);
  const am = a.matrix;
  for (let r = 0; r < n; r++) {
    for (let p = am.rowPtr[r]; p < am.rowPtr[r + 1]; p++) {
      const q = where[am.colIdx[p] * n + r];
      if (q < 0) continue; // X vanishes there at every τ
      w[2 * q] += am.data[2 * p];
      w[2 * q + 1] += am.data[2 * p + 1];
    }
  }
  return {
    n,
    idx,
    block,
    diagonal,
    x0,
    w,
    rhoBlock,
    populations: Int32Array.from(pops),
    meanA,
    meanB,
    rho,
  };
}

/** Validates the Lindbladian, the two operators and a given steady state; returns n. */
export function checkRegressionArguments(
  fn: string,
  l: Lindbladian,
  a: Operator,
  b: Operator,
  options: RegressionOptions,
): number {
  if (l === null || typeof l !== 'object' || !l.left || !Array.isArray(l.sandwiches)) {
    throw new Error(`${fn}: argument 'l' must be a Lindbladian (from lindbladian() of @qsync/operators)`);
  }
  const n = l.left.rows;
  checkOperator(fn, 'a', a, l.dims, n);
  checkOperator(fn, 'b', b, l.dims, n);
  if (options.rhoSS !== undefined) {
    const m = options.rhoSS?.matrix;
    if (!m || m.rows !== n || m.cols !== n || !(m.data instanceof Float64Array) || m.data.length !== 2 * n * n) {
      throw new Error(`${fn}: option 'rhoSS' must be an ${n}×${n} density matrix of the space of 'l'`);
    }
  }
  return n;
}

function checkOperator(fn: string, name: string, op: Operator, dims: readonly number[], n: number): void {
  const m = op?.matrix;
  if (!m || m.rows !== n || m.cols !== n || !(m.rowPtr instanceof Int32Array)) {
    throw new Error(`${fn}: argument '${name}' must be an operator on the space of 'l' (${n}×${n}, dims [${dims.join(', ')}])`);
  }
  if (op.dims.length !== dims.length || op.dims.some((d, k) => d !== dims[k])) {
    throw new Error(`${fn}: argument '${name}' has dims [${op.dims.join(', ')}], 'l' has [${dims.join(', ')}]`);
  }
  for (let k = 0; k < 2 * m.rowPtr[m.rows]; k++) {
    if (!Number.isFinite(m.data[k])) throw new Error(`${fn}: argument '${name}' has a non-finite entry`);
  }
}

/** Tr[A ρ] for CSR A and dense row-major ρ. */
function traceProduct(a: CsrMatrix, rho: Float64Array, n: number): [number, number] {
  let re = 0;
  let im = 0;
  for (let r = 0; r < n; r++) {
    for (let p = a.rowPtr[r]; p < a.rowPtr[r + 1]; p++) {
      const c = a.colIdx[p];
      const ar = a.data[2 * p];
      const ai = a.data[2 * p + 1];
      const xr = rho[2 * (c * n + r)];
      const xi = rho[2 * (c * n + r) + 1];
      re += ar * xr - ai * xi;
      im += ar * xi + ai * xr;
    }
  }
  return [re, im];
}

/** L[idx, idx] with a stored diagonal in every row (a structural zero where L has none). */
function subMatrixWithDiagonal(
  L: CsrMatrix,
  idx: Int32Array,
  where: Int32Array,
): { block: CsrMatrix; diagonal: Int32Array } {
  const m = idx.length;
  let nnz = 0;
  for (let r = 0; r < m; r++) nnz += L.rowPtr[idx[r] + 1] - L.rowPtr[idx[r]] + 1;
  const rowPtr = new Int32Array(m + 1);
  const colIdx = new Int32Array(nnz);
  const data = new Float64Array(2 * nnz);
  const diagonal = new Int32Array(m);
  let p = 0;
  for (let r = 0; r < m; r++) {
    const i = idx[r];
    let placed = false;
    for (let s = L.rowPtr[i]; s < L.rowPtr[i + 1]; s++) {
      const c = where[L.colIdx[s]];
      if (c < 0) throw new Error('regressionProblem: the kept entries are not a union of blocks of L');
      if (!placed && c > r) {
        diagonal[r] = p;
        colIdx[p++] = r;
        placed = true;
      }
      if (c === r) {
        diagonal[r] = p;
        placed = true;
      }
      colIdx[p] = c;
      data[2 * p] = L.data[2 * s];
      data[2 * p + 1] = L.data[2 * s + 1];
      p++;
    }
    if (!placed) {
      diagonal[r] = p;
      colIdx[p++] = r;
    }
    rowPtr[r + 1] = p;
  }
  return {
    block: { rows: m, cols: m, rowPtr, colIdx: colIdx.slice(0, p), data: data.slice(0, 2 * p) },
    diagonal,
  };
}
