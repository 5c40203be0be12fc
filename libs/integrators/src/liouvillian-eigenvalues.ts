import {
  bandLuFactor,
  bandLuSolveInto,
  csrAdd,
  csrIdentity,
  eigenvalues,
  reverseCuthillMcKee,
  solveDense,
  type Complex,
  type CsrMatrix,
} from '@qsync/linalg';
import { dickeLiouvillianMatrix } from '@qsync/operators';
import type { DickeLindbladian, Lindbladian } from '@qsync/operators';
import { lindbladStencil } from './lindblad-rhs';
import { blockMatrix, blocksContaining } from './liouvillian-blocks';

/** Options of {@link liouvillianEigenvalues}. */
export interface LiouvillianEigenvaluesConfig {
  /** How many eigenvalues, those nearest the shift (default 6). */
  count?: number;
  /**
   * The shift σ: the eigenvalues nearest σ are found (default 1e-3·max|L_kk|, a small positive
   * real number: the slowest-decaying modes whose frequencies are small against their decay;
   * pass σ = iω to look near a frequency ω). It must not be an eigenvalue itself.
   */
  shift?: number | Complex;
  /**
   * Permutation-invariant generators with the U(1) symmetry: the sector m − m′ = difference of
   * the blocks (default 0, the populations; the sector −q has the conjugate eigenvalues of q).
   * A `Lindbladian` is always reduced to the block of L that holds its populations.
   */
  difference?: number;
  /** Largest Krylov dimension before giving up (default min(block size, 400)). */
  maxKrylov?: number;
  /** Relative accuracy of each eigenvalue of (L − σ)⁻¹ (default 1e-10). */
  tol?: number;
}

/** The eigenvalues found and the block they were found in. */
export interface LiouvillianEigenvaluesResult {
  /** Eigenvalues λ of L, interleaved (re, im), sorted by real part descending (ties: imaginary part). */
  readonly eigenvalues: Float64Array;
  /** Size of the block of L searched. */
  readonly blockSize: number;
  /** Krylov dimension that reached the tolerance. */
  readonly krylov: number;
}

/**
 * The eigenvalues of a Liouvillian nearest a shift σ, by shift-invert Arnoldi on one symmetry
 * block of L: the band LU of L − σ (reverse Cuthill–McKee order) applies (L − σ)⁻¹, whose largest
 * eigenvalues θ are 1/(λ − σ) for the λ nearest σ; Arnoldi with full reorthogonalisation finds
 * them, and the Krylov space grows until each Ritz pair's residual is below `tol`. No dense
 * eigendecomposition of L, only of the small Hessenberg matrix. With the default shift (a small
 * positive number) the result holds the steady state (λ = 0) and the slowest decaying modes of
 * the block: the Liouvillian gap is the largest real part among the others.
 *
 * For a permutation-invariant generator the block is one U(1) sector m − m′ of its blocks ρ_j;
 * unlike QuTiP's PIQS Liouvillian (an nds² × nds² matrix with an all-zero row and column for every
 * entry between two different j, hence that many spurious zero eigenvalues, and coefficients in
 * single precision), these are eigenvalues of the full 4^N-dimensional Liouvillian: the
 * permutation-invariant operators form an invariant subspace of it.
 *
 * @param l the generator (`lindbladian` or `dickeLindbladian` of `@qsync/operators`)
 * @param config count, shift, difference (sector), maxKrylov, tol
 * @example
 * // one decaying spin (γ = 1): populations relax at rate γ, the steady state is λ = 0
 * const s = dickeSpace(1);
 * const { eigenvalues } = liouvillianEigenvalues(dickeLindbladian(s, null, [], { loss: 1 }), { count: 2 });
 * eigenvalues; // ≈ [0, 0, -1, 0]
 */
export function liouvillianEigenvalues(
  l: Lindbladian | DickeLindbladian,
  config: LiouvillianEigenvaluesConfig = {},
): LiouvillianEigenvaluesResult {
  const fn = 'liouvillianEigenvalues';
  const S = blockOf(fn, l, config.difference);
  const m = S.rows;
  const count = config.count ?? 6;
  if (!Number.isInteger(count) || count < 1 || count > m) {
    throw new Error(`${fn}: 'count' must be an integer in 1…${m} (the block size), got ${String(count)}`);
  }
  const tol = config.tol ?? 1e-10;
  if (!(tol > 0 && tol < 1)) throw new Error(`${fn}: 'tol' must be in (0, 1), got ${String(tol)}`);
  const maxKrylov = Math.min(m, config.maxKrylov ?? 400);
  if (!Number.isInteger(maxKrylov) || maxKrylov < count) {
    throw new Error(`${fn}: 'maxKrylov' must be an integer ≥ count = ${count}, got ${String(config.maxKrylov)}`);
  }
  let maxDiag = 0;
  for (let r = 0; r < m; r++) {
    for (let p = S.rowPtr[r]; p < S.rowPtr[r + 1]; p++) {
      if (S.colIdx[p] === r) maxDiag = Math.max(maxDiag, Math.hypot(S.data[2 * p], S.data[2 * p + 1]));
    }
  }
  const shift: Complex =
    config.shift === undefined
      ? { re: 1e-3 * (maxDiag > 0 ? maxDiag : 1), im: 0 }
      : typeof config.shift === 'number'
        ? { re: config.shift, im: 0 }
        : config.shift;
  if (!Number.isFinite(shift.re) || !Number.isFinite(shift.im)) {
    throw new Error(`${fn}: 'shift' must be a finite number or Complex, got ${JSON.stringify(config.shift)}`);
  }
  const A = csrAdd(S, csrIdentity(m), { re: 1, im: 0 }, { re: -shift.re, im: -shift.im });
  let f;
  try {
    f = bandLuFactor(A, reverseCuthillMcKee(A));
  } catch (e) {
    throw new Error(`${fn}: L − σ is singular at σ = ${shift.re} + ${shift.im}i (σ is an eigenvalue); pick another 'shift'`, {
      cause: e,
    });
  }

  // Arnoldi on (L − σ)⁻¹ with full reorthogonalisation, growing the space until converged.
  let k = Math.min(maxKrylov, Math.max(2 * count + 20, 40));
  for (;;) {
    const { H, beta, dim } = arnoldi(f, m, k);
    const theta = ritzValues(H, dim);
    // largest |θ| first: nearest λ to σ
    const order = Array.from({ length: dim }, (_, i) => i).sort(
      (a, b) => Math.hypot(theta[2 * b], theta[2 * b + 1]) - Math.hypot(theta[2 * a], theta[2 * a + 1]),
    );
    const wanted = order.slice(0, count);
    let converged = dim < k; // an invariant subspace: every Ritz value is exact
    if (!converged) {
      converged = wanted.every((i) => {
        const tr = theta[2 * i];
        const ti = theta[2 * i + 1];
        return ritzResidual(H, dim, tr, ti) * beta <= tol * Math.hypot(tr, ti);
      });
    }
    if (converged || k >= maxKrylov) {
      if (!converged) {
        throw new Error(
          `${fn}: shift-invert Arnoldi did not converge to 'tol' = ${tol} within a Krylov dimension of ${k}; ` +
            "raise 'maxKrylov', ask for a smaller 'count' or move the 'shift'",
        );
      }
      const out = new Float64Array(2 * count);
      wanted.forEach((i, q) => {
        // λ = σ + 1/θ
        const tr = theta[2 * i];
        const ti = theta[2 * i + 1];
        const d = tr * tr + ti * ti;
        out[2 * q] = shift.re + tr / d;
        out[2 * q + 1] = shift.im - ti / d;
      });
      return { eigenvalues: sortByRealPart(out), blockSize: m, krylov: k };
    }
    k = Math.min(maxKrylov, 2 * k);
  }
}

/** The block of L to search: one U(1) sector of a PI generator, or the population block of a Lindbladian. */
function blockOf(fn: string, l: Lindbladian | DickeLindbladian, difference: number | undefined): CsrMatrix {
  if ((l as Partial<DickeLindbladian>).space?.kind === 'dicke') {
    const d = l as DickeLindbladian;
    return dickeLiouvillianMatrix(d, d.u1Symmetric ? { difference: difference ?? 0 } : {}).matrix;
  }
  if (difference !== undefined) {
    throw new Error(`${fn}: 'difference' selects a sector of a permutation-invariant generator; a Lindbladian is searched in its population block`);
  }
  const stencil = lindbladStencil(l as Lindbladian);
  return blockMatrix(stencil, blocksContaining(stencil, [0]));
}

/**
 * k steps of Arnoldi on (L − σ)⁻¹ from a fixed, generic start vector (modified Gram–Schmidt,
 * applied twice). Returns the (dim+1)×dim Hessenberg matrix H (dense, interleaved, row-major with
 * row length dim) and β = |h_{dim+1,dim}|; dim < k when the Krylov space became invariant.
 */
function arnoldi(f: ReturnType<typeof bandLuFactor>, m: number, k: number): { H: Float64Array; beta: number; dim: number } {
  const V: Float64Array[] = [];
  const H = new Float64Array(2 * (k + 1) * k);
  let v = new Float64Array(2 * m);
  // A start vector with every component nonzero and no symmetry: 1 + (k mod 7)/10, phases 0.3k.
  for (let q = 0; q < m; q++) {
    const a = 1 + (q % 7) / 10;
    v[2 * q] = a * Math.cos(0.3 * q);
    v[2 * q + 1] = a * Math.sin(0.3 * q);
  }
  scaleToUnit(v);
  V.push(v);
  const w = new Float64Array(2 * m);
  let beta = 0;
  for (let j = 0; j < k; j++) {
    bandLuSolveInto(w, f, V[j]);
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 0; i <= j; i++) {
        // h = ⟨v_i, w⟩, w −= h v_i
        const vi = V[i];
        let hr = 0;
        let hi = 0;
        for (let q = 0; q < m; q++) {
          const ar = vi[2 * q];
          const ai = vi[2 * q + 1];
          hr += ar * w[2 * q] + ai * w[2 * q + 1];
          hi += ar * w[2 * q + 1] - ai * w[2 * q];
        }
        for (let q = 0; q < m; q++) {
          w[2 * q] -= hr * vi[2 * q] - hi * vi[2 * q + 1];
          w[2 * q + 1] -= hr * vi[2 * q + 1] + hi * vi[2 * q];
        }
        H[2 * (i * k + j)] += hr;
        H[2 * (i * k + j) + 1] += hi;
      }
    }
    let norm = 0;
    for (let q = 0; q < 2 * m; q++) norm += w[q] * w[q];
    norm = Math.sqrt(norm);
    let hj = 0;
    for (let i = 0; i <= j; i++) hj = Math.max(hj, Math.hypot(H[2 * (i * k + j)], H[2 * (i * k + j) + 1]));
    if (norm <= 1e-14 * hj) return { H: compact(H, k, j + 1), beta: 0, dim: j + 1 };
    H[2 * ((j + 1) * k + j)] = norm;
    beta = norm;
    if (j + 1 < k) {
      v = new Float64Array(2 * m);
      for (let q = 0; q < 2 * m; q++) v[q] = w[q] / norm;
      V.push(v);
    }
  }
  return { H: compact(H, k, k), beta, dim: k };
}

/** The leading dim×dim part of a Hessenberg matrix stored with row length k. */
function compact(H: Float64Array, k: number, dim: number): Float64Array {
  const out = new Float64Array(2 * dim * dim);
  for (let i = 0; i < dim; i++) out.set(H.subarray(2 * i * k, 2 * i * k + 2 * dim), 2 * i * dim);
  return out;
}

function scaleToUnit(v: Float64Array): void {
  let s = 0;
  for (let q = 0; q < v.length; q++) s += v[q] * v[q];
  s = 1 / Math.sqrt(s);
  for (let q = 0; q < v.length; q++) v[q] *= s;
}

function ritzValues(H: Float64Array, dim: number): Float64Array {
  return eigenvalues({ rows: dim, cols: dim, data: Float64Array.from(H) });
}

/**
 * |last component| of the unit eigenvector y of H for the Ritz value θ (by one inverse-iteration
 * solve with a slightly perturbed shift): the Ritz residual is β·|y_dim|.
 */
function ritzResidual(H: Float64Array, dim: number, tr: number, ti: number): number {
  const a = Float64Array.from(H);
  const eps = 1e-10 * Math.max(1, Math.hypot(tr, ti));
  for (let i = 0; i < dim; i++) {
    a[2 * (i * dim + i)] -= tr + eps;
    a[2 * (i * dim + i) + 1] -= ti;
  }
  const b = new Float64Array(2 * dim);
  for (let i = 0; i < dim; i++) b[2 * i] = 1;
  let y: Float64Array;
  try {
    y = solveDense({ rows: dim, cols: dim, data: a }, b);
  } catch {
    return 0; // exactly singular: θ is an exact eigenvalue of H
  }
  let norm = 0;
  for (let q = 0; q < y.length; q++) norm += y[q] * y[q];
  return Math.hypot(y[2 * (dim - 1)], y[2 * (dim - 1) + 1]) / Math.sqrt(norm);
}

function sortByRealPart(ev: Float64Array): Float64Array {
  const n = ev.length / 2;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => ev[2 * b] - ev[2 * a] || ev[2 * b + 1] - ev[2 * a + 1]);
  const out = new Float64Array(2 * n);
  idx.forEach((i, q) => {
    out[2 * q] = ev[2 * i];
    out[2 * q + 1] = ev[2 * i + 1];
  });
  return out;
}
