import wabt from 'wabt';

/**
 * Assembles WebAssembly text (.wat) into a validated binary with the WebAssembly Binary Toolkit
 * (the `wabt` package), SIMD enabled, without a name section and with minimal LEB128 sizes:
 * the bytes that `npm run wasm` checks in and that the specs compare against. Throws wabt's
 * message (file:line:column) on a syntax or validation error.
 *
 * @param source - the module in the WebAssembly text format
 * @param filename - the name wabt reports errors under
 * @example
 * const bytes = await assembleWat('(module (func (export "two") (result i32) (i32.const 2)))', 'two.wat');
 * Array.from(bytes.subarray(0, 4)); // → [0x00, 0x61, 0x73, 0x6d] ("\0asm")
 */
export async function assembleWat(source: string, filename: string): Promise<Uint8Array> {
  const toolkit = await wabt();
  const module = toolkit.parseWat(filename, source, { simd: true });
  try {
    module.validate();
    const { buffer } = module.toBinary({ canonicalize_lebs: true, write_debug_names: false, relocatable: false, log: false });
    return Uint8Array.from(buffer);
  } finally {
    module.destroy();
  }
}
