import type { Progress } from '@qsync/frames';
import {
  bandLuFactorSteps,
  bandLuSolveInto,
  csrAdd,
  csrIdentity,
  eigenvalues,
  reverseCuthillMcKee,
  solveDense,
  type BandLuFactors,
  type Complex,
  type CsrMatrix,
} from '@qsync/linalg';
import { dickeLiouvillianMatrix } from '@qsync/operators';
import type { DickeLindbladian, Lindbladian } from '@qsync/operators';
import { lindbladStencil } from './lindblad-rhs';
import type { LiouvillianEigenvaluesConfig, LiouvillianEigenvaluesResult } from './liouvillian-eigenvalues';
import { blockMatrix, blocksContaining } from './liouvillian-blocks';

/**
 * The search behind `liouvillianEigenvalues` and `liouvillianEigenvaluesChunked`: builds the block
 * and checks the options at once (so a chunked caller throws at the call, not on subscription) and
 * returns a factory of the search, a generator that yields progress and returns the result; each
 * call of the factory is a fresh search. Progress is in columns of the band LU of L − σ plus
 * Arnoldi steps, out of block size + maxKrylov (it ends early on convergence). `fn` names the
 * caller in every error. Internal to integrators.
 */
export function liouvillianEigenvaluesSteps(
  fn: string,
  l: Lindbladian | DickeLindbladian,
  config: LiouvillianEigenvaluesConfig,
): () => Generator<Progress, LiouvillianEigenvaluesResult, void> {
  const S = blockOf(fn, l, config.difference);
  const m = S.rows;
  const count = config.count ?? 6;
  if (!Number.isInteger(count) || count < 1 || count > m) {
    throw new Error(`${fn}: 'count' must be an integer in 1…${m} (the block size), got ${String(count)}`);
  }
  const tol = config.tol ?? 1e-10;
  if (!(tol > 0 && tol < 1)) throw new Error(`${fn}: 'tol' must be in (0, 1), got ${String(tol)}`);
  const asked = config.maxKrylov ?? 400;
  // at most the block size: the Krylov space cannot be larger
  const maxKrylov = Math.min(m, asked);
  if (!Number.isInteger(asked) || maxKrylov < count) {
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
  if (typeof shift !== 'object' || shift === null || !Number.isFinite(shift.re) || !Number.isFinite(shift.im)) {
    throw new Error(`${fn}: 'shift' must be a finite number or Complex, got ${JSON.stringify(config.shift)}`);
  }
  return () => search(fn, S, shift, count, tol, maxKrylov);
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
 * Band LU of S − σ, then Arnoldi on (S − σ)⁻¹ extended one vector at a time; at Krylov dimensions
 * k0, 2k0, 4k0, … (and maxKrylov) the Ritz values are tested, and the run continues from where it
 * stands when they have not converged.
 */
function* search(
  fn: string,
  S: CsrMatrix,
  shift: Complex,
  count: number,
  tol: number,
  maxKrylov: number,
): Generator<Progress, LiouvillianEigenvaluesResult, void> {
  const m = S.rows;
  const total = m + maxKrylov;
  const A = csrAdd(S, csrIdentity(m), { re: 1, im: 0 }, { re: -shift.re, im: -shift.im });
  let f: BandLuFactors;
  try {
    const steps = bandLuFactorSteps(A, reverseCuthillMcKee(A));
    let step = steps.next();
    while (step.done !== true) {
      yield { done: step.value.done, total };
      step = steps.next();
    }
    f = step.value;
  } catch (e) {
    throw new Error(`${fn}: L − σ is singular at σ = ${shift.re} + ${shift.im}i (σ is an eigenvalue); pick another 'shift'`, {
      cause: e,
    });
  }
  yield { done: m, total };

  const arnoldi = createArnoldi(f, m, maxKrylov);
  let k = Math.min(maxKrylov, Math.max(2 * count + 20, 40));
  for (;;) {
    while (arnoldi.dim < k && !arnoldi.invariant) {
      arnoldi.step();
      yield { done: m + arnoldi.dim, total };
    }
    const dim = arnoldi.dim;
    const H = arnoldi.hessenberg();
    const theta = eigenvalues({ rows: dim, cols: dim, data: H });
    // largest |θ| first: nearest λ to σ
    const order = Array.from({ length: dim }, (_, i) => i).sort(
      (a, b) => Math.hypot(theta[2 * b], theta[2 * b + 1]) - Math.hypot(theta[2 * a], theta[2 * a + 1]),
    );
    const wanted = order.slice(0, count);
    // an invariant subspace: every Ritz value is exact
    let converged = arnoldi.invariant;
    if (!converged) {
      const scratch = new Float64Array(H.length);
      converged = wanted.every((i) => {
        const tr = theta[2 * i];
        const ti = theta[2 * i + 1];
        return ritzResidual(H, scratch, dim, tr, ti) * arnoldi.beta <= tol * Math.hypot(tr, ti);
      });
    }
    if (converged) {
      yield { done: total, total };
      const out = new Float64Array(2 * count);
      wanted.forEach((i, q) => {
        // λ = σ + 1/θ
        const tr = theta[2 * i];
        const ti = theta[2 * i + 1];
        const d = tr * tr + ti * ti;
        out[2 * q] = shift.re + tr / d;
        out[2 * q + 1] = shift.im - ti / d;
      });
      return { eigenvalues: sortByRealPart(out), blockSize: m, krylov: dim };
    }
    if (k >= maxKrylov) {
      throw new Error(
        `${fn}: shift-invert Arnoldi did not converge to 'tol' = ${tol} within a Krylov dimension of ${k}; ` +
          "raise 'maxKrylov', ask for a smaller 'count' or move the 'shift'",
      );
    }
    k = Math.min(maxKrylov, 2 * k);
  }
}

/** An Arnoldi run on (L − σ)⁻¹ that can be extended: its basis, Hessenberg matrix and last β. */
interface Arnoldi {
  /** Current Krylov dimension (columns of H computed). */
  readonly dim: number;
  /** True once the Krylov space became invariant (no further step is possible). */
  readonly invariant: boolean;
  /** |h_{dim+1, dim}|: the Ritz residuals are β·|last component of the Ritz vector|. */
  readonly beta: number;
  /** One more Arnoldi step (a solve and two passes of modified Gram–Schmidt). */
  step(): void;
  /** The leading dim × dim Hessenberg matrix, dense interleaved row-major (a new array). */
  hessenberg(): Float64Array;
}

/**
 * Arnoldi from a fixed, generic start vector (every component nonzero, no symmetry:
 * 1 + (q mod 7)/10 with phase 0.3q), full reorthogonalisation; H is stored with row length K.
 */
function createArnoldi(f: BandLuFactors, m: number, K: number): Arnoldi {
  const V: Float64Array[] = [];
  const H = new Float64Array(2 * (K + 1) * K);
  const v0 = new Float64Array(2 * m);
  for (let q = 0; q < m; q++) {
    const a = 1 + (q % 7) / 10;
    v0[2 * q] = a * Math.cos(0.3 * q);
    v0[2 * q + 1] = a * Math.sin(0.3 * q);
  }
  let s = 0;
  for (let q = 0; q < 2 * m; q++) s += v0[q] * v0[q];
  s = 1 / Math.sqrt(s);
  for (let q = 0; q < 2 * m; q++) v0[q] *= s;
  V.push(v0);
  const w = new Float64Array(2 * m);
  const state = { dim: 0, invariant: false, beta: 0 };
  return {
    get dim() {
      return state.dim;
    },
    get invariant() {
      return state.invariant;
    },
    get beta() {
      return state.beta;
    },
    step() {
      const j = state.dim;
      bandLuSolveInto(w, f, V[j]);
      orthogonalize(w, V, H, K, j, m);
      let norm = 0;
      for (let q = 0; q < 2 * m; q++) norm += w[q] * w[q];
      norm = Math.sqrt(norm);
      let hj = 0;
      for (let i = 0; i <= j; i++) hj = Math.max(hj, Math.hypot(H[2 * (i * K + j)], H[2 * (i * K + j) + 1]));
      state.dim = j + 1;
      if (norm <= 1e-14 * hj) {
        state.invariant = true;
        state.beta = 0;
        return;
      }
      H[2 * ((j + 1) * K + j)] = norm;
      state.beta = norm;
      if (j + 1 < K) {
        const v = new Float64Array(2 * m);
        for (let q = 0; q < 2 * m; q++) v[q] = w[q] / norm;
        V.push(v);
      }
    },
    hessenberg() {
      const dim = state.dim;
      const out = new Float64Array(2 * dim * dim);
      for (let i = 0; i < dim; i++) out.set(H.subarray(2 * i * K, 2 * i * K + 2 * dim), 2 * i * dim);
      return out;
    },
  };
}

/** w ← w − Σ_i ⟨v_i, w⟩ v_i over i ≤ j, twice (modified Gram–Schmidt), accumulating into column j of H. */
function orthogonalize(w: Float64Array, V: Float64Array[], H: Float64Array, K: number, j: number, m: number): void {
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i <= j; i++) {
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
      H[2 * (i * K + j)] += hr;
      H[2 * (i * K + j) + 1] += hi;
    }
  }
}

/**
 * |last component| of the unit eigenvector y of H for the Ritz value θ (by one inverse-iteration
 * solve with a slightly perturbed shift): the Ritz residual is β·|y_dim|. `scratch` (the size of
 * H) receives H − θ, so the checks of one Krylov dimension share one buffer.
 */
function ritzResidual(H: Float64Array, scratch: Float64Array, dim: number, tr: number, ti: number): number {
  scratch.set(H);
  const eps = 1e-10 * Math.max(1, Math.hypot(tr, ti));
  for (let i = 0; i < dim; i++) {
    scratch[2 * (i * dim + i)] -= tr + eps;
    scratch[2 * (i * dim + i) + 1] -= ti;
  }
  const b = new Float64Array(2 * dim);
  for (let i = 0; i < dim; i++) b[2 * i] = 1;
  let y: Float64Array;
  try {
    y = solveDense({ rows: dim, cols: dim, data: scratch }, b);
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
