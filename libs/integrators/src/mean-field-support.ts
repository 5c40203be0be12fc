// Pieces shared by the mean-field solvers (internal to this library).
import { csrAdjoint, type CsrMatrix } from '@qsync/linalg';
import type { DensityMatrix } from '@qsync/operators';
import type { MeanFieldMasterEquation } from './mean-field-types';

/** A mean-field term with its matrices: c, X, Y and Y† (X† too, for the linearization). */
export interface CompiledTerm {
  readonly cr: number;
  readonly ci: number;
  readonly x: CsrMatrix;
  readonly xAdjoint: CsrMatrix;
  readonly y: CsrMatrix;
  readonly yAdjoint: CsrMatrix;
}

/** Checks the equation's shape (every operator on L0's space, finite c) and compiles its terms. */
export function compileTerms(fn: string, eq: MeanFieldMasterEquation): CompiledTerm[] {
  if (eq === null || typeof eq !== 'object' || eq.lindbladian === undefined || !Array.isArray(eq.terms)) {
    throw new Error(`${fn}: 'equation' must be { lindbladian, terms: [{ c, x, y }, …] }`);
  }
  const dims = eq.lindbladian.dims;
  const n = eq.lindbladian.left.rows;
  return eq.terms.map((term, k) => {
    const c = term.c;
    if (c === null || typeof c !== 'object' || !Number.isFinite(c.re) || !Number.isFinite(c.im)) {
      throw new Error(`${fn}: terms[${k}].c must be a complex number { re, im } with finite parts`);
    }
    for (const name of ['x', 'y'] as const) {
      const op = term[name];
      if (op === undefined || !sameDims(op.dims, dims) || op.matrix.rows !== n || op.matrix.cols !== n) {
        throw new Error(
          `${fn}: terms[${k}].${name} must act on the Lindbladian's space, dims [${dims.join(', ')}], got [${op?.dims.join(', ') ?? 'nothing'}]`,
        );
      }
    }
    return {
      cr: c.re,
      ci: c.im,
      x: term.x.matrix,
      xAdjoint: csrAdjoint(term.x.matrix),
      y: term.y.matrix,
      yAdjoint: csrAdjoint(term.y.matrix),
    };
  });
}

/** Checks that ρ is an n×n density matrix on dims with finite entries. */
export function checkState(fn: string, name: string, rho: DensityMatrix, dims: readonly number[], n: number): void {
  if (rho === null || typeof rho !== 'object' || rho.matrix === undefined || !sameDims(rho.dims, dims) || rho.matrix.rows !== n || rho.matrix.cols !== n) {
    throw new Error(`${fn}: '${name}' must be a density matrix on dims [${dims.join(', ')}] (${n}×${n})`);
  }
  const d = rho.matrix.data;
  for (let k = 0; k < d.length; k++) {
    if (!Number.isFinite(d[k])) throw new Error(`${fn}: '${name}' has a non-finite entry at ${k >> 1}`);
  }
}

/** Tr[X ρ] = Σ_ij X_ij ρ_ji for row-major interleaved ρ (n×n), written into out[0], out[1]. */
export function traceProductInto(out: Float64Array, x: CsrMatrix, rho: Float64Array, n: number): void {
  let re = 0;
  let im = 0;
  for (let i = 0; i < x.rows; i++) {
    for (let p = x.rowPtr[i]; p < x.rowPtr[i + 1]; p++) {
      const j = x.colIdx[p];
      const xr = x.data[2 * p];
      const xi = x.data[2 * p + 1];
      const rr = rho[2 * (j * n + i)];
      const ri = rho[2 * (j * n + i) + 1];
      re += xr * rr - xi * ri;
      im += xr * ri + xi * rr;
    }
  }
  out[0] = re;
  out[1] = im;
}

/**
 * out += −i[g·M, ρ] = −i g (Mρ − ρM) for a sparse M and complex g, on n×n row-major interleaved
 * arrays; allocation-free. Each stored entry M_rc adds −i g M_rc ρ[c][·] to row r and +i g M_rc ρ[·][r]
 * to column c.
 */
export function addCommutatorInto(out: Float64Array, rho: Float64Array, n: number, m: CsrMatrix, gr: number, gi: number): void {
  if (gr === 0 && gi === 0) return;
  for (let r = 0; r < m.rows; r++) {
    for (let p = m.rowPtr[r]; p < m.rowPtr[r + 1]; p++) {
      const c = m.colIdx[p];
      // h = −i g M_rc
      const mr = m.data[2 * p];
      const mi = m.data[2 * p + 1];
      const pr = gr * mr - gi * mi;
      const pi = gr * mi + gi * mr;
      const hr = pi;
      const hi = -pr;
      // row r of out: += h ρ[c][j]
      const o = 2 * r * n;
      const s = 2 * c * n;
      for (let j = 0; j < n; j++) {
        const xr = rho[s + 2 * j];
        const xi = rho[s + 2 * j + 1];
        out[o + 2 * j] += hr * xr - hi * xi;
        out[o + 2 * j + 1] += hr * xi + hi * xr;
      }
      // column c of out: −= h ρ[i][r]
      for (let i = 0; i < n; i++) {
        const xr = rho[2 * (i * n + r)];
        const xi = rho[2 * (i * n + r) + 1];
        out[2 * (i * n + c)] -= hr * xr - hi * xi;
        out[2 * (i * n + c) + 1] -= hr * xi + hi * xr;
      }
    }
  }
}

export function sameDims(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, k) => d === b[k]);
}
