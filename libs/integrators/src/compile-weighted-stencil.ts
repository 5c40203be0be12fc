import type { CsrMatrix } from '@qsync/linalg';
import { IM, RE, termKinds } from './fused-stencil-term';
import type { FusedTerm } from './fused-stencil-term';
import { generateWasmKernel } from './compile-weighted-stencil-wasm';
import type { WasmKernelExtension, WasmKernelExtensionHandle, WasmStencilKernel } from './compile-weighted-stencil-wasm';

/** One product scale·A·ρ·B of a superoperator sum; a missing `left` or `right` is the identity. */
export interface OperatorSandwich {
  readonly left?: CsrMatrix;
  readonly right?: CsrMatrix;
  /** real factor (default 1), e.g. a dissipator's rate */
  readonly scale?: number;
}

/** Options of {@link compileWeightedStencil}. */
export interface WeightedStencilConfig {
  /** Hilbert-space dimension n (every operator is n×n) */
  readonly n: number;
  /**
   * true when the caller guarantees that the weighted sum maps Hermitian ρ to Hermitian output
   * for the weights it will pass: then only the upper triangle is computed (default false)
   */
  readonly hermitian?: boolean;
  /**
   * per group, whether its runtime weight is real (its imaginary part is then ignored and the
   * generated code skips it) or complex; default all 'complex'
   */
  readonly weightKinds?: readonly ('real' | 'complex')[];
  /**
   * 'auto' (default): 'wasm' where the runtime has WebAssembly SIMD and the module's memory
   * (about 2 × 16n² bytes) stays below 256 MiB, else 'js'; 'js': a generated
   * JavaScript function (the fallback and the reference); 'wasm': a generated WebAssembly module
   * with f64x2 SIMD, 2–3× faster (ρ is copied into its memory per call), which throws where the
   * runtime has no WebAssembly SIMD.
   */
  readonly backend?: 'js' | 'wasm' | 'auto';
  /**
   * a second function compiled into the WebAssembly module of a Hermitian stencil (ignored on
   * the JavaScript backend): a loop that calls the kernel without leaving WebAssembly, e.g. a
   * whole stochastic step; see `WeightedStencil.extension`
   */
  readonly extension?: WasmKernelExtension;
}

/** A compiled weighted superoperator sum; see {@link compileWeightedStencil}. */
export interface WeightedStencil {
  readonly n: number;
  /** number of groups, i.e. of weights (2 numbers each, re and im) */
  readonly groups: number;
  readonly hermitian: boolean;
  /** number of fused stencil terms evaluated per output entry */
  readonly terms: number;
  /**
   * how far below the diagonal the upper-triangle paths read ρ: entries (r, c) with
   * r − c ≤ lowerReach (max over terms of s − t, at least 0)
   */
  readonly lowerReach: number;
  /** the backend compiled for the full and upper-triangle paths */
  readonly backend: 'js' | 'wasm';
  /**
   * the WebAssembly backend's own result buffer (2n² numbers), null for 'js': passing it as
   * `out` saves the copy of the result out of the module's memory. It is overwritten by the next
   * call.
   */
  readonly output: Float64Array | null;
  /**
   * the WebAssembly backend's own input buffer (2n² numbers, full and upper paths), null for
   * 'js': ρ passed as it is read without a copy — a loop can keep its state there (it is shared
   * by every caller of this stencil).
   */
  readonly input: Float64Array | null;
  /**
   * Hermitian stencils on the WebAssembly backend, null otherwise: right after `applyUpperInto`
   * into `output`, writes target ← scale·(that upper triangle) with the lower triangle as its
   * conjugate and a real diagonal — each entry the same single multiplication as a JavaScript
   * loop would make, at SIMD speed, and one memcpy out (e.g. the trace renormalisation of a
   * stochastic step); none when `target` is `input` (a loop stepping ρ in place there). Allocates nothing.
   */
  readonly scaledMirrorInto: ((target: Float64Array, scale: number) => void) | null;
  /** the compiled `extension` (WebAssembly backend with one configured), null otherwise */
  readonly extension: WasmKernelExtensionHandle | null;
  /** out = Σ_g weight_g · Σ_{p ∈ g} scale_p A_p ρ B_p on all of ρ (2n² numbers). Allocates nothing. */
  applyInto(out: Float64Array, rho: Float64Array, weights: Float64Array): void;
  /**
   * Hermitian stencils only: writes the entries i ≤ j of the result; the lower triangle of `out`
   * is left untouched ('js', and 'wasm' into its own `output`) or written as the mirror image
   * ('wasm' into another array): the caller mirrors it, e.g. in a pass it makes anyway.
   */
  applyUpperInto(out: Float64Array, rho: Float64Array, weights: Float64Array): void;
  /**
   * Hermitian stencils only, on the packed upper triangle (row i holds ρ_ii … ρ_i,n−1; n(n + 1)
   * numbers, see `packHermitianInto`) for input and output: half the memory of the full
   * layout, no mirror.
   */
  applyPackedInto(out: Float64Array, rho: Float64Array, weights: Float64Array): void;
}

/**
 * Compiles a weighted sum of superoperator products, ρ ↦ Σ_g weight_g Σ_{p ∈ g} scale_p·A_p ρ B_p,
 * into one fused, matrix-free kernel: every operator is split into its shifted diagonals, the
 * products become stencil terms c(i, j)·ρ[i + s][j + t], terms of equal shift merge, and a
 * JavaScript function with the shifts, ranges and coefficient kinds (real, imaginary, complex)
 * written in as constants is generated once, so that each output entry is one pass over all
 * terms instead of one pass per term. The weights are set per call (a step's dt and Wiener
 * increments), folded into per-row factors, so changing them costs O(n).
 *
 * @param groups per group, the products A·ρ·B it sums
 * @param config `{ n, hermitian = false, weightKinds = all 'complex', backend = 'auto' }`
 * @throws Error naming the field: n not a positive integer, an operator not n×n, a scale not
 *   finite, weightKinds of the wrong length
 * @example
 * // ρ ↦ 2·σ⁻ρσ⁺ + (−1)·ρ on a qubit (basis |0⟩, |1⟩; σ⁻ = |0⟩⟨1|)
 * const sm = csrFromTriplets(2, 2, [0], [1], [1]);
 * const k = compileWeightedStencil([[{ left: sm, right: csrAdjoint(sm) }], [{}]], { n: 2, hermitian: true });
 * const out = new Float64Array(8);
 * k.applyInto(out, Float64Array.of(0, 0, 0, 0, 0, 0, 1, 0), Float64Array.of(2, 0, -1, 0));
 * out; // Float64Array [2, 0, 0, 0, 0, 0, -1, 0]
 */
export function compileWeightedStencil(groups: readonly (readonly OperatorSandwich[])[], config: WeightedStencilConfig): WeightedStencil {
  const fn = 'compileWeightedStencil';
  const n = config.n;
  if (!(Number.isInteger(n) && n >= 1)) throw new Error(`${fn}: 'n' must be a positive integer, got ${String(n)}`);
  if (!Array.isArray(groups) || groups.length === 0) throw new Error(`${fn}: 'groups' must list at least one group`);
  const kinds = config.weightKinds ?? groups.map(() => 'complex' as const);
  if (kinds.length !== groups.length) {
    throw new Error(`${fn}: 'weightKinds' must have one entry per group (${groups.length}), got ${kinds.length}`);
  }
  const terms: FusedTerm[] = [];
  let sumTerm: FusedTerm | null = null;
  const sum = (): FusedTerm => (sumTerm ??= pushTerm(terms, { s: 0, t: 0, sum: true, parts: [], w: null, wParts: [] }));

  groups.forEach((group: readonly OperatorSandwich[], g: number) => {
    group.forEach((p: OperatorSandwich, k: number) => {
      const where = `groups[${g}][${k}]`;
      for (const side of ['left', 'right'] as const) {
        const m = p[side];
        if (m !== undefined && (m.rows !== n || m.cols !== n)) {
          throw new Error(`${fn}: ${where}.${side} must be ${n}×${n}, got ${m.rows}×${m.cols}`);
        }
      }
      const scale = p.scale ?? 1;
      if (!Number.isFinite(scale)) throw new Error(`${fn}: ${where}.scale must be finite, got ${String(scale)}`);
      if (scale === 0) return;
      // the scale goes into the left factor, or into the right one when there is no left operator
      // (so that ρ·B stays a right-only term and can join the sum term on the main diagonal)
      const onLeft = p.left !== undefined || p.right === undefined;
      const lefts: [number, Float64Array | null][] =
        p.left === undefined ? [[0, onLeft && scale !== 1 ? constant(n, scale) : null]] : [...rowDiagonals(p.left, scale)];
      const rights: [number, Float64Array | null][] = p.right === undefined ? [[0, null]] : [...columnDiagonals(p.right, onLeft ? 1 : scale)];
      for (const [d1, u] of lefts) {
        for (const [d2, w] of rights) addContribution(d1, -d2, g, u, w);
      }
    });
  });

  function addContribution(s: number, t: number, group: number, u: Float64Array | null, w: Float64Array | null): void {
    if (s === 0 && t === 0 && w === null) {
      sum().parts.push({ group, u });
      return;
    }
    if (s === 0 && t === 0 && u === null) {
      sum().wParts.push({ group, w: w as Float64Array });
      return;
    }
    for (const term of terms) {
      if (term.sum || term.s !== s || term.t !== t) continue;
      if (term.w === null && w === null) {
        term.parts.push({ group, u });
        return;
      }
      const c = ratio(term.w, w);
      if (c !== null) {
        term.parts.push({ group, u: scaledCopy(u ?? constant(n, 1), c) });
        return;
      }
    }
    terms.push({ s, t, sum: false, parts: [{ group, u }], w, wParts: [] });
  }

  const live = terms.filter((term) => term.parts.length > 0 || term.wParts.length > 0);
  const hermitian = config.hermitian === true;
  const backend = config.backend ?? 'auto';
  if (backend !== 'js' && backend !== 'wasm' && backend !== 'auto') {
    throw new Error(`${fn}: 'backend' must be 'js', 'wasm' or 'auto', got ${String(backend)}`);
  }
  // 'auto' keeps large states in JavaScript: the module holds ρ and the result
  const maxBytes = backend === 'auto' ? 2 ** 28 : 2 ** 31;
  const wasm: WasmStencilKernel | null = backend === 'js' ? null : generateWasmKernel(live, n, kinds, hermitian ? 'upper' : 'full', maxBytes, hermitian ? (config.extension ?? null) : null);
  if (wasm === null && backend === 'wasm') throw new Error(`${fn}: backend 'wasm' needs WebAssembly with 128-bit SIMD and a module memory below 2 GiB (n = ${n})`);
  const kernel: Kernel =
    wasm === null ? generateKernel(live, n, kinds, hermitian ? 'upper' : 'full') : (out, rho, weights) => wasm.run(out, rho, weights, false);
  let packedKernel: Kernel | null = null; // generated on first use
  const check = (out: Float64Array, rho: Float64Array, weights: Float64Array, size: number) => {
    if (out.length !== size || rho.length !== size) {
      throw new Error(`${fn}: out and rho must hold ${size} numbers, got ${out.length} and ${rho.length}`);
    }
    if (weights.length < 2 * groups.length) throw new Error(`${fn}: 'weights' must hold ${2 * groups.length} numbers (re, im per group), got ${weights.length}`);
    if (out === rho) throw new Error(`${fn}: out must not be rho (the stencil reads neighbours of what it writes)`);
  };
  const needHermitian = (what: string) => {
    if (!hermitian) throw new Error(`${fn}: ${what} needs a stencil compiled with hermitian: true`);
  };
  let lowerReach = 0;
  for (const term of live) lowerReach = Math.max(lowerReach, term.s - term.t);
  return {
    n,
    groups: groups.length,
    hermitian,
    terms: live.length,
    lowerReach,
    backend: wasm === null ? 'js' : 'wasm',
    output: wasm === null ? null : wasm.output,
    input: wasm === null ? null : wasm.input,
    scaledMirrorInto: wasm === null || !hermitian ? null : (target, scale) => wasm.scaledMirrorInto(target, scale),
    extension: wasm === null ? null : wasm.extension,
    applyInto(out, rho, weights) {
      check(out, rho, weights, 2 * n * n);
      if (wasm !== null) {
        wasm.run(out, rho, weights, hermitian);
        return;
      }
      kernel(out, rho, weights);
      if (hermitian) mirrorUpper(out, n);
    },
    applyUpperInto(out, rho, weights) {
      needHermitian('applyUpperInto');
      check(out, rho, weights, 2 * n * n);
      kernel(out, rho, weights);
    },
    applyPackedInto(out, rho, weights) {
      needHermitian('applyPackedInto');
      check(out, rho, weights, n * (n + 1));
      packedKernel ??= packedBackend(live, n, kinds, wasm !== null, maxBytes);
      packedKernel(out, rho, weights);
    },
  };
}

/** The packed-layout kernel: WebAssembly when the other layouts run there, else JavaScript. */
function packedBackend(terms: readonly FusedTerm[], n: number, kinds: readonly ('real' | 'complex')[], wasm: boolean, maxBytes: number): Kernel {
  const k = wasm ? generateWasmKernel(terms, n, kinds, 'packed', maxBytes) : null;
  return k === null ? generateKernel(terms, n, kinds, 'packed') : (out, rho, weights) => k.run(out, rho, weights, false);
}

function pushTerm(terms: FusedTerm[], term: FusedTerm): FusedTerm {
  terms.push(term);
  return term;
}

/** Lower triangle ← conjugate of the upper one; real diagonal. */
function mirrorUpper(out: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    out[2 * (i * n + i) + 1] = 0;
    for (let j = i + 1; j < n; j++) {
      out[2 * (j * n + i)] = out[2 * (i * n + j)];
      out[2 * (j * n + i) + 1] = -out[2 * (i * n + j) + 1];
    }
  }
}

function constant(n: number, c: number): Float64Array {
  const u = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) u[2 * i] = c;
  return u;
}

function scaledCopy(a: Float64Array, c: [number, number]): Float64Array {
  const out = new Float64Array(a.length);
  for (let k = 0; k < a.length; k += 2) {
    out[k] = c[0] * a[k] - c[1] * a[k + 1];
    out[k + 1] = c[0] * a[k + 1] + c[1] * a[k];
  }
  return out;
}

/** Diagonals of A by offset d = col − row: u[i] = scale·A[i][i + d]. */
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

/** Diagonals of B by offset d = col − row, indexed by column: w[j] = scale·B[j − d][j]. */
function columnDiagonals(b: CsrMatrix, scale: number): Map<number, Float64Array> {
  const diags = new Map<number, Float64Array>();
  for (let r = 0; r < b.rows; r++) {
    for (let k = b.rowPtr[r]; k < b.rowPtr[r + 1]; k++) {
      const j = b.colIdx[k];
      let w = diags.get(j - r);
      if (w === undefined) diags.set(j - r, (w = new Float64Array(2 * b.cols)));
      w[2 * j] += scale * b.data[2 * k];
      w[2 * j + 1] += scale * b.data[2 * k + 1];
    }
  }
  return diags;
}

/** The complex c with b = c·a entry-wise, or null (a or b null, zero, or not proportional). */
function ratio(a: Float64Array | null, b: Float64Array | null): [number, number] | null {
  if (a === null || b === null) return null;
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

/** A symbolic complex number: JavaScript expressions of its parts, null for a part known to be 0. */
interface Sym {
  readonly re: string | null;
  readonly im: string | null;
}

function add(...xs: (string | null)[]): string | null {
  const live = xs.filter((x): x is string => x !== null);
  if (live.length === 0) return null;
  if (live.length === 1) return live[0];
  // x + -(y) as x - y: one operation fewer in the generated code
  const tail = live.slice(1).map((t) => (t.startsWith('-(') && t.endsWith(')') ? ` - ${t.slice(2, -1)}` : ` + ${t}`));
  return `(${live[0]}${tail.join('')})`;
}

function prod(a: string | null, b: string | null): string | null {
  return a === null || b === null ? null : `${a} * ${b}`;
}

function neg(a: string | null): string | null {
  return a === null ? null : `-(${a})`;
}

function mul(a: Sym, b: Sym): Sym {
  return { re: add(prod(a.re, b.re), neg(prod(a.im, b.im))), im: add(prod(a.re, b.im), prod(a.im, b.re)) };
}

function sym(name: string, kind: number): Sym {
  return { re: kind & RE ? `${name}r` : null, im: kind & IM ? `${name}i` : null };
}

type Kernel = (out: Float64Array, x: Float64Array, g: Float64Array) => void;

/**
 * Generates the fused kernel. Each output row i is split into columns where every term's
 * source exists (no checks, the hot loop) and a few edge columns where each term is guarded;
 * rows where some term's source row is missing are guarded throughout.
 */
function generateKernel(terms: readonly FusedTerm[], n: number, weightKinds: readonly ('real' | 'complex')[], layout: 'full' | 'upper' | 'packed'): Kernel {
  const half = layout !== 'full';
  const packed = layout === 'packed';
  const arrays: Float64Array[] = [];
  const arrayName = (a: Float64Array): string => {
    let k = arrays.indexOf(a);
    if (k < 0) k = arrays.push(a) - 1;
    return `a${k}`;
  };
  const gKind = (g: number) => (weightKinds[g] === 'real' ? RE : RE | IM);
  const head: string[] = [];
  const usedGroups = new Set<number>();
  for (const term of terms) for (const p of [...term.parts, ...term.wParts]) usedGroups.add(p.group);
  for (const g of usedGroups) {
    head.push(`const g${g}r = g[${2 * g}];`);
    if (gKind(g) & IM) head.push(`const g${g}i = g[${2 * g + 1}];`);
  }
  const perCall: string[] = [];
  const perRow: string[] = [];
  const loads: string[] = []; // per term: its column factor's loads
  const coefs: Sym[] = []; // per term: its coefficient c(i, j)
  let iLo = 0;
  let iHi = n;
  let jLo = 0;
  let jHi = n;
  const ranges: [number, number, number, number][] = [];
  terms.forEach((term, q) => {
    const ti0 = Math.max(0, -term.s);
    const ti1 = Math.min(n, n - term.s);
    const tj0 = Math.max(0, -term.t);
    const tj1 = Math.min(n, n - term.t);
    ranges.push([ti0, ti1, tj0, tj1]);
    iLo = Math.max(iLo, ti0);
    iHi = Math.min(iHi, ti1);
    jLo = Math.max(jLo, tj0);
    jHi = Math.min(jHi, tj1);
    // ũ_i = Σ g·u[i]; a product term whose u are all constant is a column term: its whole
    // coefficient g·u·w[j] is formed once per call, the hot loop only loads it
    const columnOnly = termKinds.columnOnly(term);
    const at = columnOnly ? '0' : '2 * i';
    let uKind = 0;
    const uRe: (string | null)[] = [];
    const uIm: (string | null)[] = [];
    for (const p of term.parts) {
      const k = termKinds.kindOf(p.u);
      const gs = sym(`g${p.group}`, gKind(p.group));
      const us: Sym = p.u === null ? { re: '1', im: null } : { re: k & RE ? `${arrayName(p.u)}[${at}]` : null, im: k & IM ? `${arrayName(p.u)}[${at} + 1]` : null };
      const v = p.u === null ? gs : mul(gs, us);
      uKind |= termKinds.mulKind(gKind(p.group), k);
      uRe.push(v.re);
      uIm.push(v.im);
    }
    const uSym = sym(`u${q}`, uKind);
    const uLines = [uSym.re !== null ? `const u${q}r = ${add(...uRe) ?? '0'};` : '', uSym.im !== null ? `const u${q}i = ${add(...uIm) ?? '0'};` : ''];
    if (columnOnly) {
      const wk = termKinds.kindOf(term.w);
      const cKind = termKinds.mulKind(uKind, wk);
      const col = arrayName(new Float64Array(2 * n));
      const w = arrayName(term.w as Float64Array);
      const v = mul(uSym, { re: wk & RE ? `${w}[k]` : null, im: wk & IM ? `${w}[k + 1]` : null });
      perCall.push(...uLines, `for (let k = 0; k < ${2 * n}; k += 2) { ${col}[k] = ${v.re ?? '0'}; ${col}[k + 1] = ${v.im ?? '0'}; }`);
      const cs = sym(`w${q}`, cKind);
      loads.push([cs.re !== null ? `const w${q}r = ${col}[k];` : '', cs.im !== null ? `const w${q}i = ${col}[k + 1];` : ''].join(' '));
      coefs.push(cs);
    } else {
      perRow.push(...uLines);
    }
    perRow.push(
      packed
        ? `const r${q} = i + ${term.s}; const b${q} = 2 * (${packedRow(`r${q}`, n)} + ${term.t} - r${q});`
        : `const b${q} = 2 * ((i + ${term.s}) * ${n} + ${term.t});`,
    );
    if (columnOnly) return;
    let c: Sym;
    if (term.sum) {
      // w̃_j = Σ g·w[j], recomputed per call into its own array (O(n))
      let wKind = 0;
      const wt = new Float64Array(2 * n);
      const name = arrayName(wt);
      const lines: string[] = [];
      for (const p of term.wParts) {
        const k = termKinds.kindOf(p.w);
        wKind |= termKinds.mulKind(gKind(p.group), k);
        const v = mul(sym(`g${p.group}`, gKind(p.group)), { re: k & RE ? `${arrayName(p.w)}[k]` : null, im: k & IM ? `${arrayName(p.w)}[k + 1]` : null });
        lines.push(`${name}[k] += ${v.re ?? '0'}; ${name}[k + 1] += ${v.im ?? '0'};`);
      }
      if (lines.length > 0) perCall.push(`${name}.fill(0);`, `for (let k = 0; k < ${2 * n}; k += 2) { ${lines.join(' ')} }`);
      const w = sym(`w${q}`, wKind);
      c = { re: add(uSym.re, w.re), im: add(uSym.im, w.im) };
      loads.push([w.re !== null ? `const w${q}r = ${name}[k];` : '', w.im !== null ? `const w${q}i = ${name}[k + 1];` : ''].join(' '));
    } else {
      const wk = termKinds.kindOf(term.w);
      const name = term.w === null ? '' : arrayName(term.w);
      const w: Sym = term.w === null ? { re: '1', im: null } : sym(`w${q}`, wk);
      c = term.w === null ? uSym : mul(uSym, w);
      loads.push(
        [term.w !== null && wk & RE ? `const w${q}r = ${name}[k];` : '', term.w !== null && wk & IM ? `const w${q}i = ${name}[k + 1];` : ''].join(' '),
      );
    }
    coefs.push(c);
  });
  const unchecked = terms.map((_, q) => `${loads[q]} ${accumulate(coefs[q], `x[b${q} + k]`, `x[b${q} + k + 1]`)}`).join('\n');
  // packed: a source (r, c) below the diagonal is the conjugate of (c, r), stored in row c
  const read = (q: number) =>
    packed
      ? `const c${q} = (k >> 1) + ${terms[q].t}; let xr = 0; let xi = 0;
         if (c${q} >= r${q}) { const p = b${q} + k; xr = x[p]; xi = x[p + 1]; }
         else { const p = 2 * (${packedRow(`c${q}`, n)} + r${q} - c${q}); xr = x[p]; xi = -x[p + 1]; }`
      : `const xr = x[b${q} + k]; const xi = x[b${q} + k + 1];`;
  const checked = terms
    .map((_, q) => `if (ok${q} && k >= ${2 * ranges[q][2]} && k < ${2 * ranges[q][3]}) { ${read(q)} ${loads[q]} ${accumulate(coefs[q], 'xr', 'xi')} }`)
    .join('\n');
  // packed: the hot loop starts where every source lies on or above the diagonal, j − i ≥ s − t
  let band = 0;
  for (const term of terms) band = Math.max(band, term.s - term.t);
  const rowOk = ranges.map(([i0, i1], q) => `const ok${q} = i >= ${i0} && i < ${i1};`).join('\n');
  const loop = (from: string, to: string, body: string) =>
    `for (let k = ${from}; k < ${to}; k += 2) { let ar = 0; let ai = 0;\n${body}\nout[o + k] = ar; out[o + k + 1] = ai; }`;
  const src = `
'use strict';
${arrays.map((_, k) => `const A${k} = arrays[${k}];`).join('\n')}
return function stencilKernel(out, x, g) {
${arrays.map((_, k) => `const a${k} = A${k};`).join('\n')}
${head.join('\n')}
${perCall.join('\n')}
for (let i = 0; i < ${n}; i++) {
  const o = ${packed ? `2 * (${packedRow('i', n)} - i)` : `2 * i * ${n}`};
  const k0 = ${half ? '2 * i' : '0'};
${perRow.join('\n')}
${rowOk}
  let m0 = k0;
  let m1 = k0;
  if (i >= ${iLo} && i < ${iHi}) {
    const kb = ${packed ? `k0 + ${2 * band}` : 'k0'};
    const ma = kb > ${2 * jLo} ? kb : ${2 * jLo};
    m0 = ma < ${2 * n} ? ma : ${2 * n};
    m1 = m0 > ${2 * jHi} ? m0 : ${2 * jHi};
  }
  ${loop('m0', 'm1', unchecked)}
  // the edges [k0, m0) and [m1, 2n) in one loop (one copy of the guarded code)
  for (let k = k0; k < ${2 * n}; k += 2) {
    if (k === m0) { k = m1; if (k >= ${2 * n}) break; }
    let ar = 0; let ai = 0;
    ${checked}
    out[o + k] = ar; out[o + k + 1] = ai;
  }
}
};`;
  // Generated from numbers only (shifts, ranges, array slots): V8 compiles straight-line code for
  // this term list instead of a loop over term objects. Kernels of the same source share one
  // factory, hence one feedback vector and one optimised code: a second solve of the same
  // generator starts warm.
  let factory = factories.get(src);
  if (factory === undefined) {
    if (factories.size >= MAX_FACTORIES) factories.delete(factories.keys().next().value as string);
    factory = new Function('arrays', src) as (arrays: Float64Array[]) => Kernel;
    factories.set(src, factory);
  }
  return factory(arrays);
}

const MAX_FACTORIES = 256;
const factories = new Map<string, (arrays: Float64Array[]) => Kernel>();

/** Complex index of the first entry (r, r) of row r of a packed upper triangle, as an expression. */
function packedRow(r: string, n: number): string {
  return `(${r} * ${n} - ((${r} * (${r} - 1)) >> 1))`;
}

/** ar/ai += c·(xr + i·xi) for a coefficient c of known kind. */
function accumulate(c: Sym, xr: string, xi: string): string {
  const re = add(prod(c.re, xr), neg(prod(c.im, xi)));
  const im = add(prod(c.re, xi), prod(c.im, xr));
  const acc = (name: string, v: string | null) =>
    v === null ? '' : v.startsWith('-(') && v.endsWith(')') ? `${name} -= ${v.slice(2, -1)};` : `${name} += ${v};`;
  return `${acc('ar', re)} ${acc('ai', im)}`;
}
