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
  /** the coefficients the next `run` reads (up to 10) */
  readonly coef: Float64Array;
  /**
   * kind 1…5: yStage = y + Σ_{j ≤ kind} coef[j−1]·k_j (stages 2…6); kind 6: yNew = y +
   * coef[0]k1 + coef[1]k3 + coef[2]k4 + coef[3]k5 + coef[4]k6 and yStage = coef[5]k1 + coef[6]k3 +
   * coef[7]k4 + coef[8]k5 + coef[9]k6 (the error terms of stages 1–6)
   */
  run(kind: number): void;
}

// compiled modules by n (the code has n's offsets written in)
const MAX_MODULES = 64;
const modules = new Map<number, object>();

/**
 * Builds {@link DormandPrinceStagesWasm} for n unknowns, or returns null where the runtime has no
 * WebAssembly 128-bit SIMD. Each combination sums its terms in the order of the JavaScript
 * loops (((y + a1k1) + a2k2) + …, no fused multiply-add), so both give the same bits. Arrays are
 * padded to an even length with zeros (two lanes per instruction); the memory never grows, so
 * the views stay valid and no ArrayBuffer is ever detached.
 *
 * @param n - number of unknowns (≥ 1)
 */
export function dormandPrinceStagesWasm(n: number): DormandPrinceStagesWasm | null {
  if (wasmApi === undefined) return null;
  const padded = n + (n & 1);
  const bytes = 8 * padded; // per array, a multiple of 16
  const ARRAYS = 10; // y, yNew, yStage, k1 … k7
  const coefBase = ARRAYS * bytes;
  const total = coefBase + 8 * 16;
  if (total > 2 ** 30) return null;
  const Y = 0;
  const YNEW = bytes;
  const YSTAGE = 2 * bytes;
  const K = (j: number) => (2 + j) * bytes; // k1 … k7, as in stagesModule
  let instance: { exports: Record<string, unknown> };
  try {
    // compiling costs milliseconds; an instance (its own memory) costs microseconds
    let module = modules.get(n);
    if (module === undefined) {
      module = new wasmApi.Module(stagesModule(bytes, coefBase, Math.ceil(total / 65536)));
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
    coef: new Float64Array(memory.buffer, coefBase, 16),
    run,
  };
}

/** The module of {@link dormandPrinceStagesWasm}: arrays of `bytes` bytes each from address 0, coefficients at coefBase. */
function stagesModule(bytes: number, coefBase: number, pages: number): Uint8Array {
  const Y = 0;
  const YNEW = bytes;
  const YSTAGE = 2 * bytes;
  const K = (j: number) => (2 + j) * bytes; // k1 … k7
  const b = new WasmBody();
  const i = b.local('i32');
  const acc = b.local('v128');
  const acc2 = b.local('v128');
  const c = Array.from({ length: 10 }, () => b.local('v128'));
  const loadCoefs = (count: number) => {
    for (let q = 0; q < count; q++) b.i32Const(0).f64Load(coefBase + 8 * q).f64x2Splat().localSet(c[q]);
  };
  /** for (i = 0; i < bytes; i += 16) body() */
  const loop = (body: () => void) => {
    b.i32Const(0).localSet(i);
    b.block().loop();
    body();
    b.localGet(i).i32Const(16).i32Add().localTee(i).i32Const(bytes).i32LtS().brIf(0);
    b.end().end();
  };
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

  return b.module(pages);
}
