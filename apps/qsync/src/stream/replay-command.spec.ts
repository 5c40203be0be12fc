// replayCommand's memory with a consumer that takes every record at once: what stays in the
// process is the consumer's buffer and the last record, not the stream (the hub's default history
// of 4096 records / 256 MiB would keep all of this 16 MiB recording); recordings that stop
// without their end, or are empty, fail replay and detect --from.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { sampleBlock, streamSchema } from '@qsync/frames';
import type { SampleRecord } from '@qsync/frames';
import { encodeWireRecord, recordToFile, toWire, wireHeader } from '@qsync/wire';
import { Observable, lastValueFrom } from 'rxjs';
import { afterAll, expect, it } from 'vitest';
import { detectCommand } from './detect-command';
import { replayCommand } from './replay-command';

const tmp = mkdtempSync(join(tmpdir(), 'qsync-replay-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// a full collection on demand, whether or not node was started with --expose-gc
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

it('replay to a fast consumer (stdout) holds a few records, not the 16 MiB recording: ArrayBuffer memory after GC grows < 4 MiB mid-stream', async () => {
  const blocks = 256;
  const samples = 4096; // one complex channel: 64 KiB a block
  const file = join(tmp, 'big.qsw');
  const records = new Observable<SampleRecord>((out) => {
    out.next(streamSchema({ channels: { I: { kind: 'complex' } }, rate: 1 }));
    for (let k = 0; k < blocks; k++) out.next(sampleBlock({ t0: k * samples, dt: 1, columns: { I: { kind: 'complex', data: new Float64Array(2 * samples).fill(k) } } }));
    out.complete();
  });
  await lastValueFrom(records.pipe(toWire(wireHeader({ name: 'memory check', sourceId: 'spec' })), recordToFile(file)), { defaultValue: undefined });
  // the baseline after the recording's file stream has let go of its buffers: a CI run measured
  // 28 MB more here than mid-stream when it was taken at once (the check then read -28 MB)
  await new Promise((resolve) => setTimeout(resolve, 100));
  gc();
  gc();
  const before = process.memoryUsage().arrayBuffers;
  let written = 0;
  // what the process holds of what went by, after a full collection, at 8, 9, …, 12 MiB taken;
  // the smallest of the five: a buffer in flight at one instant is not held, while a recording
  // kept in memory would be ≥ 8 MiB at every one of them
  const held: number[] = [];
  const stdout = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written += chunk.byteLength;
      if (held.length < 5 && written > (8 + held.length) * 2 ** 20) {
        gc();
        held.push(process.memoryUsage().arrayBuffers - before);
      }
      done();
    },
  });
  const quiet = { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream;
  await replayCommand(file, { to: '-', progress: false }, { stdout: stdout as unknown as NodeJS.WriteStream, stderr: quiet });
  expect(written).toBeGreaterThan(blocks * samples * 16);
  expect(held).toHaveLength(5);
  const midStream = Math.min(...held);
  expect(midStream).toBeGreaterThanOrEqual(0 - 2 ** 20);
  expect(midStream).toBeLessThan(4 * 2 ** 20);
});

/** A recording of 5 blocks of 4 samples (two complex currents), session 'cut-1'. */
async function fiveBlocks(full: string): Promise<void> {
  const block = (k: number) => sampleBlock({ t0: k * 4, dt: 1, columns: { A: { kind: 'complex', data: new Float64Array(8).fill(k + 1) }, B: { kind: 'complex', data: new Float64Array(8).fill(-k - 1) } } });
  const records = new Observable<SampleRecord>((out) => {
    out.next(streamSchema({ channels: { A: { kind: 'complex' }, B: { kind: 'complex' } }, rate: 1 }));
    for (let k = 0; k < 5; k++) out.next(block(k));
    out.complete();
  });
  await lastValueFrom(records.pipe(toWire(wireHeader({ name: 'cut', sourceId: 'spec', sessionId: 'cut-1' })), recordToFile(full)), { defaultValue: undefined });
}

it('a recording that stops without its end record (cut at a record boundary), or is empty, is an error naming where it stops — for replay and for detect --from — not a success', async () => {
  const full = join(tmp, 'five.qsw');
  await fiveBlocks(full);
  const bytes = readFileSync(full);
  const cut = join(tmp, 'cut.qsw');
  writeFileSync(cut, bytes.subarray(0, bytes.byteLength - encodeWireRecord({ kind: 'end', seq: 5 }).byteLength));
  const empty = join(tmp, 'empty.qsw');
  writeFileSync(empty, new Uint8Array(0));
  const said: string[] = [];
  const io = { stdout: { write: (t: string) => said.push(t) }, stderr: { write: (t: string) => said.push(t), isTTY: false } } as unknown as { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream };
  // the whole recording replays; the cut one fails after sending what it holds, without 'done'
  await replayCommand(full, { to: join(tmp, 'full-out.qsw'), progress: false }, io);
  expect(said.at(-1)).toBe('qsync replay: done\n');
  said.length = 0;
  await expect(replayCommand(cut, { to: join(tmp, 'cut-out.qsw'), progress: false }, io)).rejects.toThrow(`the recording '${cut}' stops without an end record after seq 4: it was cut off`);
  await expect(replayCommand(empty, { to: join(tmp, 'empty-out.qsw'), progress: false }, io)).rejects.toThrow(`the recording '${empty}' holds no stream: it has no header record`);
  expect(said.join('')).not.toContain('done');
  // the detector: a cut-off line after the estimates of blocks 0…4, then the error
  await expect(detectCommand({ from: cut, progress: false }, io)).rejects.toThrow('stopped without an end record after seq 4: the producer was cut off');
  const lines = said.join('').trim().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { kind: string; samples?: number });
  expect(lines.at(-1)).toEqual({ kind: 'cut-off', sessionId: 'cut-1', lastSeq: 4 });
  expect(lines.filter((l) => l.kind === 'phase-histogram').at(-1)?.samples).toBe(20);
  said.length = 0;
  await expect(detectCommand({ from: empty, progress: false }, io)).rejects.toThrow('the input ended before any header');
  expect(said.join('')).toBe('{"kind":"cut-off","lastSeq":null}\n');
});

it("an error of the recording is not blamed on the output file ('cannot write' only for the file's own errors)", async () => {
  const full = join(tmp, 'five-again.qsw');
  await fiveBlocks(full);
  const bytes = readFileSync(full);
  const torn = join(tmp, 'torn.qsw');
  writeFileSync(torn, bytes.subarray(0, bytes.byteLength - 3));
  const io = { stdout: { write: () => true }, stderr: { write: () => true, isTTY: false } } as unknown as { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream };
  const out = join(tmp, 'torn-out.qsw');
  const e = await replayCommand(torn, { to: out, progress: false }, io).then(() => null, (error: unknown) => error as Error);
  expect(e?.message).toMatch(/^(replayFile: )?.*the stream ends inside the record at byte \d+/);
  expect(e?.message).not.toContain('cannot write');
  // a file that cannot be written is still named
  await expect(replayCommand(full, { to: join(tmp, 'no', 'such', 'dir.qsw'), progress: false }, io)).rejects.toThrow(new RegExp(`^cannot write '${join(tmp, 'no', 'such', 'dir.qsw')}': .*ENOENT`));
});
