// The Kuramoto mean-field drift (Eqs. 2.30, 2.31) as a WebAssembly SIMD kernel: the same
// arithmetic as `phaseFactorsInto` + `meanFieldDriftInto`, operation for operation, two
// oscillators per f64x2 instruction, so its results equal the JavaScript kernels' bit for bit
// (WebAssembly has no fused multiply-add; the sums are added lane by lane, in index order).
// The module is assembled here from its instructions (no toolchain: a ~150-instruction kernel
// does not justify one), compiled once per process and instantiated per model on its own memory.
import { phaseFactorConstants, phaseFactorsInto } from './phase-factors-into';

/** A drift f = ω + V(Im z cos φ − Re z sin φ) per realization, on the model's ω, in WebAssembly. */
export interface WasmMeanFieldDrift {
  /** writes the drift of the phases y (layout [realization][oscillator]) into out */
  drift(out: Float64Array, y: Float64Array): void;
}

/** The part of the WebAssembly JavaScript API used here (the project's TypeScript libs carry no DOM types). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: Record<string, Record<string, unknown>>) => {
    exports: Record<string, unknown>;
  };
  Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer };
}
type WasmModule = { readonly kind?: 'WebAssembly.Module' };
const wasmApi = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

const PAGE = 65536;
const TABLE_BYTES = phaseFactorConstants.table.length * 8;

/**
 * Instantiates the kernel for `realizations` × `n` oscillators with natural frequencies `omega`
 * and coupling per oscillator `coupling` = V/N, or returns null where WebAssembly SIMD is not
 * available (the caller then keeps the JavaScript kernels, with the same results).
 *
 * @example
 * const k = createWasmMeanFieldDrift(Float64Array.of(0, 0), 2, 1, 0.5);
 * const f = new Float64Array(2);
 * k?.drift(f, Float64Array.of(0, Math.PI / 2)); // f = [0.5·sin(π/2)·cos 0, −0.5·cos 0·sin(π/2)] = [0.5, −0.5]
 */
export function createWasmMeanFieldDrift(
  omega: Float64Array,
  n: number,
  realizations: number,
  coupling: number,
): WasmMeanFieldDrift | null {
  const module = compiledModule();
  const api = wasmApi;
  if (module === null || api === undefined) return null;
  const dim = n * realizations;
  // layout in bytes: table | y | ω | cos | sin | f, each 16-byte aligned
  const align = (b: number) => Math.ceil(b / 16) * 16;
  const yOff = align(TABLE_BYTES);
  const wOff = align(yOff + 8 * dim);
  const cOff = align(wOff + 8 * dim);
  const sOff = align(cOff + 8 * n);
  const fOff = align(sOff + 8 * n);
  const bytes = align(fOff + 8 * dim) + 16;
  const memory = new api.Memory({ initial: Math.ceil(bytes / PAGE) });
  const heap = new Float64Array(memory.buffer);
  heap.set(phaseFactorConstants.table, 0);
  heap.set(omega, wOff / 8);
  const yView = heap.subarray(yOff / 8, yOff / 8 + dim);
  const fView = heap.subarray(fOff / 8, fOff / 8 + dim);
  const cBase = cOff / 8;
  const sBase = sOff / 8;
  // lanes outside |φ| ≤ 1e7 (or not finite), and an odd last oscillator: the JavaScript kernel
  const tmpCos = new Float64Array(2);
  const tmpSin = new Float64Array(2);
  const tmpSums = new Float64Array(2);
  const slow = (yIndex: number, k: number, count: number): void => {
    phaseFactorsInto(tmpCos, tmpSin, heap, yIndex, count, tmpSums);
    for (let q = 0; q < count; q++) {
      heap[cBase + k + q] = tmpCos[q];
      heap[sBase + k + q] = tmpSin[q];
    }
  };
  const instance = new api.Instance(module, { env: { memory, slow } });
  const run = instance.exports.drift as (...args: number[]) => void;
  return {
    drift(out, y) {
      yView.set(y);
      run(realizations, n, coupling, yOff, wOff, cOff, sOff, fOff);
      out.set(fView);
    },
  };
}

let cached: WasmModule | null | undefined;

/** The compiled module, or null when this engine has no WebAssembly or cannot validate it (no SIMD). */
function compiledModule(): WasmModule | null {
  if (cached === undefined) {
    const bytes = assembleModule();
    cached = wasmApi !== undefined && wasmApi.validate(bytes) ? new wasmApi.Module(bytes) : null;
  }
  return cached;
}

// ---- a minimal assembler: the opcodes this kernel uses (WebAssembly core + SIMD encodings) ----
const I32 = 0x7f;
const F64 = 0x7c;
const V128 = 0x7b;
const EMPTY = 0x40;
const OP = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  else: 0x05,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  call: 0x10,
  get: 0x20,
  set: 0x21,
  tee: 0x22,
  f64Load: 0x2b,
  f64Store: 0x39,
  i32Const: 0x41,
  f64Const: 0x44,
  i32Eqz: 0x45,
  i32GeU: 0x4f,
  i32GtU: 0x4b,
  i32Add: 0x6a,
  i32Mul: 0x6c,
  i32And: 0x71,
  i32Shl: 0x74,
  i32ShrU: 0x76,
  f64Add: 0xa0,
  f64Mul: 0xa2,
} as const;
const SIMD = {
  load: 0x00,
  store: 0x0b,
  shuffle: 0x0d,
  f64x2Splat: 0x14,
  i32x4ExtractLane: 0x1b,
  f64x2ExtractLane: 0x21,
  f64x2Le: 0x4b,
  i64x2AllTrue: 0xc3,
  f64x2Nearest: 0x94,
  f64x2Abs: 0xec,
  f64x2Add: 0xf0,
  f64x2Sub: 0xf1,
  f64x2Mul: 0xf2,
  i32x4TruncSatF64x2SZero: 0xfc,
} as const;

function uleb(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

function sleb(value: number): number[] {
  const out: number[] = [];
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

function f64Bytes(value: number): number[] {
  return Array.from(new Uint8Array(Float64Array.of(value).buffer));
}

function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

function name(text: string): number[] {
  const b = Array.from(new TextEncoder().encode(text));
  return [...uleb(b.length), ...b];
}

/** Instruction emitter for one function body. */
class Code {
  readonly bytes: number[] = [];
  op(...b: number[]): this {
    this.bytes.push(...b);
    return this;
  }
  get(i: number): this {
    return this.op(OP.get, ...uleb(i));
  }
  set(i: number): this {
    return this.op(OP.set, ...uleb(i));
  }
  tee(i: number): this {
    return this.op(OP.tee, ...uleb(i));
  }
  i32(v: number): this {
    return this.op(OP.i32Const, ...sleb(v));
  }
  f64(v: number): this {
    return this.op(OP.f64Const, ...f64Bytes(v));
  }
  simd(code: number, ...immediates: number[]): this {
    return this.op(0xfd, ...uleb(code), ...immediates);
  }
  /** memarg: alignment exponent 3 (8 bytes), offset 0 */
  mem(): number[] {
    return [3, 0];
  }
}

// parameters of `drift`
const P_R = 0;
const P_N = 1;
const P_COUPLING = 2;
const P_Y = 3;
const P_W = 4;
const P_C = 5;
const P_S = 6;
const P_F = 7;
// locals: i32 r, k, yp, wp, fp, kb; f64 sumC, sumS, a, b; v128 constants and temporaries
const L_R = 8;
const L_K = 9;
const L_YP = 10;
const L_WP = 11;
const L_FP = 12;
const L_KB = 13;
const L_SUMC = 14;
const L_SUMS = 15;
const L_A = 16;
const L_B = 17;
const V_INV = 18;
const V_HI = 19;
const V_MID = 20;
const V_LO = 21;
const V_LIMIT = 22;
const V_ONE = 23;
const V_SIXTH = 24;
const V_120 = 25;
const V_HALF = 26;
const V_24 = 27;
const V_X = 28;
const V_J = 29;
const V_D = 30;
const V_D2 = 31;
const V_SD = 32;
const V_CM1 = 33;
const V_R0 = 34;
const V_R1 = 35;
const V_CJ = 36;
const V_SJ = 37;
const V_C = 38;
const V_S = 39;
const V_A = 40;
const V_B = 41;

function assembleModule(): Uint8Array {
  const c = new Code();
  const K = phaseFactorConstants;
  const splat = (value: number, local: number) => c.f64(value).simd(SIMD.f64x2Splat).set(local);
  splat(K.invStep, V_INV);
  splat(K.stepHi, V_HI);
  splat(K.stepMid, V_MID);
  splat(K.stepLo, V_LO);
  splat(K.fastLimit, V_LIMIT);
  splat(1, V_ONE);
  splat(-1 / 6, V_SIXTH);
  splat(1 / 120, V_120);
  splat(-0.5, V_HALF);
  splat(1 / 24, V_24);
  const vop = (code: number) => c.simd(code);
  const load = () => c.simd(SIMD.load, ...c.mem());
  const store = () => c.simd(SIMD.store, ...c.mem());
  // byte address base + 8·k
  const at = (base: number) => c.get(base).get(L_KB).op(OP.i32Add);

  // for r in 0 … R−1
  c.i32(0).set(L_R);
  c.op(OP.block, EMPTY, OP.loop, EMPTY);
  c.get(L_R).get(P_R).op(OP.i32GeU, OP.brIf, 1);
  // yp, wp, fp: byte offsets of realization r
  c.get(L_R).get(P_N).op(OP.i32Mul).i32(3).op(OP.i32Shl).tee(L_KB);
  c.get(P_Y).op(OP.i32Add).set(L_YP);
  c.get(L_KB).get(P_W).op(OP.i32Add).set(L_WP);
  c.get(L_KB).get(P_F).op(OP.i32Add).set(L_FP);
  c.f64(0).set(L_SUMC).f64(0).set(L_SUMS);

  // pass 1: cos, sin and their sums, two phases at a time
  c.i32(0).set(L_K);
  c.op(OP.block, EMPTY, OP.loop, EMPTY);
  c.get(L_K).i32(2).op(OP.i32Add).get(P_N).op(OP.i32GtU, OP.brIf, 1);
  c.get(L_K).i32(3).op(OP.i32Shl).set(L_KB);
  at(L_YP);
  load().set(V_X);
  // all |φ| ≤ 1e7 (false for NaN)?
  c.get(V_X).simd(SIMD.f64x2Abs).get(V_LIMIT).simd(SIMD.f64x2Le).simd(SIMD.i64x2AllTrue);
  c.op(OP.if, EMPTY);
  {
    // j = round(φ/h); d = φ − j·h_hi − j·h_mid − j·h_lo (Cody–Waite, as phaseFactorsInto)
    c.get(V_X).get(V_INV);
    vop(SIMD.f64x2Mul);
    vop(SIMD.f64x2Nearest);
    c.set(V_J);
    c.get(V_X).get(V_J).get(V_HI);
    vop(SIMD.f64x2Mul);
    vop(SIMD.f64x2Sub);
    c.get(V_J).get(V_MID);
    vop(SIMD.f64x2Mul);
    vop(SIMD.f64x2Sub);
    c.get(V_J).get(V_LO);
    vop(SIMD.f64x2Mul);
    vop(SIMD.f64x2Sub);
    c.set(V_D);
    // table records [cos jh, sin jh] at byte 16·(j & 1023)
    c.get(V_J).simd(SIMD.i32x4TruncSatF64x2SZero).simd(SIMD.i32x4ExtractLane, 0);
    c.i32(K.tableMask).op(OP.i32And).i32(4).op(OP.i32Shl);
    load().set(V_R0);
    c.get(V_J).simd(SIMD.i32x4TruncSatF64x2SZero).simd(SIMD.i32x4ExtractLane, 1);
    c.i32(K.tableMask).op(OP.i32And).i32(4).op(OP.i32Shl);
    load().set(V_R1);
    const lo = [0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23];
    const hi = lo.map((b) => b + 8);
    c.get(V_R0).get(V_R1).simd(SIMD.shuffle, ...lo).set(V_CJ);
    c.get(V_R0).get(V_R1).simd(SIMD.shuffle, ...hi).set(V_SJ);
    // d2 = d²; sd = d(1 + d2(−1/6 + d2/120)); cm1 = d2(−1/2 + d2/24)
    c.get(V_D).get(V_D);
    vop(SIMD.f64x2Mul);
    c.set(V_D2);
    c.get(V_D).get(V_ONE).get(V_D2).get(V_SIXTH).get(V_D2).get(V_120);
    vop(SIMD.f64x2Mul);
    vop(SIMD.f64x2Add);
    vop(SIMD.f64x2Mul);
    vop(SIMD.f64x2Add);
    vop(SIMD.f64x2Mul);
    c.set(V_SD);
    c.get(V_D2).get(V_HALF).get(V_D2).get(V_24);
    vop(SIMD.f64x2Mul);
    vop(SIMD.f64x2Add);
    vop(SIMD.f64x2Mul);
    c.set(V_CM1);
    // c = cj + (cj·cm1 − sj·sd); s = sj + (sj·cm1 + cj·sd)
    c.get(V_CJ).get(V_CJ).get(V_CM1);
    vop(SIMD.f64x2Mul);
    c.get(V_SJ).get(V_SD);
    vop(SIMD.f64x2Mul);
    vop(SIMD.f64x2Sub);
    vop(SIMD.f64x2Add);
    c.set(V_C);
    c.get(V_SJ).get(V_SJ).get(V_CM1);
    vop(SIMD.f64x2Mul);
    c.get(V_CJ).get(V_SD);
    vop(SIMD.f64x2Mul);
    vop(SIMD.f64x2Add);
    vop(SIMD.f64x2Add);
    c.set(V_S);
    at(P_C);
    c.get(V_C);
    store();
    at(P_S);
    c.get(V_S);
    store();
  }
  c.op(OP.else);
  {
    // slow(y index, k, 2), then read back what it wrote
    c.get(L_YP).get(L_KB).op(OP.i32Add).i32(3).op(OP.i32ShrU).get(L_K).i32(2).op(OP.call, 0);
    at(P_C);
    load().set(V_C);
    at(P_S);
    load().set(V_S);
  }
  c.op(OP.end);
  // sums in index order, as the JavaScript kernel adds them
  c.get(L_SUMC).get(V_C).simd(SIMD.f64x2ExtractLane, 0).op(OP.f64Add);
  c.get(V_C).simd(SIMD.f64x2ExtractLane, 1).op(OP.f64Add).set(L_SUMC);
  c.get(L_SUMS).get(V_S).simd(SIMD.f64x2ExtractLane, 0).op(OP.f64Add);
  c.get(V_S).simd(SIMD.f64x2ExtractLane, 1).op(OP.f64Add).set(L_SUMS);
  c.get(L_K).i32(2).op(OP.i32Add).set(L_K);
  c.op(OP.br, 0, OP.end, OP.end);
  // an odd last oscillator
  c.get(L_K).get(P_N).op(OP.i32GeU, OP.i32Eqz, OP.if, EMPTY);
  {
    c.get(L_K).i32(3).op(OP.i32Shl).set(L_KB);
    c.get(L_YP).get(L_KB).op(OP.i32Add).i32(3).op(OP.i32ShrU).get(L_K).i32(1).op(OP.call, 0);
    c.get(L_SUMC);
    at(P_C);
    c.op(OP.f64Load, ...c.mem(), OP.f64Add).set(L_SUMC);
    c.get(L_SUMS);
    at(P_S);
    c.op(OP.f64Load, ...c.mem(), OP.f64Add).set(L_SUMS);
  }
  c.op(OP.end);

  // pass 2: f = ω + a cos − b sin, a = (V/N) Σ sin, b = (V/N) Σ cos
  c.get(P_COUPLING).get(L_SUMS).op(OP.f64Mul).tee(L_A).simd(SIMD.f64x2Splat).set(V_A);
  c.get(P_COUPLING).get(L_SUMC).op(OP.f64Mul).tee(L_B).simd(SIMD.f64x2Splat).set(V_B);
  c.i32(0).set(L_K);
  c.op(OP.block, EMPTY, OP.loop, EMPTY);
  c.get(L_K).i32(2).op(OP.i32Add).get(P_N).op(OP.i32GtU, OP.brIf, 1);
  c.get(L_K).i32(3).op(OP.i32Shl).set(L_KB);
  at(L_FP);
  at(L_WP);
  load();
  c.get(V_A);
  at(P_C);
  load();
  vop(SIMD.f64x2Mul);
  vop(SIMD.f64x2Add);
  c.get(V_B);
  at(P_S);
  load();
  vop(SIMD.f64x2Mul);
  vop(SIMD.f64x2Sub);
  store();
  c.get(L_K).i32(2).op(OP.i32Add).set(L_K);
  c.op(OP.br, 0, OP.end, OP.end);
  c.get(L_K).get(P_N).op(OP.i32GeU, OP.i32Eqz, OP.if, EMPTY);
  {
    c.get(L_K).i32(3).op(OP.i32Shl).set(L_KB);
    at(L_FP);
    at(L_WP);
    c.op(OP.f64Load, ...c.mem());
    c.get(L_A);
    at(P_C);
    c.op(OP.f64Load, ...c.mem(), OP.f64Mul, OP.f64Add);
    c.get(L_B);
    at(P_S);
    c.op(OP.f64Load, ...c.mem(), OP.f64Mul);
    c.op(0xa1); // f64.sub
    c.op(OP.f64Store, ...c.mem());
  }
  c.op(OP.end);

  c.get(L_R).i32(1).op(OP.i32Add).set(L_R);
  c.op(OP.br, 0, OP.end, OP.end);
  c.op(OP.end); // function

  const locals = [...uleb(3), ...uleb(6), I32, ...uleb(4), F64, ...uleb(24), V128];
  const body = [...locals, ...c.bytes];
  const driftType = [0x60, ...uleb(8), I32, I32, F64, I32, I32, I32, I32, I32, ...uleb(0)];
  const slowType = [0x60, ...uleb(3), I32, I32, I32, ...uleb(0)];
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [...uleb(2), ...driftType, ...slowType]),
    ...section(2, [...uleb(2), ...name('env'), ...name('memory'), 0x02, 0x00, ...uleb(1), ...name('env'), ...name('slow'), 0x00, ...uleb(1)]),
    ...section(3, [...uleb(1), ...uleb(0)]),
    ...section(7, [...uleb(1), ...name('drift'), 0x00, ...uleb(1)]),
    ...section(10, [...uleb(1), ...uleb(body.length), ...body]),
  ]);
}
