import type { CsrMatrix } from '@qsync/linalg';
import { compileWeightedStencil } from './compile-weighted-stencil';

/**
 * The normal form of a Lindblad generator that the master-equation solvers consume:
 * ρ̇ = left·ρ + ρ·right + Σ_k rate_k · A_k ρ B_k (Eq. 3.8 with the anticommutators folded into
 * left = −iH − ½Σ r J†J and right = +iH − ½Σ r J†J). `lindbladian` of `@qsync/operators`
 * returns an object of this shape.
 */
export interface LindbladNormalForm {
  readonly dims: readonly number[];
  readonly left: CsrMatrix;
  readonly right: CsrMatrix;
  readonly sandwiches: readonly { readonly rate: number; readonly left: CsrMatrix; readonly right: CsrMatrix }[];
}

/**
 * One stencil term of the right-hand side: out[i][j] += c(i, j) · ρ[i + s][j + t], with
 * c(i, j) = u[i]·w[j] for a product term (u or w null means 1) or c(i, j) = u[i] + w[j] for a
 * sum term (the diagonal parts of left and right combined). Every Fock, spin and level operator
 * is a few shifted diagonals, so the whole Liouvillian is a handful of such terms.
 */
export interface StencilTerm {
  readonly s: number;
  readonly t: number;
  readonly sum: boolean;
  u: Float64Array | null;
  w: Float64Array | null;
  iLo: number;
  iHi: number;
  jLo: number;
  jHi: number;
}

/** A compiled, matrix-free Lindblad right-hand side; see {@link compileLindbladRhs}. */
export interface LindbladRhs {
  /** Hilbert-space dimension n; the state is an n×n row-major interleaved complex matrix. */
  readonly n: number;
  /** True when the generator maps Hermitian ρ to Hermitian ρ̇; then only half of ρ̇ is computed. */
  readonly hermitian: boolean;
  /** Number of stencil terms (passes over ρ) per evaluation. */
  readonly terms: number;
  /** Writes ρ̇ = L(ρ) into out (length 2n²). Allocates nothing. */
  applyInto(out: Float64Array, rho: Float64Array): void;
}

/**
 * Compiles a Lindblad generator into a matrix-free right-hand side on the n×n density matrix:
 * each operator is split into its shifted diagonals, so ρ̇ = −i(H_eff ρ − ρ H_eff†) + Σ J ρ J†
 * becomes a few element-wise products on shifted views of ρ, without index arrays and without
 * the n²×n² superoperator. When the generator preserves Hermiticity only the upper triangle is
 * computed and mirrored.
 *
 * @param l generator in normal form (from `lindbladian` of `@qsync/operators`)
 * @example
 * // spin-1/2 decay at rate 1 from the excited state |1⟩: ρ̇₀₀ = ρ₁₁, ρ̇₁₁ = −ρ₁₁
 * const s = spinHalfSpace();
 * const rhs = compileLindbladRhs(lindbladian(sigmaZ(s), [{ rate: 1, jump: sigmaMinus(s) }]));
 * const drho = new Float64Array(2 * 2 * 2);
 * rhs.applyInto(drho, pureState(fockKet(s, 1)).matrix.data);
 * drho; // Float64Array [1, 0, 0, 0, 0, 0, -1, 0]
 */
export function compileLindbladRhs(l: LindbladNormalForm): LindbladRhs {
  const n = validateNormalForm(l);
  const groups = [[{ left: l.left }, { right: l.right }, ...l.sandwiches.map((sw) => ({ left: sw.left, right: sw.right, scale: sw.rate }))]];
  const full = compileWeightedStencil(groups, { n, weightKinds: ['real'] });
  const one = Float64Array.of(1, 0);
  const hermitian = preservesHermiticity((out, x) => full.applyInto(out, x, one), n);
  const kernel = hermitian ? compileWeightedStencil(groups, { n, hermitian: true, weightKinds: ['real'] }) : full;
  return {
    n,
    hermitian,
    terms: kernel.terms,
    applyInto(out: Float64Array, rho: Float64Array) {
      kernel.applyInto(out, rho, one);
    },
  };
}

/**
 * The same right-hand side on the packed upper triangle of ρ (n(n + 1) numbers, the layout of
 * `packHermitianInto`), or null when the generator does not preserve Hermiticity: for solvers
 * that evolve a Hermitian ρ, with half the state of the full layout (internal to this library).
 */
export function compilePackedLindbladRhs(l: LindbladNormalForm): ((out: Float64Array, packed: Float64Array) => void) | null {
  const n = validateNormalForm(l);
  const groups = [[{ left: l.left }, { right: l.right }, ...l.sandwiches.map((sw) => ({ left: sw.left, right: sw.right, scale: sw.rate }))]];
  const full = compileWeightedStencil(groups, { n, weightKinds: ['real'] });
  const one = Float64Array.of(1, 0);
  if (!preservesHermiticity((out, x) => full.applyInto(out, x, one), n)) return null;
  const kernel = compileWeightedStencil(groups, { n, hermitian: true, weightKinds: ['real'] });
  return (out, packed) => kernel.applyPackedInto(out, packed, one);
}

/** The stencil form of a generator: L(ρ)_ij = Σ_terms c(i, j)·ρ[i + s][j + t] (internal to this library). */
export interface LindbladStencil {
  readonly n: number;
  readonly terms: readonly StencilTerm[];
}

/** Splits a generator into stencil terms (see {@link compileLindbladRhs}); validates its shape. */
export function lindbladStencil(l: LindbladNormalForm): LindbladStencil {
  const n = validateNormalForm(l);
  const terms: StencilTerm[] = [];
  const add = (s: number, t: number, u: Float64Array | null, w: Float64Array | null) =>
    mergeTerm(terms, { s, t, sum: false, u, w, iLo: 0, iHi: 0, jLo: 0, jHi: 0 });

  // left·ρ: (Aρ)_ij = Σ_d A[i][i+d] ρ[i+d][j]
  for (const [d, u] of rowDiagonals(l.left, 1)) add(d, 0, u, null);
  // ρ·right: (ρB)_ij = Σ_d ρ[i][j−d] B[j−d][j]
  for (const [d, w] of columnDiagonals(l.right)) add(0, -d, null, w);
  // rate·AρB: (AρB)_ij = Σ A[i][i+d1] ρ[i+d1][j−d2] B[j−d2][j]
  for (const sw of l.sandwiches) {
    if (sw.rate === 0) continue;
    const cols = columnDiagonals(sw.right);
    for (const [d1, u] of rowDiagonals(sw.left, sw.rate)) {
      for (const [d2, w] of cols) add(d1, -d2, u, w);
    }
  }
  return { n, terms: terms.filter((term) => setRange(term, n)) };
}

/** Checks the shapes and rates of a generator in normal form; returns n. */
function validateNormalForm(l: LindbladNormalForm): number {
  const n = l.left.rows;
  for (const [name, m] of [['left', l.left], ['right', l.right]] as const) {
    if (m.rows !== n || m.cols !== n) {
      throw new Error(`compileLindbladRhs: '${name}' must be ${n}×${n}, got ${m.rows}×${m.cols}`);
    }
  }
  l.sandwiches.forEach((sw, k) => {
    if (sw.left.rows !== n || sw.left.cols !== n || sw.right.rows !== n || sw.right.cols !== n) {
      throw new Error(`compileLindbladRhs: sandwich ${k} operators must be ${n}×${n}`);
    }
    if (!Number.isFinite(sw.rate)) throw new Error(`compileLindbladRhs: sandwich ${k} rate must be finite`);
  });
  return n;
}

/**
 * Writes the coefficient c(i, j) of a stencil term into `c` ([re, im]) and says whether the
 * term contributes at output (i, j): inside its ranges and c ≠ 0.
 */
export function stencilCoefficient(term: StencilTerm, i: number, j: number, c: Float64Array): boolean {
  if (i < term.iLo || i >= term.iHi || j < term.jLo || j >= term.jHi) return false;
  const { u, w } = term;
  if (term.sum) {
    c[0] = (u as Float64Array)[2 * i] + (w as Float64Array)[2 * j];
    c[1] = (u as Float64Array)[2 * i + 1] + (w as Float64Array)[2 * j + 1];
  } else if (w === null) {
    c[0] = (u as Float64Array)[2 * i];
    c[1] = (u as Float64Array)[2 * i + 1];
  } else if (u === null) {
    c[0] = w[2 * j];
    c[1] = w[2 * j + 1];
  } else {
    c[0] = u[2 * i] * w[2 * j] - u[2 * i + 1] * w[2 * j + 1];
    c[1] = u[2 * i] * w[2 * j + 1] + u[2 * i + 1] * w[2 * j];
  }
  return c[0] !== 0 || c[1] !== 0;
}

/** Splits A into its diagonals by offset d = col − row; u[i] = scale·A[i][i+d]. */
function rowDiagonals(a: CsrMatrix, scale: number): Map<number, Float64Array> {
  const diags = new Map<number, Float64Array>();
  for (let i = 0; i < a.rows; i++) {
    for (let k = a.rowPtr[i]; k < a.rowPtr[i + 1]; k++) {
      const d = a.colIdx[k] - i;
      let u = diags.get(d);
      if (u === undefined) diags.set(d, (u = new Float64Array(2 * a.rows)));
      u[2 * i] += scale * a.data[2 * k];
      u[2 * i + 1] += scale * a.data[2 * k + 1];
    }
  }
  return diags;
}

/** Splits B into its diagonals by offset d = col − row, indexed by column: w[j] = B[j−d][j]. */
function columnDiagonals(b: CsrMatrix): Map<number, Float64Array> {
  const diags = new Map<number, Float64Array>();
  for (let r = 0; r < b.rows; r++) {
    for (let k = b.rowPtr[r]; k < b.rowPtr[r + 1]; k++) {
      const j = b.colIdx[k];
      const d = j - r;
      let w = diags.get(d);
      if (w === undefined) diags.set(d, (w = new Float64Array(2 * b.cols)));
      w[2 * j] += b.data[2 * k];
      w[2 * j + 1] += b.data[2 * k + 1];
    }
  }
  return diags;
}

/**
 * The complex c with b = c·a entry-wise, or null when b is not a multiple of a (or either is null
 * or zero). Lets a·ρ·b† and (−a)·ρ·(−b)† merge into one pass.
 */
function ratio(a: Float64Array | null, b: Float64Array | null): [number, number] | null {
  if (a === null || b === null || a.length !== b.length) return null;
  let k = 0;
  while (k < a.length && a[k] === 0 && a[k + 1] === 0) k += 2;
  if (k >= a.length) return null;
  const d = a[k] * a[k] + a[k + 1] * a[k + 1];
  const cr = (b[k] * a[k] + b[k + 1] * a[k + 1]) / d;
  const ci = (b[k + 1] * a[k] - b[k] * a[k + 1]) / d;
  for (let q = 0; q < a.length; q += 2) {
    const er = cr * a[q] - ci * a[q + 1] - b[q];
    const ei = cr * a[q + 1] + ci * a[q] - b[q + 1];
    if (Math.abs(er) + Math.abs(ei) > 1e-15 * (Math.abs(b[q]) + Math.abs(b[q + 1]) + Math.abs(cr) + Math.abs(ci))) return null;
  }
  return [cr, ci];
}

/** a + c·b for interleaved complex arrays (c = 1 when omitted). */
function addInto(a: Float64Array, b: Float64Array, c: [number, number] = [1, 0]): Float64Array {
  const out = new Float64Array(a.length);
  for (let k = 0; k < a.length; k += 2) {
    out[k] = a[k] + c[0] * b[k] - c[1] * b[k + 1];
    out[k + 1] = a[k + 1] + c[0] * b[k + 1] + c[1] * b[k];
  }
  return out;
}

/**
 * Adds a product term, merging it with one of the same shift where the result stays a single
 * product (same w: add u; same u: add w) or, on the main diagonal, a left-only with a
 * right-only term into a sum term.
 */
function mergeTerm(terms: StencilTerm[], term: StencilTerm): void {
  for (let k = 0; k < terms.length; k++) {
    const other = terms[k];
    if (other.s !== term.s || other.t !== term.t) continue;
    if (!other.sum && other.u !== null && term.u !== null) {
      // u1·w1 + u2·w2 with w2 = c·w1 is (u1 + c·u2)·w1; w null on both sides means c = 1.
      const c = other.w === null && term.w === null ? ([1, 0] as [number, number]) : ratio(other.w, term.w);
      if (c !== null) {
        other.u = addInto(other.u, term.u, c);
        return;
      }
    }
    if (!other.sum && other.w !== null && term.w !== null && other.u === null && term.u === null) {
      other.w = addInto(other.w, term.w);
      return;
    }
    const leftOnly = (x: StencilTerm) => !x.sum && x.w === null && x.u !== null;
    const rightOnly = (x: StencilTerm) => !x.sum && x.u === null && x.w !== null;
    if (other.sum || (leftOnly(other) && rightOnly(term)) || (rightOnly(other) && leftOnly(term))) {
      const n2 = (other.u ?? other.w ?? term.u ?? term.w ?? new Float64Array(0)).length;
      const u = other.sum ? (other.u as Float64Array) : new Float64Array(n2);
      const w = other.sum ? (other.w as Float64Array) : new Float64Array(n2);
      if (!other.sum) {
        if (leftOnly(other)) u.set(other.u as Float64Array);
        else w.set(other.w as Float64Array);
      }
      if (leftOnly(term)) terms[k] = { ...other, sum: true, u: addInto(u, term.u as Float64Array), w };
      else if (rightOnly(term)) terms[k] = { ...other, sum: true, u, w: addInto(w, term.w as Float64Array) };
      else continue;
      return;
    }
  }
  terms.push(term);
}

/** Restricts a term's loops to rows/columns where the source exists and the factors are nonzero. */
function setRange(term: StencilTerm, n: number): boolean {
  const nz = (v: Float64Array | null, lo: number, hi: number): [number, number] => {
    if (v === null) return [lo, hi];
    let a = lo;
    while (a < hi && v[2 * a] === 0 && v[2 * a + 1] === 0) a++;
    let b = hi;
    while (b > a && v[2 * b - 2] === 0 && v[2 * b - 1] === 0) b--;
    return [a, b];
  };
  const i0 = Math.max(0, -term.s);
  const i1 = Math.min(n, n - term.s);
  const j0 = Math.max(0, -term.t);
  const j1 = Math.min(n, n - term.t);
  if (term.sum) {
    [term.iLo, term.iHi, term.jLo, term.jHi] = [i0, i1, j0, j1];
  } else {
    [term.iLo, term.iHi] = nz(term.u, i0, i1);
    [term.jLo, term.jHi] = nz(term.w, j0, j1);
  }
  return term.iLo < term.iHi && term.jLo < term.jHi;
}

/** Checks on a random Hermitian matrix whether the generator maps it to a Hermitian one. */
function preservesHermiticity(apply: (out: Float64Array, x: Float64Array) => void, n: number): boolean {
  const x = new Float64Array(2 * n * n);
  let seed = 12345;
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296 - 0.5;
  };
  for (let i = 0; i < n; i++) {
    x[2 * (i * n + i)] = rand();
    for (let j = i + 1; j < n; j++) {
      const re = rand();
      const im = rand();
      x[2 * (i * n + j)] = re;
      x[2 * (i * n + j) + 1] = im;
      x[2 * (j * n + i)] = re;
      x[2 * (j * n + i) + 1] = -im;
    }
  }
  const y = new Float64Array(2 * n * n);
  apply(y, x);
  let scale = 0;
  let defect = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const a = 2 * (i * n + j);
      const b = 2 * (j * n + i);
      scale = Math.max(scale, Math.abs(y[a]), Math.abs(y[a + 1]));
      defect = Math.max(defect, Math.abs(y[a] - y[b]), Math.abs(y[a + 1] + y[b + 1]));
    }
  }
  return defect <= 1e-13 * Math.max(scale, 1e-300);
}
