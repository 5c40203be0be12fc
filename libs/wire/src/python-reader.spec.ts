/**
 * The README's Python reader, run as the README gives it: a recorded stream read by Python's
 * msgpack (Debian's python3-msgpack) yields the samples of the in-process stream exactly.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { from, lastValueFrom } from 'rxjs';
import { arrayChannel, complexChannel, realChannel } from '@qsync/frames';
import { recordToFile } from './record-to-file';
import { createWireDecoder } from './create-wire-decoder';
import { encodeWireRecord } from './encode-wire-record';
import { PING_BYTES } from './wire-framing';
import { toWire } from './to-wire';
import { wireHeader } from './wire-header';
import { testHeader, testStream } from './test-support/test-stream';

const PYTHON = '/usr/bin/python3';
const dir = mkdtempSync(join(tmpdir(), 'qsync-wire-python-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The one ```python block of the README. */
function readmePython(): string {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const blocks = [...readme.matchAll(/^```python\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
  expect(blocks, 'the README has exactly one ```python block: the reader').toHaveLength(1);
  return blocks[0];
}

/** Runs the script; fails with what to install when Python or its msgpack is missing. */
function runPython(script: string, args: string[]): string[] {
  const run = spawnSync(PYTHON, [script, ...args], { encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL' });
  if (run.error !== undefined) {
    throw new Error(`cannot run ${PYTHON} (${run.error.message}): install Python 3 and its msgpack (Debian: apt-get install -y python3-msgpack)`);
  }
  if (run.stderr.includes("No module named 'msgpack'")) {
    throw new Error(`${PYTHON} has no msgpack module: install it (Debian: apt-get install -y python3-msgpack)`);
  }
  expect(run.status, `the README's Python reader failed:\n${run.stderr}`).toBe(0);
  return run.stdout.trim().split('\n');
}

describe("the README's Python reader", () => {
  it('reads a recorded stream with msgpack alone; header, seqs, times and every sample equal the in-process ones exactly', async () => {
    const script = join(dir, 'read_qsw.py');
    writeFileSync(script, readmePython());
    const path = join(dir, 'currents.qsw');
    const source = testStream(5);
    await lastValueFrom(from(source).pipe(toWire(testHeader), recordToFile(path)), { defaultValue: null });
    const lines = runPython(script, [path]).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.kind)).toEqual(['header', 'block', 'block', 'block', 'block', 'block', 'end']);
    expect(lines[0]).toEqual(JSON.parse(JSON.stringify({ ...testHeader, schema: testHeader.schema })));
    expect(lines[6]).toEqual({ kind: 'end', seq: 5 });
    let compared = 0;
    for (let b = 0; b < 5; b++) {
      const block = source[b + 1];
      if (block.kind !== 'block') throw new Error('expected a block');
      const line = lines[b + 1] as { seq: number; t0: number; dt: number; columns: { J: [number, number][]; n: number[][] } };
      expect([line.seq, line.t0, line.dt]).toEqual([b, block.t0, block.dt]);
      const J = block.columns.J.data;
      const n = block.columns.n.data;
      expect(line.columns.J).toHaveLength(block.length);
      for (let k = 0; k < block.length; k++) {
        // === on doubles: Python prints the shortest repr that round-trips, JSON.parse restores the same double
        if (line.columns.J[k][0] !== J[2 * k] || line.columns.J[k][1] !== J[2 * k + 1]) throw new Error(`J differs at block ${b}, sample ${k}`);
        if (line.columns.n[k][0] !== n[2 * k] || line.columns.n[k][1] !== n[2 * k + 1]) throw new Error(`n differs at block ${b}, sample ${k}`);
        compared += 4;
      }
    }
    expect(compared).toBe(5 * 64 * 4);
  });

  it('skips the keepalive pings a network link carries (here spliced in before the header and after a block)', async () => {
    const script = join(dir, 'read_qsw.py');
    writeFileSync(script, readmePython());
    const path = join(dir, 'pinged.qsw');
    await lastValueFrom(from(testStream(2)).pipe(toWire(testHeader), recordToFile(path)), { defaultValue: null });
    const bytes = readFileSync(path);
    const records = createWireDecoder().push(bytes).length;
    expect(records).toBe(4); // header, 2 blocks, end
    // the end record is the file's last: a ping before it, one before the header
    const end = encodeWireRecord({ kind: 'end', seq: 2 });
    writeFileSync(path, Buffer.concat([PING_BYTES, bytes.subarray(0, bytes.length - end.length), PING_BYTES, bytes.subarray(bytes.length - end.length)]));
    const kinds = runPython(script, [path]).map((l) => (JSON.parse(l) as { kind: string }).kind);
    expect(kinds).toEqual(['header', 'block', 'block', 'end']);
  });

  it('reads frames too: scalar channels as numbers, array channels as their numbers (complex as [re, im])', async () => {
    const script = join(dir, 'read_qsw.py');
    writeFileSync(script, readmePython());
    const path = join(dir, 'frames.qsw');
    const frames = [0, 1, 2].map((k) => ({
      t: k / 3,
      channels: {
        x: realChannel(Math.sqrt(k + 2), 'V'),
        a: complexChannel(Math.PI * k, -Math.E / (k + 1)),
        rho: arrayChannel(Float64Array.of(0.75, 0, 0.1 * k, -0.2, 0.1 * k, 0.2, 0.25, 0), [2, 2], { complex: true }),
      },
    }));
    await lastValueFrom(from(frames).pipe(toWire(wireHeader({ name: 'frames', sourceId: 'py' })), recordToFile(path)), { defaultValue: null });
    const lines = runPython(script, [path]).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.kind)).toEqual(['header', 'frame', 'frame', 'frame', 'end']);
    frames.forEach((f, k) => {
      const rho = f.channels.rho.data;
      expect(lines[k + 1]).toEqual({
        kind: 'frame',
        seq: k,
        t: f.t,
        channels: {
          x: { kind: 'real', value: f.channels.x.value, unit: 'V' },
          a: { kind: 'complex', re: f.channels.a.re, im: f.channels.a.im },
          rho: { kind: 'array', shape: [2, 2], complex: true, data: [0, 1, 2, 3].map((i) => [rho[2 * i], rho[2 * i + 1]]) },
        },
      });
    });
  });

  it('refuses a corrupted record, as the format says', async () => {
    const script = join(dir, 'read_qsw.py');
    writeFileSync(script, readmePython());
    const path = join(dir, 'corrupt.qsw');
    await lastValueFrom(from(testStream(1)).pipe(toWire(testHeader), recordToFile(path)), { defaultValue: null });
    const bytes = readFileSync(path);
    bytes[bytes.byteLength - 3] ^= 0x01; // inside the end record's payload
    writeFileSync(path, bytes);
    const run = spawnSync(PYTHON, [script, path], { encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('checksum mismatch, the record is corrupted');
  });
});
