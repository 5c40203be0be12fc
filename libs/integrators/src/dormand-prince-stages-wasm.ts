import { WasmBody } from './wasm-body';

/** The part of the WebAssembly JavaScript API used here (the project's TypeScript libs carry no DOM types). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
}
const wasmApi = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

/**
 * The Dormand–Prince work arrays in one WebAssembly memory and the stage combinations as one
 * generated f64x2 SIMD function over them (internal to this library; see
 * {@link dormandPrinceStagesWasm}).
 */
export interface DormandPrinceStagesWasm {
  /** y, the 5th-order solution y_new, the stage argument, the stages k1 … k7: views of length n */
  readonly y: Float64Array;
  readonly yNew: Float64Array;
  readonly yStage: Float64Array;
  readonly k: readonly Float64Array[];
  /** the continuous extension's coefficients r1 … r5 of the last step (written by kind 8) */
  readonly r: readonly Float64Array[];
  /** the interpolated output of kind 9 */
  readonly yOut: Float64Array;
  /** the coefficients the next `run` reads (up to 10); kind 7 writes its results at 10 … 13 */
  readonly coef: Float64Array;
  /**
   * kind 1…5: yStage = y + Σ_{j ≤ kind} coef[j−1]·k_j (stages 2…6); kind 6: yNew = y +
   * coef[0]k1 + coef[1]k3 + coef[2]k4 + coef[3]k5 + coef[4]k6 and yStage = coef[5]k1 + coef[6]k3 +
   * coef[7]k4 + coef[8]k5 + coef[9]k6 (the error terms of stages 1–6); kind 7: over the first
   * n − (n mod 2) entries, the two lane sums of q² with q = (yStage + coef[0]·k7) /
   * (coef[1] + coef[2]·max(|y|, |yNew|)) into coef[10], coef[11], and of 0·yNew (NaN when some
   * yNew is not finite) into coef[12], coef[13]; kind 8: the continuous extension of the step
   * of size coef[0] into r (Hairer's DOPRI5); kind 9: yOut = r1 + θ(r2 + θ'(r3 + θ(r4 + θ'r5)))
   * with θ = coef[0], θ' = coef[1]
   */
  run(kind: number): void;
}

// continuous extension weights of Hairer's DOPRI5, by stage (as in create-dormand-prince.ts)
const DENSE: readonly (readonly [number, number])[] = [
  [1, -12715105075 / 11282082432],
  [3, 87487479700 / 32700410799],
  [4, -10690763975 / 1880347072],
  [5, 701980252875 / 199316789632],
  [6, -1453857185 / 822651844],
  [7, 69997945 / 29380423],
];

// compiled modules by n (the code has n's offsets written in)
const MAX_MODULES = 64;
const modules = new Map<number, object>();

/**
 * Builds {@link DormandPrinceStagesWasm} for n unknowns, or returns null where the runtime has no
 * WebAssembly 128-bit SIMD. Each combination sums its terms in the order of the JavaScript
 * loops (((y + a1k1) + a2k2) + …, no fused multiply-add), so both give the same bits; only the
 * error norm's sum of squares (kind 7) is summed per lane, in another order. Arrays are
 * padded to an even length with zeros (two lanes per instruction); the memory never grows, so
 * the views stay valid and no ArrayBuffer is ever detached.
 *
 * @param n - number of unknowns (≥ 1)
 */
export function dormandPrinceStagesWasm(n: number): DormandPrinceStagesWasm | null {
  if (wasmApi === undefined) return null;
  const padded = n + (n & 1);
  const bytes = 8 * padded; // per array, a multiple of 16
  const ARRAYS = 16; // y, yNew, yStage, k1 … k7, r1 … r5, yOut
  const coefBase = ARRAYS * bytes;
  const total = coefBase + 8 * 16;
  if (total > 2 ** 30) return null;
  const Y = 0;
  const YNEW = bytes;
  const YSTAGE = 2 * bytes;
  const K = (j: number) => (2 + j) * bytes; // k1 … k7, as in stagesModule
  const R = (j: number) => (9 + j) * bytes; // r1 … r5
  let instance: { exports: Record<string, unknown> };
  try {
    // compiling costs milliseconds; an instance (its own memory) costs microseconds
    let module = modules.get(n);
    if (module === undefined) {
      module = new wasmApi.Module(stagesModule(bytes, 8 * (n - (n & 1)), coefBase, Math.ceil(total / 65536)));
      if (modules.size >= MAX_MODULES) modules.delete(modules.keys().next().value as number);
      modules.set(n, module);
    }
    instance = new wasmApi.Instance(module);
  } catch {
    return null; // no SIMD in this runtime
  }
  const memory = instance.exports.memory as { buffer: ArrayBuffer };
  const run = instance.exports.run as (kind: number) => void;
  const view = (offset: number) => new Float64Array(memory.buffer, offset, n);
  return {
    y: view(Y),
    yNew: view(YNEW),
    yStage: view(YSTAGE),
    k: [1, 2, 3, 4, 5, 6, 7].map((j) => view(K(j))),
    r: [1, 2, 3, 4, 5].map((j) => view(R(j))),
    yOut: view(15 * bytes),
    coef: new Float64Array(memory.buffer, coefBase, 16),
    run,
  };
}

/**
 * The module of {@link dormandPrinceStagesWasm}: arrays of `bytes` bytes each from address 0
 * (y, yNew, yStage, k1 … k7, r1 … r5, yOut), coefficients at coefBase; the error sum covers the
 * first `evenBytes` bytes of each array.
 */
function stagesModule(bytes: number, evenBytes: number, coefBase: number, pages: number): Uint8Array {
  const Y = 0;
  const YNEW = bytes;
  const YSTAGE = 2 * bytes;
  const K = (j: number) => (2 + j) * bytes; // k1 … k7
  const R = (j: number) => (9 + j) * bytes; // r1 … r5
  const YOUT = 15 * bytes;
  const b = new WasmBody();
  const i = b.local('i32');
  const acc = b.local('v128');
  const acc2 = b.local('v128');
  const c = Array.from({ length: 10 }, () => b.local('v128'));
  const loadCoefs = (count: number) => {
    for (let q = 0; q < count; q++) b.i32Const(0).f64Load(coefBase + 8 * q).f64x2Splat().localSet(c[q]);
  };
  /** for (i = 0; i < end; i += 16) body() (end > 0) */
  const loop = (body: () => void, end = bytes) => {
    b.i32Const(0).localSet(i);
    b.block().loop();
    body();
    b.localGet(i).i32Const(16).i32Add().localTee(i).i32Const(end).i32LtS().brIf(0);
    b.end().end();
  };
  const lo = b.local('v128');
  const hi = b.local('v128');
  /** acc (+)= c[q]·load(addr) */
  const term = (target: number, q: number, addr: number, first: boolean) => {
    b.localGet(c[q]).localGet(i).v128Load(addr).f64x2Mul();
    if (!first) b.localGet(target).f64x2Add(); // (acc + c·k) is not (c·k + acc) only for NaN payloads
    b.localSet(target);
  };
  for (let kind = 1; kind <= 5; kind++) {
    b.localGet(b.param).i32Const(kind).i32Eq().if();
    loadCoefs(kind);
    loop(() => {
      b.localGet(i).v128Load(Y).localSet(acc);
      for (let j = 1; j <= kind; j++) {
        b.localGet(acc).localGet(c[j - 1]).localGet(i).v128Load(K(j)).f64x2Mul().f64x2Add().localSet(acc);
      }
      b.localGet(i).localGet(acc).v128Store(YSTAGE);
    });
    b.end();
  }
  b.localGet(b.param).i32Const(6).i32Eq().if();
  loadCoefs(10);
  loop(() => {
    b.localGet(i).v128Load(Y).localSet(acc);
    [1, 3, 4, 5, 6].forEach((j, q) => {
      b.localGet(acc).localGet(c[q]).localGet(i).v128Load(K(j)).f64x2Mul().f64x2Add().localSet(acc);
      term(acc2, 5 + q, K(j), q === 0);
    });
    b.localGet(i).localGet(acc).v128Store(YNEW);
    b.localGet(i).localGet(acc2).v128Store(YSTAGE);
  });
  b.end();

  // 7: the error norm's sum of squares (lane sums; the caller adds an odd n's last entry)
  b.localGet(b.param).i32Const(7).i32Eq().if();
  loadCoefs(3);
  b.f64x2Const(0, 0).localSet(acc);
  b.f64x2Const(0, 0).localSet(acc2);
  if (evenBytes > 0) {
    loop(() => {
      // q = (e + e7·k7) / (atol + rtol·max(|y|, |yNew|)); acc += q²; acc2 += 0·yNew
      b.localGet(i).v128Load(YSTAGE).localGet(c[0]).localGet(i).v128Load(K(7)).f64x2Mul().f64x2Add();
      b.localGet(c[1]).localGet(c[2]);
      b.localGet(i).v128Load(Y).f64x2Abs().localGet(i).v128Load(YNEW).f64x2Abs().f64x2Max();
      b.f64x2Mul().f64x2Add().f64x2Div().localTee(lo).localGet(lo).f64x2Mul().localGet(acc).f64x2Add().localSet(acc);
      b.localGet(i).v128Load(YNEW).f64x2Const(0, 0).f64x2Mul().localGet(acc2).f64x2Add().localSet(acc2);
    }, evenBytes);
  }
  b.i32Const(0).localGet(acc).v128Store(coefBase + 80);
  b.i32Const(0).localGet(acc2).v128Store(coefBase + 96);
  b.end();

  // 8: continuous extension (the order of the JavaScript denseOutputInto)
  b.localGet(b.param).i32Const(8).i32Eq().if();
  loadCoefs(1);
  loop(() => {
    // lo = dy = yNew − y; hi = b = hs·k1 − dy
    b.localGet(i).v128Load(YNEW).localGet(i).v128Load(Y).f64x2Sub().localSet(lo);
    b.localGet(c[0]).localGet(i).v128Load(K(1)).f64x2Mul().localGet(lo).f64x2Sub().localSet(hi);
    b.localGet(i).localGet(i).v128Load(Y).v128Store(R(1));
    b.localGet(i).localGet(lo).v128Store(R(2));
    b.localGet(i).localGet(hi).v128Store(R(3));
    b.localGet(i).localGet(lo).localGet(c[0]).localGet(i).v128Load(K(7)).f64x2Mul().f64x2Sub().localGet(hi).f64x2Sub().v128Store(R(4));
    b.localGet(i);
    b.localGet(c[0]);
    DENSE.forEach(([j, d], q) => {
      b.f64x2Const(d, d).localGet(i).v128Load(K(j)).f64x2Mul();
      if (q > 0) b.f64x2Add();
    });
    b.f64x2Mul().v128Store(R(5));
  });
  b.end();

  // 9: interpolation r1 + θ(r2 + θ'(r3 + θ(r4 + θ'r5)))
  b.localGet(b.param).i32Const(9).i32Eq().if();
  loadCoefs(2);
  loop(() => {
    b.localGet(i);
    b.localGet(i).v128Load(R(1));
    b.localGet(c[0]);
    b.localGet(i).v128Load(R(2));
    b.localGet(c[1]);
    b.localGet(i).v128Load(R(3));
    b.localGet(c[0]);
    b.localGet(i).v128Load(R(4)).localGet(c[1]).localGet(i).v128Load(R(5)).f64x2Mul().f64x2Add();
    b.f64x2Mul().f64x2Add();
    b.f64x2Mul().f64x2Add();
    b.f64x2Mul().f64x2Add();
    b.v128Store(YOUT);
  });
  b.end();

  return b.module(pages);
}
