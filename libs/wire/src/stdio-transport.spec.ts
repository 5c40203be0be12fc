import { type ChildProcess, spawn } from 'node:child_process';
import { PassThrough, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Subject, from, lastValueFrom, toArray } from 'rxjs';
import { operatorContract, sameBits } from '@qsync/testing';
import type { SampleRecord } from '@qsync/frames';
import { fromReadable } from './from-readable';
import { fromWire } from './from-wire';
import { toWire } from './to-wire';
import { toWritable } from './to-writable';
import { WireFormatError } from './wire-format-error';
import { createWireDecoder } from './create-wire-decoder';
import { encodeWireRecord } from './encode-wire-record';
import type { WireRecord } from './wire-record';
import { testHeader, testStream } from './test-support/test-stream';

const child = fileURLToPath(new URL('./test-support/emit-to-stdout.ts', import.meta.url));

const procs = new Set<ChildProcess>();
afterAll(() => procs.forEach((p) => p.exitCode === null && p.signalCode === null && p.kill('SIGKILL')));

/** Runs the emitter in a child process and reads its stdout with fromReadable → fromWire. */
async function readChild(args: string[]): Promise<{ records: SampleRecord[]; error: unknown; code: number | null }> {
  // stderr on a pipe, never inherited: a child left running by a failed test must not hold the
  // test process's stderr (CI's `npm test | tee` would wait for it); afterAll kills what is left
  const proc = spawn(process.execPath, ['--import', 'tsx', child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  procs.add(proc);
  proc.stderr.resume();
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const records: SampleRecord[] = [];
  let error: unknown = null;
  await new Promise<void>((resolve) => {
    fromReadable(proc.stdout)
      .pipe(fromWire())
      .subscribe({ next: (r) => records.push(r as SampleRecord), error: (e) => ((error = e), resolve()), complete: () => resolve() });
  });
  return { records, error, code: await exited };
}

const sameStream = (a: SampleRecord[], b: SampleRecord[]): boolean =>
  a.length === b.length &&
  a.every((r, i) => {
    const s = b[i];
    if (r.kind !== 'block' || s.kind !== 'block') return JSON.stringify(r) === JSON.stringify(s);
    return r.t0 === s.t0 && r.dt === s.dt && sameBits(r.columns.J.data, s.columns.J.data) && sameBits(r.columns.n.data, s.columns.n.data);
  });

describe('stdio transport: toWritable / fromReadable', () => {
  it('a child process writes a stream to its stdout; the parent reads every sample bit for bit', async () => {
    const { records, error, code } = await readChild(['30']);
    expect(error).toBe(null);
    expect(code).toBe(0);
    expect(records).toHaveLength(31);
    expect(sameStream(records, testStream(30))).toBe(true);
  }, 30_000);

  it('a corrupted or cut stdout is a WireFormatError in the reader, and the reading process carries on', async () => {
    const corrupt = await readChild(['5', 'corrupt']);
    expect(corrupt.error).toBeInstanceOf(WireFormatError);
    expect((corrupt.error as Error).message).toMatch(/checksum mismatch in the record at byte \d+/);
    expect(corrupt.records).toHaveLength(2); // the schema and the first block, before the bad record
    const cut = await readChild(['5', 'cut']);
    expect(cut.error).toBeInstanceOf(WireFormatError);
    expect((cut.error as Error).message).toMatch(/the stream ends inside the record at byte \d+: \d+ of its \d+ bytes arrived \(truncated input\)/);
    expect(cut.records).toHaveLength(6); // schema and 5 blocks: only the end record was cut
  }, 30_000);

  it('toWritable completes after the bytes are flushed; fromReadable emits records whatever the chunking', async () => {
    const pipe = new PassThrough({ highWaterMark: 7 });
    const read = lastValueFrom(fromReadable(pipe).pipe(toArray()));
    await lastValueFrom(from(testStream(3)).pipe(toWire(testHeader), toWritable(pipe, { end: true })), { defaultValue: null });
    const records = await read;
    expect(records.map((r) => r.kind)).toEqual(['header', 'block', 'block', 'block', 'end']);
  });

  it('toWritable: a source error is passed on after what came before has been written; the stream stays open', async () => {
    const chunks: Buffer[] = [];
    const out = new Writable({ write: (c: Buffer, _e, done) => (chunks.push(c), done()) });
    const src = new Subject<WireRecord>();
    const result = lastValueFrom(src.pipe(toWritable(out)), { defaultValue: null }).catch((e: Error) => e.message);
    src.next({ kind: 'end', seq: 0 });
    src.error(new Error('producer failed'));
    expect(await result).toBe('producer failed');
    expect(createWireDecoder().push(new Uint8Array(Buffer.concat(chunks)))).toEqual([{ kind: 'end', seq: 0 }]);
    expect(out.writable).toBe(true);
    expect(() => toWritable(null as never)).toThrow(`toWritable: argument 'stream' must be a node Writable`);
    expect(() => fromReadable({} as never)).toThrow(`fromReadable: argument 'stream' must be a node Readable`);
  });

  it('toWritable: a destination that stops taking bytes fails the sink at maxPendingBytes, naming it, instead of growing memory', async () => {
    const stalled = new Writable({ highWaterMark: 16, write: () => undefined }); // never calls back
    const records = from(Array.from({ length: 1000 }, (_, seq): WireRecord => ({ kind: 'end', seq })));
    const e = await lastValueFrom(records.pipe(toWritable(stalled, { maxPendingBytes: 1000 })), { defaultValue: null }).catch((x: Error) => x);
    expect((e as Error).message).toMatch(/^toWritable: the destination is not keeping up: \d+ bytes are waiting to be written and the next record has \d+, beyond maxPendingBytes = 1000/);
    expect(stalled.writableLength).toBeLessThanOrEqual(1000);
    expect(stalled.writableLength).toBeGreaterThan(1000 - 40);
    expect(() => toWritable(stalled, { maxPendingBytes: 0 })).toThrow(`toWritable: option 'maxPendingBytes' must be a number of bytes > 0, got 0`);
  });

  it('fromReadable: unsubscribing stops listening and pauses the stream', () => {
    const pipe = new PassThrough();
    const got: string[] = [];
    const sub = fromReadable(pipe).subscribe((r) => got.push(r.kind));
    pipe.write(encodeWireRecord({ kind: 'end', seq: 0 }));
    sub.unsubscribe();
    pipe.write(encodeWireRecord({ kind: 'end', seq: 1 }));
    expect(got).toEqual(['end']);
    expect(pipe.listenerCount('data')).toBe(0);
    expect(pipe.isPaused()).toBe(true);
  });
});

const sink = () => new Writable({ write: (_c: Buffer, _e, done) => done() });
operatorContract('toWritable', { operator: () => toWritable(sink()), sample: { kind: 'end', seq: 0 } as WireRecord });
