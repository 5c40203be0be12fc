import { connectedComponents, csrMatvecInto, type CsrMatrix, type DenseMatrix } from '@qsync/linalg';
import { liouvillianMatrix, type DensityMatrix } from '@qsync/operators';
import { compileMeanFieldRhs } from './compile-mean-field-rhs';
import { addCommutatorInto, checkState, compileTerms, traceProductInto } from './mean-field-support';
import type { MeanFieldMasterEquation } from './mean-field-types';

/** The linearization of a mean-field master equation around ρ0; see {@link linearizeMeanField}. */
export interface MeanFieldLinearization {
  /** Hilbert-space dimension n; M acts on n×n matrices (vec index i·n + j, row-major). */
  readonly n: number;
  /** ‖ρ̇‖_F of the nonlinear equation at ρ0: ~0 when ρ0 is stationary, as Eq. 4.22 assumes. */
  readonly residual: number;
  /** Writes M δρ into out (n×n, row-major interleaved), for any complex δρ. */
  applyInto(out: Float64Array, drho: Float64Array): void;
  /**
   * The dense matrix of M on the vec indices `indices` (sorted; default all n²), which must be closed
   * under M (a union of blocks, see `blocks`): M[indices, indices].
   */
  matrix(indices?: ArrayLike<number>): DenseMatrix;
  /**
   * The blocks M splits into (the connected components of its couplings; for a U(1)-symmetric ρ0 one
   * per charge, the difference of excitation numbers of ket and bra), each a sorted list of vec indices.
   */
  blocks(): Int32Array[];
}

/** Options of {@link linearizeMeanField}. */
export interface LinearizeMeanFieldConfig {
  /**
   * Couplings |M_pq| ≤ dropTolerance·max|M| do not join blocks in `blocks()` (default 1e-14): rounding
   * in ρ0 (coherences of 1e-17 where the symmetry makes them 0) must not merge symmetry blocks.
   */
  dropTolerance?: number;
}

/**
 * Linearizes a nonlinear master equation of mean-field form around a state ρ0 (thesis Eq. 4.22):
 * ρ = ρ0 + δρ gives δρ̇ = M δρ with
 * M δρ = L0 δρ − i[H_mf(ρ0), δρ] − i Σ_k [c_k Tr[X_k δρ] Y_k + c_k* Tr[X_k† δρ] Y_k†, ρ0].
 * For Hermitian δρ, Tr[X† δρ] is the conjugate of Tr[X δρ], so this M is the Jacobian of the
 * right-hand side, and it is complex-linear on all matrices (so its eigenvalues are those of the
 * n²×n² Jacobian). ρ0 should be stationary (`residual` says how far it is).
 *
 * @param equation L0 and the mean-field terms
 * @param rho0 the state to linearize around
 * @example
 * // Eq. 4.22 around the incoherent state of Eq. 4.19 at cutoff 8 (κ1 = 1, κ2 = 1, V = 2)
 * const s = fockSpace(8);
 * const a = destroy(s);
 * const l0 = lindbladian(scaled(num(s), 0), [{ rate: 1, jump: create(s) }, { rate: 1, jump: power(a, 2) }, { rate: 2, jump: a }]);
 * const m = linearizeMeanField({ lindbladian: l0, terms: [{ c: { re: 0, im: 1 }, x: a, y: create(s) }] }, steadyState(l0).rho);
 * m.residual < 1e-12; // true — the incoherent state is stationary
 * m.blocks().map((b) => b.length).sort((p, q) => q - p).slice(0, 3); // [8, 7, 7] — charge 0, ±1
 */
export function linearizeMeanField(
  equation: MeanFieldMasterEquation,
  rho0: DensityMatrix,
  config: LinearizeMeanFieldConfig = {},
): MeanFieldLinearization {
  const fn = 'linearizeMeanField';
  const terms = compileTerms(fn, equation);
  const n = equation.lindbladian.left.rows;
  checkState(fn, 'rho0', rho0, equation.lindbladian.dims, n);
  const dropTolerance = config.dropTolerance ?? 1e-14;
  if (!(dropTolerance >= 0 && dropTolerance < 1)) {
    throw new Error(`${fn}: option 'dropTolerance' must be a number in [0, 1), got ${String(dropTolerance)}`);
  }
  const size = n * n;
  const r0 = rho0.matrix.data;
  const l0: CsrMatrix = liouvillianMatrix(equation.lindbladian);

  // H_mf(ρ0) as pieces g·Y; the rank-one parts as (functional X, vector u = −i c[Y, ρ0])
  const drive: { m: CsrMatrix; gr: number; gi: number }[] = [];
  const rank: { x: CsrMatrix; u: Float64Array }[] = [];
  const field = new Float64Array(2);
  for (const t of terms) {
    traceProductInto(field, t.x, r0, n);
    const gr = t.cr * field[0] - t.ci * field[1];
    const gi = t.cr * field[1] + t.ci * field[0];
    drive.push({ m: t.y, gr, gi }, { m: t.yAdjoint, gr, gi: -gi });
    const u = new Float64Array(2 * size);
    addCommutatorInto(u, r0, n, t.y, t.cr, t.ci);
    const v = new Float64Array(2 * size);
    addCommutatorInto(v, r0, n, t.yAdjoint, t.cr, -t.ci);
    rank.push({ x: t.x, u }, { x: t.xAdjoint, u: v });
  }

  const applyInto = (out: Float64Array, d: Float64Array): void => {
    csrMatvecInto(out, l0, d);
    for (const p of drive) addCommutatorInto(out, d, n, p.m, p.gr, p.gi);
    for (const p of rank) {
      traceProductInto(field, p.x, d, n);
      const fr = field[0];
      const fi = field[1];
      if (fr === 0 && fi === 0) continue;
      const u = p.u;
      for (let q = 0; q < 2 * size; q += 2) {
        out[q] += fr * u[q] - fi * u[q + 1];
        out[q + 1] += fr * u[q + 1] + fi * u[q];
      }
    }
  };

  // the residual of ρ0 in the nonlinear equation
  const f = new Float64Array(2 * size);
  compileMeanFieldRhs(equation).applyInto(f, Float64Array.from(r0));
  let r2 = 0;
  for (let k = 0; k < f.length; k++) r2 += f[k] * f[k];

  /** Column q of M (all n² rows) into col, from the unit vector e. */
  const column = (col: Float64Array, e: Float64Array, q: number): void => {
    e[2 * q] = 1;
    applyInto(col, e);
    e[2 * q] = 0;
  };

  // the coupling pattern of M, column by column (computed once, on demand): its magnitudes and the largest
  let pattern: { ptr: Int32Array; rows: Int32Array; mags: Float64Array; largest: number } | null = null;
  const couplings = () => {
    if (pattern !== null) return pattern;
    const e = new Float64Array(2 * size);
    const col = new Float64Array(2 * size);
    const ptr = new Int32Array(size + 1);
    const rows: number[] = [];
    const mags: number[] = [];
    let largest = 0;
    for (let s = 0; s < size; s++) {
      column(col, e, s);
      for (let q = 0; q < size; q++) {
        const mag = Math.abs(col[2 * q]) + Math.abs(col[2 * q + 1]);
        if (mag === 0) continue;
        if (mag > largest) largest = mag;
        rows.push(q);
        mags.push(mag);
      }
      ptr[s + 1] = rows.length;
    }
    pattern = { ptr, rows: Int32Array.from(rows), mags: Float64Array.from(mags), largest };
    return pattern;
  };

  return {
    n,
    residual: Math.sqrt(r2),
    applyInto,
    matrix(indices) {
      const idx = indices === undefined ? Int32Array.from({ length: size }, (_, k) => k) : Int32Array.from(indices);
      const where = new Int32Array(size).fill(-1);
      for (let k = 0; k < idx.length; k++) {
        if (!(idx[k] >= 0 && idx[k] < size) || (k > 0 && idx[k] <= idx[k - 1])) {
          throw new Error(`${fn}: matrix: 'indices' must be increasing vec indices in [0, ${size}), got ${idx[k]} at ${k}`);
        }
        where[idx[k]] = k;
      }
      const m = idx.length;
      const data = new Float64Array(2 * m * m);
      const e = new Float64Array(2 * size);
      const col = new Float64Array(2 * size);
      // couplings out of the set below the drop tolerance are rounding (see dropTolerance), larger ones an error
      const negligible = m < size ? dropTolerance * couplings().largest : 0;
      for (let s = 0; s < m; s++) {
        column(col, e, idx[s]);
        for (let q = 0; q < size; q++) {
          const re = col[2 * q];
          const im = col[2 * q + 1];
          if (re === 0 && im === 0) continue;
          const r = where[q];
          if (r < 0) {
            if (Math.abs(re) + Math.abs(im) <= negligible) continue;
            throw new Error(`${fn}: matrix: 'indices' is not closed under M (entry ${idx[s]} couples to ${q}): pass a union of blocks`);
          }
          data[2 * (r * m + s)] = re;
          data[2 * (r * m + s) + 1] = im;
        }
      }
      return { rows: m, cols: m, data };
    },
    blocks() {
      const { ptr, rows, mags, largest } = couplings();
      const keep: number[] = [];
      const keepPtr = new Int32Array(size + 1);
      for (let s = 0; s < size; s++) {
        for (let p = ptr[s]; p < ptr[s + 1]; p++) if (mags[p] > dropTolerance * largest) keep.push(rows[p]);
        keepPtr[s + 1] = keep.length;
      }
      // the graph of Mᵀ: its components are those of M
      const { count, labels } = connectedComponents({
        rows: size,
        cols: size,
        rowPtr: keepPtr,
        colIdx: Int32Array.from(keep),
        data: new Float64Array(2 * keep.length),
      });
      const members: number[][] = Array.from({ length: count }, () => []);
      for (let q = 0; q < size; q++) members[labels[q]].push(q);
      return members.map((b) => Int32Array.from(b));
    },
  };
}
