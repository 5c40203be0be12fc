import {
  bandLuFactor,
  bandLuSolveInto,
  bandwidth,
  csrMatvecInto,
  gmres,
  ilu0,
  reverseCuthillMcKee,
  type CsrMatrix,
} from '@qsync/linalg';
import type { DensityMatrix, Lindbladian } from '@qsync/operators';
import { lindbladStencil, type LindbladStencil } from './lindblad-rhs';
import { blockMatrix, blocksContaining } from './liouvillian-blocks';

/** Options of {@link steadyState}. */
export interface SteadyStateConfig {
  /**
   * 'direct': banded LU of the population block after a reverse Cuthill–McKee ordering, null
   * vector by inverse iteration; 'iterative': GMRES with an ILU(0) preconditioner on the block
   * with one equation replaced by Tr ρ = 1; 'auto' (default): direct while the band LU costs
   * under 1e8 operations, iterative beyond (falling back to direct if GMRES does not converge
   * and the band LU fits in about 1 GB and 1e11 operations).
   */
  method?: 'auto' | 'direct' | 'iterative';
  /** Relative residual at which GMRES stops (default 1e-14, which gives ‖Lρ‖ near rounding). */
  tol?: number;
  /** GMRES iteration limit (default 2000). */
  maxIterations?: number;
}

/** The steady state ρ_ss with L ρ_ss = 0, Tr ρ_ss = 1, and how well it solves that. */
export interface SteadyStateResult {
  readonly rho: DensityMatrix;
  /** ‖L(ρ_ss)‖ in the Frobenius norm, with Tr ρ_ss = 1. */
  readonly residual: number;
  readonly method: 'direct' | 'iterative';
  /** Number of unknowns actually solved for: the Liouvillian block that holds the populations. */
  readonly blockSize: number;
  /** GMRES iterations (iterative) or inverse-iteration sweeps (direct). */
  readonly iterations: number;
}

/**
 * Steady state of a Lindblad master equation, L ρ = 0 with Tr ρ = 1 (Eq. 3.8 with ρ̇ = 0).
 *
 * The Liouvillian's sparsity graph falls apart into blocks when the dynamics has a symmetry
 * (for the U(1)-symmetric vdP and spin models: one block per difference of excitation numbers);
 * the steady state lives in the single block that holds the populations ρ_ii, so only that block
 * is solved. More than one such block means the steady state is not unique, which is an error.
 *
 * @param l the generator, from `lindbladian` of `@qsync/operators`
 * @example
 * // a decaying spin-1/2 ends in its ground state |0⟩⟨0|
 * const s = spinHalfSpace();
 * const { rho, residual } = steadyState(lindbladian(sigmaZ(s), [{ rate: 1, jump: sigmaMinus(s) }]));
 * rho.matrix.data; // [1, 0, 0, 0, 0, 0, 0, 0]
 * residual; // < 1e-14
 */
export function steadyState(l: Lindbladian, config: SteadyStateConfig = {}): SteadyStateResult {
  const method = config.method ?? 'auto';
  if (method !== 'auto' && method !== 'direct' && method !== 'iterative') {
    throw new Error(`steadyState: 'method' must be 'auto', 'direct' or 'iterative', got '${String(method)}'`);
  }
  const tol = config.tol ?? 1e-14;
  if (!(tol > 0)) throw new Error(`steadyState: 'tol' must be > 0, got ${tol}`);
  const maxIterations = config.maxIterations ?? 2000;
  if (!(Number.isInteger(maxIterations) && maxIterations > 0)) {
    throw new Error(`steadyState: 'maxIterations' must be a positive integer, got ${maxIterations}`);
  }

  const stencil = lindbladStencil(l);
  const n = stencil.n;
  const block = populationBlock(stencil);
  const S = blockMatrix(stencil, block);
  const m = block.length;

  const perm = reverseCuthillMcKee(S);
  const { lower, upper } = bandwidth(S, perm);
  // Band LU with pivoting stores (2·kl + ku + 1)·m entries and costs about m·kl·(kl + ku).
  // GMRES with ILU(0) needs some 20–100 products with the block here, which beats the band LU
  // once that costs more than ~1e8 operations (two coupled vdP oscillators beyond cutoff ~14).
  const bytes = 16 * (2 * lower + upper + 1) * m;
  const ops = m * lower * (lower + upper + 1);
  const directFits = bytes < 1e9 && ops < 1e11;
  let direct = method === 'direct' || (method === 'auto' && ops < 1e8);

  const x = new Float64Array(2 * m);
  let iterations = 0;
  if (!direct) {
    try {
      iterations = solveWithTraceConstraint(S, block, n, x, tol, maxIterations);
    } catch (e) {
      if (method === 'iterative' || !directFits) throw e;
      direct = true;
    }
  }
  if (direct) iterations = nullVectorByInverseIteration(S, perm, block, n, x);

  const rho = new Float64Array(2 * n * n);
  for (let k = 0; k < m; k++) {
    rho[2 * block[k]] = x[2 * k];
    rho[2 * block[k] + 1] = x[2 * k + 1];
  }
  normalizeHermitian(rho, n);

  // L is block diagonal and ρ vanishes outside the block: ‖Lρ‖ = ‖S·ρ[block]‖.
  for (let k = 0; k < m; k++) {
    x[2 * k] = rho[2 * block[k]];
    x[2 * k + 1] = rho[2 * block[k] + 1];
  }
  const lrho = new Float64Array(2 * m);
  csrMatvecInto(lrho, S, x);
  let sq = 0;
  for (let k = 0; k < lrho.length; k++) sq += lrho[k] * lrho[k];
  const residual = Math.sqrt(sq);
  if (!Number.isFinite(residual)) {
    throw new Error('steadyState: the solve produced non-finite values (is the Liouvillian finite?)');
  }
  return {
    rho: { dims: l.dims, matrix: { rows: n, cols: n, data: rho } },
    residual,
    method: direct ? 'direct' : 'iterative',
    blockSize: m,
    iterations,
  };
}

/** Indices (in vec order) of the block of L that holds the populations ρ_ii. */
function populationBlock(stencil: LindbladStencil): Int32Array {
  const n = stencil.n;
  const block = blocksContaining(stencil, [0]);
  const inBlock = new Uint8Array(n * n);
  for (let k = 0; k < block.length; k++) inBlock[block[k]] = 1;
  const stray: number[] = [];
  for (let i = 1; i < n; i++) if (inBlock[i * n + i] === 0) stray.push(i * n + i);
  if (stray.length > 0) {
    // Count the separate blocks the populations fall into, for the message.
    let blocks = 1;
    const covered = new Uint8Array(n * n);
    for (const k of stray) {
      if (covered[k] === 1) continue;
      blocks++;
      for (const q of blocksContaining(stencil, [k])) covered[q] = 1;
    }
    throw new Error(
      `steadyState: the steady state is not unique: the populations fall into ${blocks} ` +
        'blocks that the Liouvillian does not connect (a conserved quantity); ' +
        'add a process that connects them or solve each sector separately',
    );
  }
  return block;
}

/**
 * Null vector of the singular block S by inverse iteration on its band LU: each solve
 * multiplies the null component by 1/(rounding-sized pivot), so two or three sweeps converge.
 */
function nullVectorByInverseIteration(
  S: CsrMatrix,
  perm: Int32Array,
  block: Int32Array,
  n: number,
  x: Float64Array,
): number {
  const f = bandLuFactor(S, perm, { allowSingular: true });
  const m = S.rows;
  // Start from the maximally mixed state: it overlaps every physical steady state.
  for (let k = 0; k < m; k++) x[2 * k] = block[k] % (n + 1) === 0 ? 1 : 0;
  const y = new Float64Array(2 * m);
  const r = new Float64Array(2 * m);
  let best = Infinity;
  let sweeps = 0;
  for (; sweeps < 6; sweeps++) {
    bandLuSolveInto(y, f, x);
    let norm = 0;
    for (let k = 0; k < 2 * m; k++) norm = Math.max(norm, Math.abs(y[k]));
    if (!(norm > 0) || !Number.isFinite(norm)) {
      throw new Error('steadyState: inverse iteration failed (zero or non-finite iterate)');
    }
    for (let k = 0; k < 2 * m; k++) y[k] /= norm;
    csrMatvecInto(r, S, y);
    let res = 0;
    for (let k = 0; k < 2 * m; k++) res = Math.max(res, Math.abs(r[k]));
    if (res >= best * 0.5 && sweeps >= 2) break;
    best = Math.min(best, res);
    x.set(y);
  }
  return sweeps;
}

/** Solves S x = 0 with Tr x = 1 by GMRES: the first population equation becomes the trace row. */
function solveWithTraceConstraint(
  S: CsrMatrix,
  block: Int32Array,
  n: number,
  x: Float64Array,
  tol: number,
  maxIterations: number,
): number {
  const m = S.rows;
  const diag: number[] = [];
  for (let k = 0; k < m; k++) if (block[k] % (n + 1) === 0) diag.push(k);
  const p = diag[0];
  // Build S' = S with row p replaced by the trace functional (keeps CSR order: sort columns).
  const rowPtr = new Int32Array(m + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  for (let k = 0; k < m; k++) {
    if (k === p) {
      for (const c of diag) {
        cols.push(c);
        vals.push(1, 0);
      }
    } else {
      for (let q = S.rowPtr[k]; q < S.rowPtr[k + 1]; q++) {
        cols.push(S.colIdx[q]);
        vals.push(S.data[2 * q], S.data[2 * q + 1]);
      }
    }
    rowPtr[k + 1] = cols.length;
  }
  const A: CsrMatrix = { rows: m, cols: m, rowPtr, colIdx: Int32Array.from(cols), data: Float64Array.from(vals) };
  const b = new Float64Array(2 * m);
  b[2 * p] = 1;
  const result = gmres((out, v) => csrMatvecInto(out, A, v), b, {
    tol,
    restart: 100,
    maxIterations,
    precondition: ilu0(A),
  });
  if (!result.converged) {
    throw new Error(
      `steadyState: GMRES did not converge in ${result.iterations} iterations ` +
        `(relative residual ${result.residualNorm.toExponential(2)} > tol ${tol}); ` +
        "try method 'direct' or a larger 'maxIterations'",
    );
  }
  x.set(result.x);
  return result.iterations;
}

/** Makes ρ exactly Hermitian, (ρ + ρ†)/2, and scales it to unit trace. */
function normalizeHermitian(rho: Float64Array, n: number): void {
  let tr = 0;
  for (let i = 0; i < n; i++) tr += rho[2 * (i * n + i)];
  let tri = 0;
  for (let i = 0; i < n; i++) tri += rho[2 * (i * n + i) + 1];
  // Divide by the complex trace first: inverse iteration returns the null vector up to a phase.
  const d = tr * tr + tri * tri;
  if (!(d > 0)) throw new Error('steadyState: the solution has zero trace');
  const cr = tr / d;
  const ci = -tri / d;
  for (let k = 0; k < n * n; k++) {
    const re = rho[2 * k];
    const im = rho[2 * k + 1];
    rho[2 * k] = re * cr - im * ci;
    rho[2 * k + 1] = re * ci + im * cr;
  }
  for (let i = 0; i < n; i++) {
    rho[2 * (i * n + i) + 1] = 0;
    for (let j = i + 1; j < n; j++) {
      const a = 2 * (i * n + j);
      const b = 2 * (j * n + i);
      const re = 0.5 * (rho[a] + rho[b]);
      const im = 0.5 * (rho[a + 1] - rho[b + 1]);
      rho[a] = re;
      rho[a + 1] = im;
      rho[b] = re;
      rho[b + 1] = -im;
    }
  }
}
