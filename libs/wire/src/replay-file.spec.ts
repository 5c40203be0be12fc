import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Subject, type Subscription, from, lastValueFrom, map, take, takeUntil, tap, toArray } from 'rxjs';
import { countingSource, sameBits } from '@qsync/testing';
import type { SampleRecord } from '@qsync/frames';
import { createWireHub } from './create-wire-hub';
import { fromWire } from './from-wire';
import { recordToFile } from './record-to-file';
import { replayFile } from './replay-file';
import { toWire } from './to-wire';
import { WireFormatError } from './wire-format-error';
import { encodeWireRecord } from './encode-wire-record';
import type { WireRecord } from './wire-record';
import { channelBlock, channelHeader } from './test-support/channel-stream';
import { testHeader, testStream } from './test-support/test-stream';

const dir = mkdtempSync(join(tmpdir(), 'qsync-wire-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const record = async (source: SampleRecord[]): Promise<string> => {
  const path = join(dir, `stream-${files++}.qsw`);
  await lastValueFrom(from(source).pipe(toWire(testHeader), recordToFile(path)), { defaultValue: null });
  return path;
};
const failureOf = (p: Promise<unknown>): Promise<unknown> => p.then(() => null, (e: unknown) => e);

describe('recordToFile / replayFile', () => {
  it('the file is the records\' bytes back to back; replayed fast, the samples come back bit for bit', async () => {
    const source = testStream(8);
    const path = await record(source);
    const wire = await lastValueFrom(from(source).pipe(toWire(testHeader), toArray()));
    expect(Buffer.compare(readFileSync(path), Buffer.concat(wire.map(encodeWireRecord)))).toBe(0);
    const back = await lastValueFrom(replayFile(path, { pace: 'fast' }).pipe(fromWire(), toArray()));
    expect(back).toHaveLength(source.length);
    for (let i = 1; i < source.length; i++) {
      const [a, b] = [source[i], back[i] as SampleRecord];
      if (a.kind !== 'block' || b.kind !== 'block') throw new Error('expected blocks');
      expect([b.t0, b.dt, sameBits(b.columns.J.data, a.columns.J.data), sameBits(b.columns.n.data, a.columns.n.data)]).toEqual([a.t0, a.dt, true, true]);
    }
  });

  it("pace 'recorded' releases a block at its last sample's time, not one dt later: blocks of 2 samples at dt = 1 go at 1, 3 (not 2, 4) units", async () => {
    const path = join(dir, `paced-${files++}.qsw`);
    // t0 = 0, 2; samples at t = 0, 1 | 2, 3: released at 1 and 3 units after the start
    const records: WireRecord[] = [channelHeader(1, 1), channelBlock(0, 0, 2, 1, 1), channelBlock(1, 2, 2, 1, 1), { kind: 'end', seq: 2 }];
    await lastValueFrom(from(records).pipe(recordToFile(path)), { defaultValue: null });
    // the old rule released each block exactly one dt (500 ms) later and never early: any release
    // before due + 500 ms tells the rules apart, and leaves a loaded machine 500 ms of lag
    const timeUnitMs = 500;
    const start = performance.now();
    const times = await lastValueFrom(replayFile(path, { pace: 'recorded', timeUnitMs }).pipe(map((r) => [r.kind, performance.now() - start] as const), toArray()));
    const blocks = times.filter(([kind]) => kind === 'block').map(([, t]) => t);
    [1, 3].forEach((units, k) => {
      expect(blocks[k], `block ${k}`).toBeGreaterThanOrEqual(units * timeUnitMs);
      expect(blocks[k], `block ${k}`).toBeLessThan((units + 1) * timeUnitMs);
    });
  });

  it("pace 'recorded' releases block k when its last sample is due, (64k + 63)·dt·timeUnitMs after the start, never before; 'fast' does not wait", async () => {
    const path = await record(testStream(6)); // blocks of 64 samples, dt = 1e-3: 0.064 time units each
    const timeUnitMs = 100; // 6.4 ms per block
    const start = performance.now();
    const times = await lastValueFrom(
      replayFile(path, { pace: 'recorded', timeUnitMs }).pipe(
        map((r) => [r.kind, performance.now() - start] as const),
        toArray(),
      ),
    );
    const blocks = times.filter(([kind]) => kind === 'block').map(([, t]) => t);
    expect(blocks).toHaveLength(6);
    blocks.forEach((t, k) => {
      const due = (64 * k + 63) * 1e-3 * timeUnitMs;
      expect(t, `block ${k}`).toBeGreaterThanOrEqual(due);
      expect(t, `block ${k}`).toBeLessThan(due + 500); // loaded machine
    });
    const t0 = performance.now();
    await lastValueFrom(replayFile(path, { pace: 'fast' }).pipe(toArray()));
    expect(performance.now() - t0).toBeLessThan(0.064 * 6 * 10_000); // what 'recorded' at 10 s per unit would take
  });

  it('reports its progress in bytes of the file: increasing, at least once a 64 KiB chunk, ending at the file size', async () => {
    const path = await record(testStream(400)); // blocks of 64 samples: about 400 kB
    const size = statSync(path).size;
    const seen: { done: number; total: number }[] = [];
    const count = await lastValueFrom(replayFile(path, { pace: 'fast', onProgress: (p) => seen.push(p) }).pipe(toArray()));
    expect(count.length).toBe(402);
    expect(seen.every((p) => p.total === size)).toBe(true);
    expect(seen[seen.length - 1].done).toBe(size);
    expect(seen.length).toBeGreaterThanOrEqual(Math.floor(size / 65536));
    for (let i = 1; i < seen.length; i++) expect(seen[i].done).toBeGreaterThan(seen[i - 1].done);
  });

  it("with a hub as its gate, a replay into a 'pause' consumer that does not read stops at the consumer's buffer; nothing is lost", async () => {
    const path = await record(testStream(300));
    const hub = createWireHub({ buffer: { records: 4, policy: 'pause', overrun: 1 }, history: { records: 1 } });
    const consumer = hub.attach({ kind: 'subscribe', lastSeq: null });
    let emitted = 0;
    let failure: unknown = null;
    const replay = replayFile(path, { pace: 'fast', gate: hub }).subscribe({
      next: (r) => {
        emitted++;
        hub.publish(r as WireRecord);
      },
      error: (e: unknown) => (failure = e),
    });
    // the consumer reads nothing: the replay stops at its buffer (header + 4 blocks) and stays there
    // (without the gate it runs on to the end, 302 records, and the hub fails the consumer past its overrun)
    for (let waited = 0; emitted < 5 && waited < 10_000; waited += 5) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 100));
    expect(failure).toBe(null);
    expect(emitted).toBe(5);
    expect(consumer.backlog.records).toBe(4);
    const seqs: number[] = [];
    for await (const r of consumer) if (r.kind === 'block') seqs.push(r.seq);
    expect(seqs).toEqual(Array.from({ length: 300 }, (_, k) => k));
    expect(consumer.maxBacklog.records).toBe(4);
    replay.unsubscribe();
  });

  it('unsubscribing stops a paced replay: nothing is emitted after', async () => {
    const path = await record(testStream(6));
    // stopped at its first block (6.4 ms in), beside a replay of the same file that runs to the end:
    // once that one has ended (and a little after), every record of the stopped one would have come
    const kinds: string[] = [];
    let stopped = false;
    let sub: Subscription | undefined = undefined;
    sub = replayFile(path, { pace: 'recorded', timeUnitMs: 100 }).subscribe((r) => {
      kinds.push(r.kind);
      if (r.kind === 'block') {
        stopped = true;
        sub?.unsubscribe();
      }
    });
    if (stopped) sub.unsubscribe(); // the first block came during subscribe
    const whole = await lastValueFrom(replayFile(path, { pace: 'recorded', timeUnitMs: 100 }).pipe(toArray()));
    expect(whole).toHaveLength(8);
    await new Promise((r) => setTimeout(r, 50));
    expect(kinds).toEqual(['header', 'block']);
    expect(await lastValueFrom(replayFile(path, { pace: 'fast' }).pipe(take(2), toArray()))).toHaveLength(2);
  });

  it('a corrupted, truncated or unknown-version file errors with a WireFormatError after the records before the bad one', async () => {
    const path = await record(testStream(4));
    const bytes = readFileSync(path);
    const wire = await lastValueFrom(from(testStream(4)).pipe(toWire(testHeader), map(encodeWireRecord), toArray()));
    const third = wire[0].byteLength + wire[1].byteLength; // offset of the third record
    const variants: [string, (b: Buffer) => void, string][] = [
      ['flipped bit', (b) => (b[third + 30] ^= 0x01), `checksum mismatch in the record at byte ${third}`],
      ['unknown version', (b) => (b[third + 3] = 7), `the record at byte ${third} is of wire format version 7; this reader reads version 1 only`],
    ];
    for (const [what, spoil, message] of variants) {
      const b = Buffer.from(bytes);
      spoil(b);
      const p = join(dir, `bad-${files++}.qsw`);
      writeFileSync(p, b);
      const got: string[] = [];
      const e = await failureOf(lastValueFrom(replayFile(p, { pace: 'fast' }).pipe(map((r) => got.push(r.kind)))));
      expect(e, what).toBeInstanceOf(WireFormatError);
      expect((e as Error).message).toContain(message);
      expect(got, what).toEqual(['header', 'block']);
    }
    const cut = join(dir, `cut-${files++}.qsw`);
    writeFileSync(cut, bytes.subarray(0, third + 100));
    const e = await failureOf(lastValueFrom(replayFile(cut, { pace: 'fast' })));
    expect(e).toBeInstanceOf(WireFormatError);
    expect((e as Error).message).toContain(`the stream ends inside the record at byte ${third}: 100 of its ${wire[2].byteLength} bytes arrived`);
  });

  it('a source error keeps the records before it in the file and is passed on once the file is closed; the replay says it was cut off', async () => {
    const path = join(dir, `failed-${files++}.qsw`);
    const src = new Subject<WireRecord>();
    const done = failureOf(lastValueFrom(src.pipe(recordToFile(path)), { defaultValue: null }));
    const [header, first] = await lastValueFrom(from(testStream(1)).pipe(toWire(testHeader), toArray()));
    src.next(header);
    src.next(first);
    src.error(new Error('simulation blew up'));
    expect(((await done) as Error).message).toBe('simulation blew up');
    const e = await failureOf(lastValueFrom(replayFile(path, { pace: 'fast' }).pipe(fromWire(), toArray())));
    expect((e as Error).message).toContain('fromWire: the stream stopped without an end record after seq 0: the producer was cut off');
  });

  it('names what is wrong: a missing file, an unwritable path, the options', async () => {
    const e = await failureOf(lastValueFrom(replayFile(join(dir, 'nope.qsw'), { pace: 'fast' })));
    expect((e as Error).message).toMatch(/^replayFile: cannot read '.*nope\.qsw': ENOENT/);
    const w = await failureOf(lastValueFrom(from([testHeader as WireRecord]).pipe(recordToFile(join(dir, 'no', 'such', 'dir.qsw'))), { defaultValue: null }));
    expect((w as Error).message).toMatch(/^recordToFile: cannot write '.*dir\.qsw': ENOENT/);
    expect(() => replayFile('x', { pace: 'recorded' })).toThrow(`replayFile: option 'timeUnitMs' (wall-clock ms per unit of the stream's time) must be a number > 0 with pace 'recorded', got undefined`);
    expect(() => replayFile('x', { pace: 'slow' as never })).toThrow(`replayFile: option 'pace' must be 'fast' or 'recorded', got slow`);
    expect(() => replayFile('x', { pace: 'fast', gate: {} as never })).toThrow(`replayFile: option 'gate' must be a hub or { open: boolean, ready(): Promise<void> }`);
    expect(() => replayFile('x', { pace: 'fast', onProgress: 1 as never })).toThrow(`replayFile: option 'onProgress' must be a function ({ done, total }) => void, got 1`);
    expect(() => recordToFile('')).toThrow(`recordToFile: argument 'path' must be a file path`);
  });
});

describe('replayFile: a missing file is an error delivered, not a crash', () => {
  it('with onProgress (stat first): the error reaches the subscriber and the process is still alive 1 s later', async () => {
    // in a child process: an unhandled 'error' event of a file stream ends it with a stack trace
    const script = [
      `import { lastValueFrom } from 'rxjs';`,
      `import { replayFile } from ${JSON.stringify(fileURLToPath(new URL('./replay-file.ts', import.meta.url)))};`,
      `try { await lastValueFrom(replayFile(${JSON.stringify(join(dir, 'missing.qsw'))}, { pace: 'fast', onProgress: () => undefined })); } catch (e) { console.log('error: ' + e.message); }`,
      `await new Promise((resolve) => setTimeout(resolve, 1000));`,
      `console.log('alive');`,
    ].join('\n');
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, out, err }).toEqual({ code: 0, out: expect.stringMatching(/^error: replayFile: cannot read '.*missing\.qsw': ENOENT.*\nalive\n$/), err: '' });
  }, 30_000);
});

describe('recordToFile and the RxJS operator contract', () => {
  // completion and errors wait for the file to close (I/O), so the contract's virtual-time checks do
  // not apply; its other demands do
  it('unsubscribing in the middle of a synchronous source loop stops the loop there and closes the file', async () => {
    const path = join(dir, `loop-${files++}.qsw`);
    const { source, produced } = countingSource(Array.from({ length: 1000 }, (_, seq): WireRecord => ({ kind: 'end', seq })));
    const leave = new Subject<void>();
    source
      .pipe(
        tap(() => {
          if (produced() === 3) leave.next();
        }),
        recordToFile(path),
        takeUntil(leave),
      )
      .subscribe();
    expect(produced()).toBe(3);
    await new Promise((r) => setTimeout(r, 20));
    expect(readFileSync(path).byteLength).toBeLessThanOrEqual(2 * encodeWireRecord({ kind: 'end', seq: 1 }).byteLength);
  });

  it('an empty source gives an empty file and completes', async () => {
    const path = join(dir, `empty-${files++}.qsw`);
    expect(await lastValueFrom(from([] as WireRecord[]).pipe(recordToFile(path)), { defaultValue: 'done' })).toBe('done');
    expect(readFileSync(path).byteLength).toBe(0);
  });
});
