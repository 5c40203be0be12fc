// The Kuramoto mean-field drift (Eqs. 2.30, 2.31) as a WebAssembly SIMD kernel: the same
// arithmetic as `phaseFactorsInto` + `meanFieldDriftInto`, operation for operation, two
// oscillators per f64x2 instruction, so its results equal the JavaScript kernels' bit for bit
// (WebAssembly has no fused multiply-add; the sums are added lane by lane, in index order).
// The kernel's source is wasm-mean-field-drift.wat; its bytes, assembled by wabt (`npm run
// wasm`), are checked in as wasm-mean-field-drift-binary.ts, so running it needs no toolchain.
// The module is compiled once per process and instantiated per model on its own memory.
import { phaseFactorConstants, phaseFactorsInto } from './phase-factors-into';
import { wasmMeanFieldDriftBinary } from './wasm-mean-field-drift-binary';

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
 * k?.drift(f, Float64Array.of(0, Math.PI / 2));
 * f; // Float64Array [0.5, -0.5] — ω + V(Im z cos φ − Re z sin φ) with V z = 0.5(1 + i)
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
    const bytes = Uint8Array.from(atob(wasmMeanFieldDriftBinary), (ch) => ch.charCodeAt(0));
    cached = wasmApi !== undefined && wasmApi.validate(bytes) ? new wasmApi.Module(bytes) : null;
  }
  return cached;
}
