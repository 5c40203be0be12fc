import { IM, RE, termKinds } from './fused-stencil-term';
import type { FusedTerm } from './fused-stencil-term';
import { WasmBody } from './wasm-body';

/** A fused stencil kernel compiled to WebAssembly; see {@link generateWasmKernel}. */
export interface WasmStencilKernel {
  /** the kernel's own input buffer (2n² numbers, packed n(n + 1), in its memory): ρ passed as this is not copied */
  readonly input: Float64Array;
  /** the kernel's own output buffer (2n² numbers, packed n(n + 1), in its memory): `out` passed as this is not copied */
  readonly output: Float64Array;
  /**
   * out ← the weighted sum on the layout compiled for ('full': every entry; 'upper': the entries
   * i ≤ j, and with `mirror` the lower triangle as their conjugates and a real diagonal;
   * 'packed': the packed upper triangle).
   * Allocates nothing.
   */
  run(out: Float64Array, rho: Float64Array, weights: Float64Array, mirror: boolean): void;
  /**
   * 'upper' only, after a `run` into `output`: target ← scale·(its upper triangle), the lower
   * triangle as the conjugate and a real diagonal (each entry one multiplication, as in
   * JavaScript). Allocates nothing. `target` may be `input`: the module writes it there (the
   * next run reads it without a copy) and leaves `output` unscaled.
   */
  scaledMirrorInto(target: Float64Array, scale: number): void;
  /** the compiled extension, or null without one */
  readonly extension: WasmKernelExtensionHandle | null;
}

/** Where a kernel keeps its data in the module's memory (byte offsets), for a {@link WasmKernelExtension}. */
export interface WasmKernelLayout {
  readonly n: number;
  /** the weights: group g's (re, im) as two f64 at 16g */
  readonly weights: 0;
  /** entry (i, j) of ρ (the input) at x0 + 16(i·n + j), re then im */
  readonly x0: number;
  /** entry (i, j) of the result at y + 16(i·n + j) */
  readonly y: number;
  /** the f64 factor that `run(2)` / `run(3)` (scaled mirror into the result / into ρ) multiply by */
  readonly scale: number;
  /** the extension's own memory: `bytes` bytes from here, 16-byte aligned, zero at the start */
  readonly extra: number;
}

/**
 * A second exported function compiled into a kernel's module (internal to the libraries that
 * generate SIMD loops around a stencil): it shares the kernel's memory and may call the kernel,
 * function 0, `run(mode)` (0: the upper triangle into the result; 2: result ← scale·result
 * mirrored; 3: ρ ← scale·result mirrored, real diagonal).
 */
export interface WasmKernelExtension {
  /** export name of the function */
  readonly name: string;
  /** bytes of memory it needs beyond the kernel's */
  readonly bytes: number;
  /** writes its body ([i32] → [i32]: parameter local 0) */
  emit(body: WasmBody, layout: WasmKernelLayout): void;
  /** further functions of the same kind (function 2, 3, … of the module), by export name */
  readonly more?: readonly { readonly name: string; emit(body: WasmBody, layout: WasmKernelLayout): void }[];
}

/** The compiled extension of a kernel: its function and the module's memory. */
export interface WasmKernelExtensionHandle {
  readonly layout: WasmKernelLayout;
  /** the module's whole memory as doubles (it never grows) */
  readonly f64: Float64Array;
  /** the module's whole memory as 32-bit integers */
  readonly i32: Int32Array;
  /** calls the extension's function */
  call(param: number): number;
  /** the functions of `more`, by name */
  readonly functions: Readonly<Record<string, (param: number) => number>>;
}

/** The part of the WebAssembly JavaScript API used here (the project's TypeScript libs carry no DOM types). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
}
const wasmApi = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

const V = 16; // bytes per complex entry (one f64x2)
// v128 masks (little-endian bytes): the sign bit of lane 0 or 1; all bits of lane 0
const SIGN_LANE0 = [0, 0, 0, 0, 0, 0, 0, 0x80, 0, 0, 0, 0, 0, 0, 0, 0];
const SIGN_LANE1 = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x80];
const LANE0 = [255, 255, 255, 255, 255, 255, 255, 255, 0, 0, 0, 0, 0, 0, 0, 0];

/** true when this runtime compiles WebAssembly with 128-bit SIMD. */
function simdAvailable(): boolean {
  if (wasmApi === undefined) return false;
  const b = new WasmBody();
  const x = b.local('v128');
  b.f64x2Const(1, 2).localSet(x);
  b.f64x2SwapOf(x).bytesConst(SIGN_LANE0).v128Xor().localSet(x);
  try {
    return wasmApi.validate(b.module(1));
  } catch {
    return false;
  }
}

let simd: boolean | undefined;
const MAX_MODULES = 64;
const modules = new Map<string, object>();

/**
 * Compiles fused stencil terms (see `compileWeightedStencil`) into a WebAssembly module with
 * f64x2 SIMD, one complex entry (re, im) per 128-bit lane pair: the shifts, ranges and
 * coefficient kinds are written into the code as constants (no descriptor table at run time),
 * ρ and the result live in the module's memory. Per output entry every term adds c·x with
 * c = ũ_i·w_j (product) or ũ_i + w̃_j (sum); real and imaginary parts of the coefficients are
 * kept apart in lane-duplicated vectors, so a real coefficient costs one multiply per entry, and
 * the imaginary accumulator is rotated by i once per entry, not once per term. Row factors
 * ũ_i = Σ g·u[i] are formed in the module per row, column vectors that depend on the weights
 * (the sum term's w̃ and terms whose row factor is constant) in JavaScript once per call (O(n)).
 * Modules of equal code (same term structure and n, whatever the coefficients) share one compiled
 * module, so a second kernel of the same shape starts with the engine's optimised code.
 * Returns null when the runtime lacks WebAssembly SIMD or the memory would exceed `maxBytes`.
 *
 * @param terms the fused terms (internal representation of `compileWeightedStencil`)
 * @param n Hilbert-space dimension
 * @param weightKinds per group, whether its weight is real
 * @param maxBytes largest module memory (ρ and the result take about 2 × 16n² bytes)
 * @param layout 'full', 'upper' or 'packed' (ρ and the result as packed upper triangles, n(n + 1)
 *   numbers: ρ is unpacked into both triangles of the module's copy, the upper result packed)
 * @param extension a second function compiled into the module ('upper' layout only), e.g. a
 *   whole stochastic step around the kernel
 * @example
 * ```ts fragment
 * const k = generateWasmKernel(terms, n, ['real'], 'upper'); // internal: see compileWeightedStencil's backend option
 * ```
 */
export function generateWasmKernel(
  terms: readonly FusedTerm[],
  n: number,
  weightKinds: readonly ('real' | 'complex')[],
  layout: 'full' | 'upper' | 'packed',
  maxBytes: number,
  extension: WasmKernelExtension | null = null,
): WasmStencilKernel | null {
  simd ??= simdAvailable();
  if (!simd) return null;
  const G = weightKinds.length;
  const gKind = (g: number) => (weightKinds[g] === 'real' ? RE : RE | IM);
  const nV = n * V;

  // memory layout (bytes): weights | row-factor arrays | column arrays | X (ρ) | Y (result)
  let top = 16 * G;
  const alloc = (bytes: number) => {
    top = Math.ceil(top / 16) * 16;
    const at = top;
    top += bytes;
    return at;
  };
  interface RowPart {
    readonly group: number;
    readonly kind: number; // of g·u
    readonly uKind: number; // of u (0 when u is null: the part is g itself)
    readonly ur: number; // byte offsets of the lane-duplicated parts of u, −1 when absent
    readonly ui: number;
  }
  interface ColPart {
    readonly group: number;
    readonly u0: [number, number]; // the constant row factor
    readonly wr: number; // byte offsets of the lane-duplicated parts of w, −1 when absent
    readonly wi: number;
  }
  interface Plan {
    readonly term: FusedTerm;
    readonly rowParts: RowPart[]; // empty: no row factor (1), except for the sum term with no parts
    readonly rKind: number; // 0: no row factor
    readonly cKind: number; // 0: no column factor
    readonly cr: number; // byte offsets of the lane-duplicated column vector, −1 when absent
    readonly ci: number;
    /** the parts of a column vector formed once per call (sum term, constant row factor) */
    readonly colParts: ColPart[];
    /** the term adds nothing (a factor that is identically zero) */
    readonly zero: boolean;
  }
  const fixed: [number, Float64Array, 0 | 1][] = []; // lane-duplicated arrays written once: at, source, re/im
  const dupArray = (v: Float64Array, part: 0 | 1) => {
    const at = alloc(nV);
    fixed.push([at, v, part]);
    return at;
  };
  const plans: Plan[] = terms.map((term) => {
    const columnOnly = termKinds.columnOnly(term);
    const rowParts: RowPart[] = [];
    let rKind = 0;
    if (!columnOnly) {
      for (const p of term.parts) {
        const uKind = p.u === null ? 0 : termKinds.kindOf(p.u);
        const kind = termKinds.mulKind(gKind(p.group), p.u === null ? RE : uKind);
        if (kind === 0) continue;
        rKind |= kind;
        rowParts.push({
          group: p.group,
          kind,
          uKind,
          ur: p.u !== null && uKind & RE ? dupArray(p.u, 0) : -1,
          ui: p.u !== null && uKind & IM ? dupArray(p.u, 1) : -1,
        });
      }
    }
    let cKind = 0;
    let cr = -1;
    let ci = -1;
    const colParts: ColPart[] = [];
    if (term.sum || columnOnly) {
      // a column vector formed per call from the weights: Σ (g·u0)·w[j]
      const parts = term.sum ? term.wParts.map((p) => ({ group: p.group, u: null as Float64Array | null, w: p.w })) : term.parts.map((p) => ({ ...p, w: term.w as Float64Array }));
      for (const p of parts) {
        const wKind = termKinds.kindOf(p.w);
        const k = termKinds.mulKind(termKinds.mulKind(gKind(p.group), termKinds.kindOf(p.u)), wKind);
        if (k === 0) continue;
        cKind |= k;
        colParts.push({ group: p.group, u0: p.u === null ? [1, 0] : [p.u[0], p.u[1]], wr: wKind & RE ? dupArray(p.w, 0) : -1, wi: wKind & IM ? dupArray(p.w, 1) : -1 });
      }
      if (cKind & RE) cr = alloc(nV);
      if (cKind & IM) ci = alloc(nV);
    } else if (term.w !== null) {
      cKind = termKinds.kindOf(term.w);
      cr = cKind & RE ? dupArray(term.w, 0) : -1;
      ci = cKind & IM ? dupArray(term.w, 1) : -1;
    }
    const zero = (!term.sum && !columnOnly && rKind === 0) || ((columnOnly || (!term.sum && term.w !== null)) && cKind === 0) || (term.sum && rKind === 0 && cKind === 0);
    return { term, rowParts, rKind, cKind, cr, ci, colParts, zero };
  });
  // ρ is copied (one memcpy) into X, row-major as it is, between zero borders of R rows and P
  // entries. A term reads X at a constant offset (s·n + t) from its output entry and needs no
  // range check: where its source (i + s, j + t) lies outside ρ, its coefficient is exactly 0
  // (u_i = A[i][i + s] and w_j = B[j + t][j] vanish there; terms without a row or column factor
  // have s = 0 or t = 0), so the neighbouring row's entry or the border it reads adds ±0.
  // The packed layout is unpacked from STAGE into X by the module.
  let R = 0;
  let P = 0;
  for (const { term } of plans) {
    R = Math.max(R, Math.abs(term.s));
    P = Math.max(P, Math.abs(term.t));
  }
  const SX = nV; // bytes per row of X
  const packed = layout === 'packed';
  const STAGE = packed ? alloc(n * (n + 1) * 8) : -1;
  const X = alloc((n + 2 * R) * nV + 2 * P * V);
  const X0 = X + (R * n + P) * V; // entry (0, 0) of X
  const Y = alloc(n * nV);
  const PACK = packed ? alloc(n * (n + 1) * 8) : -1; // the packed result
  const SCALE = alloc(16); // the factor of scaledMirrorInto
  if (extension !== null && layout !== 'upper') throw new Error(`generateWasmKernel: an extension needs the 'upper' layout, got '${layout}'`);
  const EXTRA = extension === null ? -1 : alloc(extension.bytes);
  if (top > maxBytes) return null;
  const pages = Math.ceil(top / 65536);

  // --- code
  const b = new WasmBody();
  const i = b.local('i32');
  const r = b.local('i32'); // i·16: row index into the row-factor arrays
  const rowOff = b.local('i32'); // i·SX: row i of X (without its border offset)
  const j = b.local('i32'); // j·16 (column, bytes)
  const p = b.local('i32'); // rowOff + j
  const k0 = b.local('i32');
  const rowY = b.local('i32'); // i·n·16
  const x = b.local('v128');
  const zr = b.local('v128');
  const zi = b.local('v128');
  const accR = b.local('v128');
  const accI = b.local('v128');
  const gr = new Map<number, number>();
  const gi = new Map<number, number>();
  for (const plan of plans) {
    for (const { group } of [...plan.rowParts, ...plan.colParts]) {
      if (!gr.has(group)) gr.set(group, b.local('v128'));
      if (gKind(group) & IM && !gi.has(group)) gi.set(group, b.local('v128'));
    }
  }
  const rr = plans.map((pl) => (pl.rKind & RE ? b.local('v128') : -1));
  const ri = plans.map((pl) => (pl.rKind & IM ? b.local('v128') : -1));

  if (layout === 'upper') {
    // parameter 2: Y ← scale·Y mirrored (real diagonal); parameter 3: the same into X (ρ's next
    // step reads it in place, no copy; X's entry (i, j) sits at the same offset from X0 as Y's)
    for (const [mode, to] of [
      [2, Y],
      [3, X0],
    ]) {
      b.localGet(b.param).i32Const(mode).i32Eq().if();
      b.i32Const(0).f64Load(SCALE).f64x2Splat().localSet(zr);
      b.i32Const(0).localSet(i);
      b.loop();
      b.localGet(i).i32Const(nV + V).i32Mul().localTee(p); // (i, i)
      b.localGet(p).v128Load(Y).localGet(zr).f64x2Mul().bytesConst(LANE0).v128And().v128Store(to);
      b.localGet(p).localSet(rowOff); // (i, j), j > i
      b.localGet(p).localSet(k0); // (j, i)
      b.localGet(i).i32Const(1).i32Add().localSet(j);
      b.block().loop();
      b.localGet(j).i32Const(n).i32GeS().brIf(1);
      b.localGet(rowOff).i32Const(V).i32Add().localTee(rowOff);
      b.localGet(rowOff).v128Load(Y).localGet(zr).f64x2Mul().localTee(x).v128Store(to);
      b.localGet(k0).i32Const(nV).i32Add().localTee(k0);
      b.localGet(x).bytesConst(SIGN_LANE1).v128Xor().v128Store(to);
      b.localGet(j).i32Const(1).i32Add().localSet(j).br(0);
      b.end().end();
      b.localGet(i).i32Const(1).i32Add().localTee(i).i32Const(n).i32LtS().brIf(0);
      b.end();
      b.return();
      b.end();
    }
  }
  // weights, lane-duplicated, once per call
  for (const [g, loc] of gr) b.i32Const(0).f64Load(16 * g).f64x2Splat().localSet(loc);
  for (const [g, loc] of gi) b.i32Const(0).f64Load(16 * g + 8).f64x2Splat().localSet(loc);

  /** pushes Σ ± a ⊙ (pushed factor), or zero for no terms */
  const sumOfProducts = (terms: { a: number; push: () => void; sub: boolean }[]) => {
    if (terms.length === 0) {
      b.f64x2Const(0, 0);
      return;
    }
    terms.forEach(({ a, push, sub }, k) => {
      if (k === 0 && sub) b.f64x2Const(0, 0);
      b.localGet(a);
      push();
      b.f64x2Mul();
      if (sub) b.f64x2Sub();
      else if (k > 0) b.f64x2Add();
    });
  };
  // per call: the column vectors that depend on the weights, C[j] = Σ (g·u0)·w[j]
  const jc = b.local('i32');
  for (const plan of plans) {
    if (plan.colParts.length === 0 || plan.cKind === 0) continue;
    const aR: number[] = [];
    const aI: number[] = [];
    for (const cp of plan.colParts) {
      // a = g·u0 (lane-duplicated): re = gr·u0r − gi·u0i, im = gr·u0i + gi·u0r
      const g1 = gi.get(cp.group) ?? -1;
      const ar = b.local('v128');
      const ai = b.local('v128');
      const c = (v: number) => () => b.f64x2Const(v, v);
      sumOfProducts([{ a: gr.get(cp.group) as number, push: c(cp.u0[0]), sub: false }, ...(g1 >= 0 ? [{ a: g1, push: c(cp.u0[1]), sub: true }] : [])]);
      b.localSet(ar);
      sumOfProducts([{ a: gr.get(cp.group) as number, push: c(cp.u0[1]), sub: false }, ...(g1 >= 0 ? [{ a: g1, push: c(cp.u0[0]), sub: false }] : [])]);
      b.localSet(ai);
      aR.push(ar);
      aI.push(ai);
    }
    const load = (at: number) => () => b.localGet(jc).v128Load(at);
    b.i32Const(0).localSet(jc);
    b.loop();
    if (plan.cr >= 0) {
      // re = Σ ar·wr − ai·wi
      b.localGet(jc);
      sumOfProducts(plan.colParts.flatMap((cp, k) => [...(cp.wr >= 0 ? [{ a: aR[k], push: load(cp.wr), sub: false }] : []), ...(cp.wi >= 0 ? [{ a: aI[k], push: load(cp.wi), sub: true }] : [])]));
      b.v128Store(plan.cr);
    }
    if (plan.ci >= 0) {
      // im = Σ ar·wi + ai·wr
      b.localGet(jc);
      sumOfProducts(plan.colParts.flatMap((cp, k) => [...(cp.wi >= 0 ? [{ a: aR[k], push: load(cp.wi), sub: false }] : []), ...(cp.wr >= 0 ? [{ a: aI[k], push: load(cp.wr), sub: false }] : [])]));
      b.v128Store(plan.ci);
    }
    b.localGet(jc).i32Const(V).i32Add().localTee(jc).i32Const(nV).i32LtS().brIf(0);
    b.end();
  }

  // accumulators not yet written in the entry being emitted (then the first term assigns)
  const fresh = new Set<number>();
  /** acc ← acc ± a ⊙ (what push pushes); a < 0: acc ← acc ± (what push pushes) */
  const madd = (acc: number, a: number, push: () => void, sub = false) => {
    const first = fresh.delete(acc);
    if (!first) b.localGet(acc);
    else if (sub) b.f64x2Const(0, 0);
    if (a >= 0) b.localGet(a);
    push();
    if (a >= 0) b.f64x2Mul();
    if (sub) b.f64x2Sub();
    else if (!first) b.f64x2Add();
    b.localSet(acc);
  };
  // per row: ũ = Σ g·u[i] into rr (real part, duplicated) and ri (imaginary part)
  const rowFactors = () => {
    plans.forEach((plan, q) => {
      let firstR = true;
      let firstI = true;
      const into = (dst: number, first: boolean, a: number, push: (() => void) | null, sub: boolean) => {
        // dst (=|+=|−=) a ⊙ push
        if (first) {
          if (sub) b.f64x2Const(0, 0);
          b.localGet(a);
          if (push !== null) {
            push();
            b.f64x2Mul();
          }
          if (sub) b.f64x2Sub();
          b.localSet(dst);
          return;
        }
        b.localGet(dst).localGet(a);
        if (push !== null) {
          push();
          b.f64x2Mul();
        }
        if (sub) b.f64x2Sub();
        else b.f64x2Add();
        b.localSet(dst);
      };
      for (const rp of plan.rowParts) {
        const g0 = gr.get(rp.group) as number;
        const g1 = gi.get(rp.group) ?? -1;
        const loadR = rp.ur >= 0 ? () => b.localGet(r).v128Load(rp.ur) : null;
        const loadI = rp.ui >= 0 ? () => b.localGet(r).v128Load(rp.ui) : null;
        const uIsOne = rp.uKind === 0;
        // re: gr·ur − gi·ui ; im: gr·ui + gi·ur
        if (rr[q] >= 0) {
          if (uIsOne) {
            into(rr[q], firstR, g0, null, false);
            firstR = false;
          } else {
            if (loadR !== null) {
              into(rr[q], firstR, g0, loadR, false);
              firstR = false;
            }
            if (g1 >= 0 && loadI !== null) {
              into(rr[q], firstR, g1, loadI, true);
              firstR = false;
            }
          }
        }
        if (ri[q] >= 0) {
          if (uIsOne) {
            if (g1 >= 0) {
              into(ri[q], firstI, g1, null, false);
              firstI = false;
            }
          } else {
            if (loadI !== null) {
              into(ri[q], firstI, g0, loadI, false);
              firstI = false;
            }
            if (g1 >= 0 && loadR !== null) {
              into(ri[q], firstI, g1, loadR, false);
              firstI = false;
            }
          }
        }
      }
      if (rr[q] >= 0 && firstR) b.f64x2Const(0, 0).localSet(rr[q]);
      if (ri[q] >= 0 && firstI) b.f64x2Const(0, 0).localSet(ri[q]);
    });
  };

  let usesI = false;
  const termBody = (q: number) => {
    const plan = plans[q];
    if (plan.zero) return;
    const { s, t } = plan.term;
    b.localGet(p).v128Load(X0 + (s * n + t) * V).localSet(x);
    const colR = plan.cr >= 0 ? () => b.localGet(j).v128Load(plan.cr) : null;
    const colI = plan.ci >= 0 ? () => b.localGet(j).v128Load(plan.ci) : null;
    if (plan.term.sum) {
      // (ũ_i + w̃_j)·x: the row and column parts added first, one multiplication per part
      const part = (acc: number, row: number, col: (() => void) | null) => {
        if (row < 0 && col === null) return;
        madd(acc, x, () => {
          if (row >= 0) b.localGet(row);
          if (col !== null) col();
          if (row >= 0 && col !== null) b.f64x2Add();
        });
        if (acc === accI) usesI = true;
      };
      part(accR, rr[q], colR);
      part(accI, ri[q], colI);
      return;
    }
    // z = w_j·x split as zR + i·zI (w null: zR = x)
    let hasR = false;
    let hasI = false;
    if (plan.cKind === 0) {
      b.localGet(x).localSet(zr);
      hasR = true;
    } else {
      if (colR !== null) {
        b.localGet(x);
        colR();
        b.f64x2Mul().localSet(zr);
        hasR = true;
      }
      if (colI !== null) {
        b.localGet(x);
        colI();
        b.f64x2Mul().localSet(zi);
        hasI = true;
      }
    }
    const getZr = () => b.localGet(zr);
    const getZi = () => b.localGet(zi);
    if (plan.rKind === 0) {
      if (hasR) madd(accR, -1, getZr);
      if (hasI) {
        madd(accI, -1, getZi);
        usesI = true;
      }
      return;
    }
    // (rr + i·ri)(zR + i·zI) = rr·zR − ri·zI + i(ri·zR + rr·zI)
    if (rr[q] >= 0 && hasR) madd(accR, rr[q], getZr);
    if (ri[q] >= 0 && hasI) madd(accR, ri[q], getZi, true);
    if (ri[q] >= 0 && hasR) {
      madd(accI, ri[q], getZr);
      usesI = true;
    }
    if (rr[q] >= 0 && hasI) {
      madd(accI, rr[q], getZi);
      usesI = true;
    }
  };
  const entry = () => {
    b.localGet(rowOff).localGet(j).i32Add().localSet(p);
    fresh.add(accR);
    fresh.add(accI);
    plans.forEach((_, q) => termBody(q));
    if (fresh.has(accR)) b.f64x2Const(0, 0).localSet(accR);
    const imag = usesI && !fresh.has(accI);
    fresh.clear();
    // out = accR + i·accI, i·(a, b) = (−b, a): swap the lanes, flip the sign of lane 0
    b.localGet(rowY).localGet(j).i32Add().localGet(accR);
    if (imag) b.f64x2SwapOf(accI).bytesConst(SIGN_LANE0).v128Xor().f64x2Add();
    b.v128Store(Y);
  };
  if (packed) {
    // packed row i (entries i … n − 1) into X[i][j] and its conjugate into X[j][i] (on the diagonal
    // the entry as stored wins, as the JavaScript kernel reads it)
    b.i32Const(0).localSet(k0); // byte offset in STAGE
    b.i32Const(0).localSet(i);
    b.loop();
    {
      b.localGet(i).i32Const(SX).i32Mul().localSet(rowOff);
      b.localGet(i).i32Const(V).i32Mul().localSet(j);
      b.localGet(rowOff).localGet(j).i32Add().localSet(rowY); // X[j][i], j = i first
      b.loop();
      b.localGet(rowY).localGet(k0).v128Load(STAGE).bytesConst(SIGN_LANE1).v128Xor().v128Store(X0);
      b.localGet(rowOff).localGet(j).i32Add().localGet(k0).v128Load(STAGE).v128Store(X0);
      b.localGet(k0).i32Const(V).i32Add().localSet(k0);
      b.localGet(rowY).i32Const(SX).i32Add().localSet(rowY);
      b.localGet(j).i32Const(V).i32Add().localTee(j).i32Const(nV).i32LtS().brIf(0);
      b.end();
      b.localGet(i).i32Const(1).i32Add().localTee(i).i32Const(n).i32LtS().brIf(0);
    }
    b.end();
  }
  b.i32Const(0).localSet(i);
  b.loop();
  {
    b.localGet(i).i32Const(V).i32Mul().localSet(r);
    b.localGet(i).i32Const(nV).i32Mul().localSet(rowY);
    b.localGet(i).i32Const(SX).i32Mul().localSet(rowOff);
    rowFactors();
    if (layout === 'full') b.i32Const(0).localSet(j);
    else b.localGet(r).localSet(j);
    b.loop();
    entry();
    b.localGet(j).i32Const(V).i32Add().localTee(j).i32Const(nV).i32LtS().brIf(0);
    b.end();
    b.localGet(i).i32Const(1).i32Add().localTee(i).i32Const(n).i32LtS().brIf(0);
  }
  b.end();
  if (packed) {
    // the upper triangle of Y, packed, into PACK
    b.i32Const(0).localSet(k0);
    b.i32Const(0).localSet(i);
    b.loop();
    b.localGet(i).i32Const(nV + V).i32Mul().localSet(p); // (i, i)
    b.localGet(i).i32Const(V).i32Mul().localSet(j);
    b.loop();
    b.localGet(k0).localGet(p).v128Load(Y).v128Store(PACK);
    b.localGet(k0).i32Const(V).i32Add().localSet(k0);
    b.localGet(p).i32Const(V).i32Add().localSet(p);
    b.localGet(j).i32Const(V).i32Add().localTee(j).i32Const(nV).i32LtS().brIf(0);
    b.end();
    b.localGet(i).i32Const(1).i32Add().localTee(i).i32Const(n).i32LtS().brIf(0);
    b.end();
  }
  if (layout === 'upper') {
    // parameter ≠ 0: lower triangle ← conjugate of the upper one, real diagonal
    b.localGet(b.param).if();
    b.i32Const(0).localSet(i);
    b.loop();
    b.localGet(i).i32Const(nV + V).i32Mul().localTee(p); // (i, i)
    b.localGet(p).v128Load(Y).bytesConst(LANE0).v128And().v128Store(Y);
    b.localGet(p).localSet(rowOff); // (i, j), j > i
    b.localGet(p).localSet(k0); // (j, i)
    b.localGet(i).i32Const(1).i32Add().localSet(j);
    b.block().loop();
    b.localGet(j).i32Const(n).i32GeS().brIf(1);
    b.localGet(rowOff).i32Const(V).i32Add().localSet(rowOff);
    b.localGet(k0).i32Const(nV).i32Add().localTee(k0);
    b.localGet(rowOff).v128Load(Y).bytesConst(SIGN_LANE1).v128Xor().v128Store(Y);
    b.localGet(j).i32Const(1).i32Add().localSet(j).br(0);
    b.end().end();
    b.localGet(i).i32Const(1).i32Add().localTee(i).i32Const(n).i32LtS().brIf(0);
    b.end();
    b.end();
  }

  const api = wasmApi as WasmApi;
  const kernelLayout: WasmKernelLayout = { n, weights: 0, x0: X0, y: Y, scale: SCALE, extra: EXTRA };
  let more: { name: string; body: WasmBody }[] = [];
  if (extension !== null) {
    const e = new WasmBody('i32');
    extension.emit(e, kernelLayout);
    more = [{ name: extension.name, body: e }];
    for (const m of extension.more ?? []) {
      const body = new WasmBody('i32');
      m.emit(body, kernelLayout);
      more.push({ name: m.name, body });
    }
  }
  const bytes = b.module(pages, more);
  let key = '';
  for (let k = 0; k < bytes.length; k += 4096) key += String.fromCharCode(...bytes.subarray(k, k + 4096));
  let module = modules.get(key);
  if (module === undefined) {
    if (modules.size >= MAX_MODULES) modules.delete(modules.keys().next().value as string);
    module = new api.Module(bytes);
    modules.set(key, module);
  }
  const instance = new api.Instance(module);
  const memory = instance.exports.memory as { buffer: ArrayBuffer };
  const run = instance.exports.run as (mirror: number) => void;
  const f = new Float64Array(memory.buffer);
  for (const [at, v, part] of fixed) {
    for (let k = 0; k < n; k++) f[(at >> 3) + 2 * k] = f[(at >> 3) + 2 * k + 1] = v[2 * k + part];
  }
  const ext = extension === null ? null : (instance.exports[extension.name] as (param: number) => number);
  const input = packed ? new Float64Array(memory.buffer, STAGE, n * (n + 1)) : new Float64Array(memory.buffer, X0, 2 * n * n);
  const output = packed ? new Float64Array(memory.buffer, PACK, n * (n + 1)) : new Float64Array(memory.buffer, Y, 2 * n * n);
  return {
    input,
    output,
    run(out, rho, weights, mirror) {
      for (let k = 0; k < 2 * G; k++) f[k] = weights[k];
      if (rho !== input) input.set(rho);
      // a foreign out receives the whole matrix: the lower triangle mirrored, not left stale
      run(layout === 'upper' && (mirror || out !== output) ? 1 : 0);
      if (out !== output) out.set(output);
    },
    scaledMirrorInto(target, scale) {
      if (layout !== 'upper') throw new Error(`scaledMirrorInto: only for the upper layout, this kernel is '${layout}'`);
      f[SCALE >> 3] = scale;
      run(target === input ? 3 : 2);
      if (target !== output && target !== input) target.set(output);
    },
    extension:
      ext === null || extension === null
        ? null
        : {
            layout: kernelLayout,
            f64: f,
            i32: new Int32Array(memory.buffer),
            call: ext,
            functions: Object.fromEntries((extension.more ?? []).map((m) => [m.name, instance.exports[m.name] as (param: number) => number])),
          },
  };
}
