/** Value types of the WebAssembly binary format. */
const TYPE = { i32: 0x7f, f64: 0x7c, v128: 0x7b } as const;

/**
 * A minimal WebAssembly binary writer for generated numeric kernels (the stencil kernels here and
 * their extensions in `@qsync/unravelers`): the body of one function `[i32] → []` (or `→ [i32]`)
 * over one exported memory, built instruction by instruction, and {@link WasmBody.module} that
 * wraps it, with further bodies it may call, into a module. It knows only the instructions the
 * kernels use (i32 arithmetic, structured control, calls, f64 scalar arithmetic, loads and stores,
 * and the f64x2 SIMD lanes); opcodes are those of the WebAssembly 2.0 specification (SIMD prefix 0xFD).
 *
 * @example
 * const b = new WasmBody();
 * const i = b.local('i32');
 * b.i32Const(7).localSet(i);
 * const bytes = b.module(1);
 * WebAssembly.validate(bytes); // true
 */
export class WasmBody {
  private readonly code: number[] = [];
  private readonly locals: number[] = [];
  /** the function's one i32 parameter */
  readonly param = 0;
  /** the function's result: none (the kernel's `run`) or one i32 */
  readonly result: 'i32' | null;

  constructor(result: 'i32' | null = null) {
    this.result = result;
  }

  /** Declares a local of the given type and returns its index. */
  local(type: keyof typeof TYPE): number {
    this.locals.push(TYPE[type]);
    return this.locals.length;
  }

  private op(...bytes: number[]): this {
    for (const b of bytes) this.code.push(b);
    return this;
  }

  private uleb(v: number): this {
    writeUleb(this.code, v);
    return this;
  }

  private simd(opcode: number): this {
    return this.op(0xfd).uleb(opcode);
  }

  block(): this {
    return this.op(0x02, 0x40);
  }
  loop(): this {
    return this.op(0x03, 0x40);
  }
  if(): this {
    return this.op(0x04, 0x40);
  }
  end(): this {
    return this.op(0x0b);
  }
  return(): this {
    return this.op(0x0f);
  }
  br(depth: number): this {
    return this.op(0x0c).uleb(depth);
  }
  brIf(depth: number): this {
    return this.op(0x0d).uleb(depth);
  }
  select(): this {
    return this.op(0x1b);
  }
  localGet(k: number): this {
    return this.op(0x20).uleb(k);
  }
  localSet(k: number): this {
    return this.op(0x21).uleb(k);
  }
  localTee(k: number): this {
    return this.op(0x22).uleb(k);
  }
  i32Const(v: number): this {
    if (!Number.isInteger(v) || v < -(2 ** 31) || v >= 2 ** 31) throw new Error(`WasmBody: i32 constant out of range: ${v}`);
    this.op(0x41);
    writeSleb(this.code, v);
    return this;
  }
  i32Add(): this {
    return this.op(0x6a);
  }
  i32Sub(): this {
    return this.op(0x6b);
  }
  /** call of function k of the module (0: the body passed to {@link WasmBody.module} itself) */
  call(k: number): this {
    return this.op(0x10).uleb(k);
  }
  drop(): this {
    return this.op(0x1a);
  }
  /** i32.load at address (top of stack) + offset */
  i32Load(offset: number): this {
    return this.op(0x28).uleb(2).uleb(checkOffset(offset));
  }
  f64Const(v: number): this {
    return this.op(0x44, ...new Uint8Array(Float64Array.of(v).buffer));
  }
  /** f64.store of the top value at the address below it + offset */
  f64Store(offset: number): this {
    return this.op(0x39).uleb(3).uleb(checkOffset(offset));
  }
  f64Add(): this {
    return this.op(0xa0);
  }
  f64Sub(): this {
    return this.op(0xa1);
  }
  f64Mul(): this {
    return this.op(0xa2);
  }
  f64Div(): this {
    return this.op(0xa3);
  }
  f64Sqrt(): this {
    return this.op(0x9f);
  }
  f64Lt(): this {
    return this.op(0x63);
  }
  f64Gt(): this {
    return this.op(0x64);
  }
  /** f64x2.extract_lane of lane 0 or 1 */
  f64x2ExtractLane(lane: 0 | 1): this {
    return this.simd(0x21).op(lane);
  }
  i32Mul(): this {
    return this.op(0x6c);
  }
  i32And(): this {
    return this.op(0x71);
  }
  i32Eq(): this {
    return this.op(0x46);
  }
  i32LtS(): this {
    return this.op(0x48);
  }
  i32GtS(): this {
    return this.op(0x4a);
  }
  i32GeS(): this {
    return this.op(0x4e);
  }
  /** f64.load at address (top of stack) + offset */
  f64Load(offset: number): this {
    return this.op(0x2b).uleb(3).uleb(checkOffset(offset));
  }
  /** v128.load at address (top of stack) + offset (16-byte aligned) */
  v128Load(offset: number): this {
    return this.simd(0x00).uleb(4).uleb(checkOffset(offset));
  }
  /** v128.store of the top value at the address below it + offset */
  v128Store(offset: number): this {
    return this.simd(0x0b).uleb(4).uleb(checkOffset(offset));
  }
  /** v128.const of two f64 lanes */
  f64x2Const(lo: number, hi: number): this {
    const bytes = new Uint8Array(Float64Array.of(lo, hi).buffer);
    return this.simd(0x0c).op(...bytes);
  }
  /** v128.const of sixteen bytes (lane 0 first) */
  bytesConst(bytes: readonly number[]): this {
    if (bytes.length !== 16) throw new Error(`WasmBody: a v128 constant has 16 bytes, got ${bytes.length}`);
    return this.simd(0x0c).op(...bytes);
  }
  /** pushes local k with its two f64 lanes swapped (i8x16.shuffle of it with itself) */
  f64x2SwapOf(k: number): this {
    return this.localGet(k).localGet(k).simd(0x0d).op(8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7);
  }
  v128And(): this {
    return this.simd(0x4e);
  }
  v128Xor(): this {
    return this.simd(0x51);
  }
  f64x2Splat(): this {
    return this.simd(0x14);
  }
  f64x2Add(): this {
    return this.simd(0xf0);
  }
  f64x2Sub(): this {
    return this.simd(0xf1);
  }
  f64x2Mul(): this {
    return this.simd(0xf2);
  }
  f64x2Div(): this {
    return this.simd(0xf3);
  }
  f64x2Max(): this {
    return this.simd(0xf5);
  }
  f64x2Abs(): this {
    return this.simd(0xec);
  }

  /**
   * The module: this body as function 0, exported as `run`, then the `more` functions (1, 2, …,
   * exported by their names; they may `call` each other and `run`), each of type [i32] → [] or
   * [i32] → [i32] (its parameter is local 0), and one memory of `pages` 64 KiB pages (no
   * maximum) exported as `memory`.
   */
  module(pages: number, more: readonly { readonly name: string; readonly body: WasmBody }[] = []): Uint8Array {
    const out: number[] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
    const section = (id: number, payload: number[]) => {
      out.push(id);
      writeUleb(out, payload.length);
      for (const b of payload) out.push(b);
    };
    const fns: { name: string; body: WasmBody }[] = [{ name: 'run', body: this }, ...more];
    section(1, [2, 0x60, 1, TYPE.i32, 0, 0x60, 1, TYPE.i32, 1, TYPE.i32]); // type 0: [i32] → [], type 1: [i32] → [i32]
    const types: number[] = [];
    writeUleb(types, fns.length);
    for (const f of fns) types.push(f.body.result === null ? 0 : 1);
    section(3, types);
    const mem: number[] = [1, 0x00];
    writeUleb(mem, pages);
    section(5, mem);
    const exports: number[] = [];
    writeUleb(exports, fns.length + 1);
    const entries: [string, number, number][] = [...fns.map((f, k): [string, number, number] => [f.name, 0x00, k]), ['memory', 0x02, 0]];
    for (const [name, kind, index] of entries) {
      writeUleb(exports, name.length);
      for (const ch of name) exports.push(ch.charCodeAt(0));
      exports.push(kind);
      writeUleb(exports, index);
    }
    section(7, exports);
    const code: number[] = [];
    writeUleb(code, fns.length);
    for (const f of fns) {
      const body = f.body.encode();
      writeUleb(code, body.length);
      for (const b of body) code.push(b);
    }
    section(10, code);
    return Uint8Array.from(out);
  }

  /** the function body: locals as runs of equal type, the code, `end` */
  private encode(): number[] {
    const body: number[] = [];
    const runs: [number, number][] = [];
    for (const t of this.locals) {
      if (runs.length > 0 && runs[runs.length - 1][1] === t) runs[runs.length - 1][0]++;
      else runs.push([1, t]);
    }
    writeUleb(body, runs.length);
    for (const [count, t] of runs) {
      writeUleb(body, count);
      body.push(t);
    }
    for (const b of this.code) body.push(b);
    body.push(0x0b);
    return body;
  }
}

function checkOffset(offset: number): number {
  if (!Number.isInteger(offset) || offset < 0 || offset >= 2 ** 32) throw new Error(`WasmBody: memory offset out of range: ${offset}`);
  return offset;
}

function writeUleb(out: number[], v: number): void {
  do {
    let byte = v % 128;
    v = Math.floor(v / 128);
    if (v > 0) byte |= 0x80;
    out.push(byte);
  } while (v > 0);
}

function writeSleb(out: number[], v: number): void {
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return;
    }
    out.push(byte | 0x80);
  }
}
