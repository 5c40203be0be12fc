import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { phaseFactorConstants } from './phase-factors-into';
import { assembleWat } from './test-support/assemble-wat';
import { wasmMeanFieldDriftBinary } from './wasm-mean-field-drift-binary';

const WAT = 'wasm-mean-field-drift.wat';
const source = readFileSync(new URL(WAT, import.meta.url), 'utf8');
const checkedIn = Uint8Array.from(atob(wasmMeanFieldDriftBinary), (ch) => ch.charCodeAt(0));

describe('wasmMeanFieldDriftBinary', () => {
  it('is the .wat source assembled by wabt, byte for byte (run `npm run wasm` after editing the .wat)', async () => {
    const assembled = await assembleWat(source, WAT);
    expect(checkedIn.length).toBe(assembled.length);
    expect(Buffer.from(checkedIn).equals(Buffer.from(assembled))).toBe(true);
  });

  it("the .wat's constants are phaseFactorsInto's, exactly", () => {
    // the JavaScript kernel's constants and series coefficients, written as it writes them
    const K = phaseFactorConstants;
    const expected: Record<string, number> = {
      invStep: K.invStep,
      stepHi: K.stepHi,
      stepMid: K.stepMid,
      stepLo: K.stepLo,
      fastLimit: K.fastLimit,
      one: 1,
      sixth: -1 / 6,
      c120: 1 / 120,
      half: -0.5,
      c24: 1 / 24,
    };
    const found: Record<string, number> = {};
    for (const m of source.matchAll(/\(local\.set \$(\w+) \(f64x2\.splat \(f64\.const ([^)\s]+)\)\)\)/g)) found[m[1]] = Number(m[2]);
    expect(found).toEqual(expected);
    // the table index mask, and the table at byte 0 with 16-byte records (as the kernel's layout has it)
    const masks = [...source.matchAll(/\(i32\.const (\d+)\)\)\s*\(i32\.const 4\)/g)].map((m) => Number(m[1]));
    expect(masks).toEqual([K.tableMask, K.tableMask]);
    expect(K.table.length).toBe(2 * (K.tableMask + 1));
  });

  it('runs its doc example, and assembleWat runs its own', async () => {
    expect(atob(wasmMeanFieldDriftBinary).slice(1, 4)).toBe('asm');
    const bytes = await assembleWat('(module (func (export "two") (result i32) (i32.const 2)))', 'two.wat');
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0x00, 0x61, 0x73, 0x6d]);
  });

  it("reports wabt's error with the file and line", async () => {
    await expect(assembleWat('(module\n  (func (i32.bogus)))', 'bad.wat')).rejects.toThrow(/bad\.wat:2/);
  });
});
