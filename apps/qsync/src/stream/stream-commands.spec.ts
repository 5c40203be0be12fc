// qsync emit / detect / record / replay in one process, over real loopback sockets and files:
// the detector's numbers against the same trajectory computed in-process by another path
// (`unravelingTrajectory`: the whole trajectory at once, no blocks, no wire), from a config written
// out in test-support/stream-reference.ts rather than read from the scenario as the emitter reads it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { PassThrough, Writable } from 'node:stream';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { currentPhaseHistogram } from '@qsync/probes';
import { type Frame, type SampleRecord, sampleBlock, streamSchema } from '@qsync/frames';
import { WIRE_HEAD_BYTES, createWireDecoder, encodeWireRecord, fromTcp, recordToFile, toWire, wireHeader } from '@qsync/wire';
import type { WireRecord } from '@qsync/wire';
import { Observable, lastValueFrom, toArray } from 'rxjs';
import { type AddressInfo, type Socket, createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { unravelingTrajectory } from '../run/unraveling-trajectory';
import { fakeTty } from '../test-support/fake-tty';
import { STREAM_SEED, streamReferenceConfig, streamReferenceCurrents, streamScenario } from '../test-support/stream-reference';
import { detectCommand } from './detect-command';
import type { DetectorLine } from './detector-estimates';
import { emitCommand } from './emit-command';
import { replayCommand } from './replay-command';

const scenario = streamScenario;
const tmp = mkdtempSync(join(tmpdir(), 'qsync-stream-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const quiet = { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream;

/** The trajectory's currents computed in-process in one piece from a config written out in the spec (not through the emitter's scenario reading). */
const inProcessCurrents = () => streamReferenceCurrents();

/** A detector listening on an ephemeral port, its JSON lines collected. */
function startDetector(listen = 'tcp://127.0.0.1:0', options: { to?: string; streams?: string } = {}) {
  const lines: (DetectorLine | { kind: 'listening'; url: string })[] = [];
  let onUrl: (url: string) => void = () => undefined;
  const url = new Promise<string>((resolve) => (onUrl = resolve));
  const waiters: { test: () => boolean; resolve: () => void }[] = [];
  const stdout = {
    write(text: string) {
      for (const line of text.split('\n').filter((l) => l !== '')) {
        const parsed = JSON.parse(line) as (typeof lines)[number];
        lines.push(parsed);
        if (parsed.kind === 'listening') onUrl(parsed.url);
      }
      for (const w of waiters.splice(0)) if (w.test()) w.resolve(); else waiters.push(w);
      return true;
    },
  };
  const done = detectCommand({ listen, bins: '32', streams: '1', ...options }, { stdout, stderr: quiet });
  const until = (test: () => boolean): Promise<void> => (test() ? Promise.resolve() : new Promise((resolve) => waiters.push({ test, resolve })));
  return { lines, url, done, until };
}

const histograms = (lines: readonly { kind: string }[]) => lines.filter((l): l is Extract<DetectorLine, { kind: 'phase-histogram' }> => l.kind === 'phase-histogram');

describe('qsync emit → qsync detect over loopback', () => {
  it("the detector's final phase-difference histogram equals, count for count, the in-process one of the same scenario and seed", async () => {
    const expected = await inProcessCurrents();
    const detector = startDetector();
    await emitCommand(scenario, { to: await detector.url, block: '25', buffer: '4' }, { stdout: quiet, stderr: quiet });
    await detector.done;
    const last = histograms(detector.lines).at(-1);
    const h = currentPhaseHistogram(expected.I0, expected.I1, { bins: 32 });
    expect(last?.samples).toBe(2001);
    expect(last?.counts).toEqual(Array.from(h.counts));
    // every sample in some bin, spread over the circle (the detector noise of Eq. 3.15 dominates a single sample)
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(2001);
    expect(h.counts.filter((c) => c > 0).length).toBeGreaterThan(24);
    const sessions = detector.lines.filter((l): l is Extract<DetectorLine, { kind: 'session' }> => l.kind === 'session');
    expect(sessions).toHaveLength(1);
    expect(sessions[0].estimates).toEqual(['phase-histogram I0 I1', 'spectrum I0', 'spectrum I1', 'filtered nA nB']);
    expect(detector.lines.at(-1)).toMatchObject({ kind: 'end', records: 81 });
    // the filter of the record (step = sample spacing here) is the trajectory's conditional state
    const filtered = detector.lines.filter((l): l is Extract<DetectorLine, { kind: 'filtered' }> => l.kind === 'filtered').at(-1);
    expect(filtered?.t).toBeCloseTo(40, 12);
    expect(Math.abs((filtered?.expect.nA[0] ?? NaN) - expected.nA[2 * 2000])).toBeLessThan(1e-9);
  }, 120_000); // seconds on a quiet machine; the bound only catches a hang on a loaded CI machine

  it('over WebSocket (ws://HOST:PORT/PATH) too: the same counts', async () => {
    const expected = await inProcessCurrents();
    const detector = startDetector('ws://127.0.0.1:0/currents');
    const url = await detector.url;
    expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/currents$/);
    await emitCommand(scenario, { to: url, block: '50', buffer: '2' }, { stdout: quiet, stderr: quiet });
    await detector.done;
    const h = currentPhaseHistogram(expected.I0, expected.I1, { bins: 32 });
    expect(histograms(detector.lines).at(-1)?.counts).toEqual(Array.from(h.counts));
  }, 120_000); // seconds on a quiet machine; the bound only catches a hang on a loaded CI machine

  it('a producer killed mid-stream and started again resumes the same session: the detector runs on and its final counts equal the in-process ones', async () => {
    const expected = await inProcessCurrents();
    const detector = startDetector();
    const url = await detector.url;
    const kill = new AbortController();
    const first = emitCommand(scenario, { to: url, block: '10', buffer: '2' }, { stdout: quiet, stderr: quiet }, 'emit', kill.signal);
    await detector.until(() => histograms(detector.lines).length >= 20);
    kill.abort();
    await first;
    const before = histograms(detector.lines).at(-1)?.samples ?? 0;
    expect(before).toBeGreaterThanOrEqual(200);
    expect(before).toBeLessThan(2001); // killed mid-stream
    await emitCommand(scenario, { to: url, block: '10', buffer: '2' }, { stdout: quiet, stderr: quiet });
    await detector.done;
    const all = histograms(detector.lines);
    const h = currentPhaseHistogram(expected.I0, expected.I1, { bins: 32 });
    expect(all.at(-1)?.counts).toEqual(Array.from(h.counts));
    // every sample counted once: the counts only grow, 10 at a time
    expect(all.map((l) => l.samples)).toEqual(Array.from({ length: 201 }, (_, k) => Math.min(10 * (k + 1), 2001)));
    expect(detector.lines.filter((l) => l.kind === 'session')).toHaveLength(1);
  }, 120_000); // seconds on a quiet machine; the bound only catches a hang on a loaded CI machine

  it('a producer of another session (another seed) starts new estimates, and the detector says which session it replaces', async () => {
    const other = join(tmp, 'other-seed.json');
    const raw = JSON.parse(readFileSync(scenario, 'utf8')) as Record<string, unknown>;
    writeFileSync(other, JSON.stringify({ ...raw, noiseSeed: 12, times: { start: 0, stop: 5, count: 251 }, step: 0.01 }));
    const detector = startDetector();
    const url = await detector.url;
    const kill = new AbortController();
    const first = emitCommand(scenario, { to: url, block: '10', buffer: '2' }, { stdout: quiet, stderr: quiet }, 'emit', kill.signal);
    await detector.until(() => histograms(detector.lines).length >= 3);
    kill.abort();
    await first;
    await emitCommand(other, { to: url, block: '10' }, { stdout: quiet, stderr: quiet });
    await detector.done;
    const sessions = detector.lines.filter((l): l is Extract<DetectorLine, { kind: 'session' }> => l.kind === 'session');
    expect(sessions).toHaveLength(2);
    expect(sessions[1].replaces).toBe(sessions[0].sessionId);
    expect(sessions[1].seed).toBe(12);
    // a record twice as coarse as its integration: no filter, and the session line says why
    expect(sessions[0].noFilter).toBeUndefined();
    expect(sessions[1].noFilter).toBe("the stream's sample spacing (0.02) is not its scenario's step 0.01: the filter needs the record as fine as the integration");
    const last = histograms(detector.lines).at(-1);
    expect(last?.sessionId).toBe(sessions[1].sessionId);
    expect(last?.samples).toBe(251); // counted afresh
  }, 120_000); // seconds on a quiet machine; the bound only catches a hang on a loaded CI machine
});

describe('qsync detect keeps serving, and sends its estimates on (--to)', () => {
  /** The records of every wire stream in `bytes`, split at each header. */
  const streamsIn = (bytes: Buffer) => {
    const out: WireRecord[][] = [];
    for (const r of createWireDecoder().push(bytes)) {
      if (r.kind === 'subscribe') continue;
      if (r.kind === 'header') out.push([]);
      out.at(-1)?.push(r);
    }
    return out;
  };
  const lastFrame = (records: readonly WireRecord[]) => records.filter((r): r is Extract<WireRecord, { kind: 'frame' }> => r.kind === 'frame').at(-1)?.frame;
  const data = (frame: Frame | undefined, name: string) => {
    const c = frame?.channels[name];
    return c?.kind === 'array' ? Array.from(c.data) : c?.kind === 'real' ? c.value : c?.kind === 'complex' ? [c.re, c.im] : undefined;
  };

  it('after a stream ends it serves the next producer: the same session again adds nothing, a new session gets new estimates; --to FILE holds one estimate stream per session, whose last frames are the in-process estimates', async () => {
    const other = join(tmp, 'other-seed-served.json');
    const raw = JSON.parse(readFileSync(scenario, 'utf8')) as Record<string, unknown>;
    writeFileSync(other, JSON.stringify({ ...raw, noiseSeed: 12, times: { start: 0, stop: 5, count: 251 }, step: 0.01 }));
    const estimates = join(tmp, 'estimates.qsw');
    const detector = startDetector('tcp://127.0.0.1:0', { to: estimates, streams: '2' });
    const url = await detector.url;
    // a producer that would find no detector if detect had returned is stopped when detect returns
    const served = async (file: string, block: string): Promise<void> => {
      const stop = new AbortController();
      const emitted = emitCommand(file, { to: url, block }, { stdout: quiet, stderr: quiet }, 'emit', stop.signal);
      void detector.done.then(() => setTimeout(() => stop.abort(), 1000));
      await emitted;
    };
    await served(scenario, '100');
    await Promise.race([detector.done, detector.until(() => detector.lines.some((l) => l.kind === 'end'))]);
    // the same deterministic producer again, after its stream has ended: nothing to add
    await served(scenario, '100');
    await Promise.race([detector.done, detector.until(() => detector.lines.some((l) => l.kind === 'already-ended'))]);
    // a producer of another session: new estimates
    await served(other, '10');
    await detector.done;
    const sessions = detector.lines.filter((l): l is Extract<DetectorLine, { kind: 'session' }> => l.kind === 'session');
    expect(sessions.map((l) => l.seed)).toEqual([11, 12]);
    expect(detector.lines.filter((l) => l.kind === 'end')).toHaveLength(2);
    const a = await inProcessCurrents();
    const b = await streamReferenceCurrents({ dt: 0.01, outputEvery: 2, samples: 251 }, 12);
    const ha = currentPhaseHistogram(a.I0, a.I1, { bins: 32 });
    const hb = currentPhaseHistogram(b.I0, b.I1, { bins: 32 });
    expect(histograms(detector.lines).filter((l) => l.sessionId === sessions[0].sessionId).at(-1)?.counts).toEqual(Array.from(ha.counts));
    expect(histograms(detector.lines).at(-1)?.counts).toEqual(Array.from(hb.counts));
    // the estimate streams in the file: one per session, each ended, the last frame the final estimates
    const streams = streamsIn(readFileSync(estimates));
    expect(streams).toHaveLength(2);
    for (const [k, h] of [ha, hb].entries()) {
      const header = streams[k][0] as Extract<WireRecord, { kind: 'header' }>;
      expect(header.provenance.metadata).toEqual({ estimatesOf: sessions[k].sessionId, bins: 32, segmentLength: 64 });
      expect(header.provenance.seed).toBe(sessions[k].seed);
      expect(streams[k].at(-1)?.kind).toBe('end');
      expect(data(lastFrame(streams[k]), 'phaseCounts')).toEqual(Array.from(h.counts));
      expect(data(lastFrame(streams[k]), 'phaseSamples')).toBe(k === 0 ? 2001 : 251);
    }
    // the filter of session A (its step is the sample spacing): the trajectory's conditional ⟨n_A⟩
    const nA = data(lastFrame(streams[0]), 'filtered:nA') as number[];
    expect(Math.abs(nA[0] - a.nA[2 * 2000])).toBeLessThan(1e-9);
    expect(data(lastFrame(streams[0]), 'I0:segments')).toBe(Math.floor(2001 / 64));
  }, 120_000); // seconds on a quiet machine; the bound only catches a hang on a loaded CI machine

  it('--from a recording --to - writes the estimate stream to stdout instead of the JSON lines', async () => {
    const recorded = join(tmp, 'to-stdout.qsw');
    await emitCommand(scenario, { to: recorded, block: '100' }, { stdout: quiet, stderr: quiet }, 'record');
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await detectCommand({ from: recorded, to: '-' }, { stdout: out as unknown as NodeJS.WriteStream, stderr: quiet });
    const streams = streamsIn(Buffer.concat(chunks));
    expect(streams).toHaveLength(1);
    const expected = await inProcessCurrents();
    expect(data(lastFrame(streams[0]), 'phaseCounts')).toEqual(Array.from(currentPhaseHistogram(expected.I0, expected.I1, { bins: 32 }).counts));
    expect(streams[0].at(-1)?.kind).toBe('end');
  });

  it('--to tcp://…: the estimates arrive at a listening consumer as a wire stream, its last frame the final histogram', async () => {
    let onUrl: (url: string) => void = () => undefined;
    const consumerUrl = new Promise<string>((resolve) => (onUrl = resolve));
    const received = lastValueFrom(fromTcp({ listen: { host: '127.0.0.1', port: 0 }, onListening: ({ url }) => onUrl(url) }).pipe(toArray()));
    const detector = startDetector('tcp://127.0.0.1:0', { to: await consumerUrl });
    await emitCommand(scenario, { to: await detector.url, block: '50' }, { stdout: quiet, stderr: quiet });
    await detector.done;
    const records = await received;
    const expected = await inProcessCurrents();
    const h = currentPhaseHistogram(expected.I0, expected.I1, { bins: 32 });
    expect(records[0].kind).toBe('header');
    expect(records.at(-1)?.kind).toBe('end');
    expect(data(lastFrame(records), 'phaseCounts')).toEqual(Array.from(h.counts));
    expect(detector.lines.some((l) => l.kind === 'phase-histogram')).toBe(true); // JSON lines as well
  }, 120_000); // seconds on a quiet machine; the bound only catches a hang on a loaded CI machine
});

describe('qsync record → qsync replay', () => {
  it('the replayed recording carries the in-process currents bit for bit, in order, from seq 0 to the end', async () => {
    const expected = await inProcessCurrents();
    const recorded = join(tmp, 'currents.qsw');
    const replayed = join(tmp, 'replayed.qsw');
    await emitCommand(scenario, { to: recorded, block: '64' }, { stdout: quiet, stderr: quiet }, 'record');
    await replayCommand(recorded, { to: replayed, pace: 'fast' }, { stdout: quiet, stderr: quiet });
    const bytes = readFileSync(replayed);
    expect(bytes.equals(readFileSync(recorded))).toBe(true);
    const records = createWireDecoder().push(bytes);
    expect(records[0].kind).toBe('header');
    expect(records.at(-1)).toEqual({ kind: 'end', seq: 32 });
    const got = { I0: [] as Float64Array[], I1: [] as Float64Array[] };
    records.forEach((r, k) => {
      if (r.kind !== 'block') return;
      expect(r.seq).toBe(k - 1);
      got.I0.push(r.block.columns.I0.data);
      got.I1.push(r.block.columns.I1.data);
    });
    for (const name of ['I0', 'I1'] as const) {
      const joined = new Float64Array(expected[name].length);
      let at = 0;
      for (const d of got[name]) {
        joined.set(d, at);
        at += d.length;
      }
      expect(at).toBe(2 * 2001);
      // bit for bit: compare the bytes, so −0, NaN payloads and the last ulp all count
      expect(Buffer.from(joined.buffer).equals(Buffer.from(expected[name].buffer))).toBe(true);
    }
  }, 120_000); // seconds on a quiet machine; the bound only catches a hang on a loaded CI machine

  it('replay, and detect --from a recording, show their progress (bytes of the file) on a terminal', async () => {
    const recorded = join(tmp, 'progress.qsw');
    await emitCommand(scenario, { to: recorded, block: '10' }, { stdout: quiet, stderr: quiet }, 'record');
    const tty = fakeTty();
    await replayCommand(recorded, { to: join(tmp, 'progress-copy.qsw') }, { stdout: quiet, stderr: tty.stream });
    expect(tty.text()).toMatch(new RegExp(`bytes \\[.*\\| \\d+/${readFileSync(recorded).length} \\|`));
    await replayCommand(recorded, { to: join(tmp, 'progress-copy.qsw'), progress: false }, { stdout: quiet, stderr: tty.stream });
    // detect --from a recording: the same bar
    const detecting = fakeTty();
    await detectCommand({ from: recorded }, { stdout: quiet, stderr: detecting.stream });
    expect(detecting.text()).toMatch(new RegExp(`bytes \\[.*\\| \\d+/${readFileSync(recorded).length} \\|`));
  });

  it('replay --pace recorded to a listening detector gives the same final histogram', async () => {
    const expected = await inProcessCurrents();
    const recorded = join(tmp, 'paced.qsw');
    await emitCommand(scenario, { to: recorded }, { stdout: quiet, stderr: quiet }, 'record');
    const detector = startDetector('ws://127.0.0.1:0/currents');
    const t0 = Date.now();
    await replayCommand(recorded, { to: (await detector.url).replace(/\/?$/, ''), pace: 'recorded', timeUnit: '25' }, { stdout: quiet, stderr: quiet });
    await detector.done;
    expect(Date.now() - t0).toBeGreaterThanOrEqual(40 * 25 * 0.95); // 40 time units at 25 ms each
    const h = currentPhaseHistogram(expected.I0, expected.I1, { bins: 32 });
    expect(histograms(detector.lines).at(-1)?.counts).toEqual(Array.from(h.counts));
  }, 120_000); // seconds on a quiet machine; the bound only catches a hang on a loaded CI machine
});

describe('qsync replay of a large recording to a consumer that does not read', () => {
  it('reads the file only as fast as the consumer takes it: memory stays bounded while it stalls, and the consumer then gets every record', async () => {
    // 32 MiB of recording: 512 blocks of 4096 complex samples
    const big = join(tmp, 'big.qsw');
    const blocks = 512;
    const length = 4096;
    const schema = streamSchema({ channels: { J: { kind: 'complex' } }, rate: 1 });
    const source = new Observable<SampleRecord>((out) => {
      out.next(schema);
      for (let k = 0; k < blocks; k++) out.next(sampleBlock({ t0: k * length, dt: 1, columns: { J: { kind: 'complex', data: new Float64Array(2 * length).fill(k) } } }));
      out.complete();
    });
    await lastValueFrom(source.pipe(toWire(wireHeader({ name: 'big', sourceId: 'spec' })), recordToFile(big)), { defaultValue: undefined });
    // the consumer: subscribes from the start, then reads nothing until released
    const received: WireRecord[] = [];
    const decoder = createWireDecoder();
    let socket: Socket | null = null;
    let onEnd: () => void = () => undefined;
    const ended = new Promise<void>((resolve) => (onEnd = resolve));
    const server = createServer((s) => {
      socket = s;
      s.pause();
      s.write(encodeWireRecord({ kind: 'subscribe', lastSeq: null, consumer: 'stalled' }));
      s.on('data', (chunk: Buffer) => {
        for (const r of decoder.push(chunk)) {
          if (r.kind === 'subscribe') continue;
          received.push(r);
          if (r.kind === 'end') {
            onEnd();
            s.end();
          }
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    // measured after a full collection: what is held, not garbage not yet collected
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage().arrayBuffers;
    // --history 16: the hub keeps, besides its 16 buffered records, the last 16 sent (the default
    // 256 records would hold up to 16 MiB of whatever the loopback socket's kernel buffers took)
    const replayed = replayCommand(big, { to: `tcp://127.0.0.1:${port}`, history: '16' }, { stdout: quiet, stderr: quiet });
    let grown = 0;
    // unpaced, the whole file (32 MiB) would be read into the hub within this time
    for (let waited = 0; waited < 3000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      gc();
      grown = Math.max(grown, process.memoryUsage().arrayBuffers - before);
    }
    expect(socket).not.toBeNull();
    expect(grown).toBeLessThan(8 * 2 ** 20); // 16 + 16 records of 64 KiB in the hub (2 MiB), the bytes in flight, one read chunk
    (socket as Socket | null)?.resume();
    await ended;
    await replayed;
    server.close();
    const data = received.filter((r): r is Extract<WireRecord, { kind: 'block' }> => r.kind === 'block');
    expect(data.map((r) => r.seq)).toEqual(Array.from({ length: blocks }, (_, k) => k));
    expect(data.every((r, k) => r.block.columns.J.data[2 * length - 1] === k)).toBe(true);
  }, 120_000); // seconds on a quiet machine; the bound only catches a hang on a loaded CI machine
});

describe('qsync emit --to - | qsync detect --from -', () => {
  it('through a pipe: the final histogram equals the in-process one', async () => {
    const expected = await inProcessCurrents();
    const pipe = new PassThrough();
    const printed: string[] = [];
    const detected = detectCommand({ from: '-' }, { stdout: { write: (t: string) => printed.push(t) }, stderr: quiet, stdin: pipe });
    await emitCommand(scenario, { to: '-' }, { stdout: pipe as unknown as NodeJS.WriteStream, stderr: quiet });
    pipe.end();
    await detected;
    const lines = printed.join('').trim().split('\n').map((l) => JSON.parse(l) as DetectorLine);
    const h = currentPhaseHistogram(expected.I0, expected.I1, { bins: 32 });
    expect(histograms(lines).at(-1)?.counts).toEqual(Array.from(h.counts));
    expect(lines.at(-1)).toMatchObject({ kind: 'end', records: 21 });
  }, 120_000); // seconds on a quiet machine; the bound only catches a hang on a loaded CI machine
});

describe('qsync emit to a destination that does not keep up', () => {
  it("pauses the simulation until the destination drains: the bytes waiting in it stay below its high-water mark plus a record, and the stream arrives whole", async () => {
    const recorded = join(tmp, 'paced-reference.qsw');
    await emitCommand(scenario, { to: recorded, block: '25' }, { stdout: quiet, stderr: quiet }, 'record');
    // a destination that takes its first chunk and then nothing until released (a pipe nobody reads)
    const chunks: Buffer[] = [];
    let held: (() => void) | null = null;
    let stalled = true;
    let maxWaiting = 0;
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        if (stalled) held = () => callback();
        else callback();
      },
    });
    const write = slow.write.bind(slow) as (chunk: unknown) => boolean;
    slow.write = ((chunk: unknown) => {
      const room = write(chunk);
      maxWaiting = Math.max(maxWaiting, slow.writableLength);
      return room;
    }) as typeof slow.write;
    let finished = false;
    const emitted = emitCommand(scenario, { to: '-', block: '25' }, { stdout: slow as unknown as NodeJS.WriteStream, stderr: quiet }).then(() => (finished = true));
    // unpaced, the whole stream (81 records, ~65 kB) would pile up in the stream within this time
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(finished).toBe(false);
    expect(chunks).toHaveLength(1);
    expect(maxWaiting).toBeLessThanOrEqual(1024 + 1024); // high-water mark + one 25-sample block (~850 B)
    stalled = false;
    (held as (() => void) | null)?.();
    await emitted;
    // the same records as the recording, byte for byte after the header (whose creation time differs)
    const afterHeader = (bytes: Buffer) => bytes.subarray(WIRE_HEAD_BYTES + bytes.readUInt32LE(4));
    expect(afterHeader(Buffer.concat(chunks)).equals(afterHeader(readFileSync(recorded)))).toBe(true);
    expect(afterHeader(readFileSync(recorded)).length).toBeGreaterThan(60_000);
  }, 120_000); // seconds on a quiet machine; the bound only catches a hang on a loaded CI machine
});

describe('the detector\'s quantum filter', () => {
  it('with the record as fine as the integration (step = sample spacing), the filtered ⟨n_A⟩, ⟨n_B⟩ are the trajectory\'s conditional ones', async () => {
    const fine = join(tmp, 'fine-step.json');
    const raw = JSON.parse(readFileSync(scenario, 'utf8')) as Record<string, unknown>;
    writeFileSync(fine, JSON.stringify({ ...raw, times: { start: 0, stop: 10, count: 501 }, step: 0.02 }));
    const truth = await unravelingTrajectory({ ...streamReferenceConfig, dt: 0.02, spacing: 0.02, samples: 501, observables: { nA: 'na', nB: 'nb' } }, 0, STREAM_SEED);
    const recorded = join(tmp, 'fine.qsw');
    await emitCommand(fine, { to: recorded, block: '50' }, { stdout: quiet, stderr: quiet }, 'record');
    const printed: string[] = [];
    await detectCommand({ from: recorded }, { stdout: { write: (t: string) => printed.push(t) }, stderr: quiet });
    const lines = printed.join('').trim().split('\n').map((l) => JSON.parse(l) as DetectorLine);
    const filtered = lines.filter((l): l is Extract<DetectorLine, { kind: 'filtered' }> => l.kind === 'filtered');
    expect(filtered).toHaveLength(11);
    for (const line of filtered) {
      const k = Math.round(line.t / 0.02);
      for (const name of ['nA', 'nB'] as const) {
        const want = truth[`obs:${name}`].data[2 * k];
        expect(Math.abs(line.expect[name][0] - want)).toBeLessThan(1e-9 * Math.max(1, want));
      }
    }
  }, 120_000); // seconds on a quiet machine; the bound only catches a hang on a loaded CI machine
});

describe('bad input', () => {
  const io = { stdout: quiet, stderr: quiet };
  it('names the option and what it expected', async () => {
    await expect(emitCommand(scenario, { to: 'udp://127.0.0.1:7000' }, io)).rejects.toThrow(/^--to: unknown scheme 'udp:' in udp:\/\/127.0.0.1:7000; expected tcp:\/\/HOST:PORT/);
    await expect(emitCommand(scenario, { to: 'tcp://127.0.0.1' }, io)).rejects.toThrow('--to: tcp://127.0.0.1 has no port; expected tcp://HOST:PORT');
    await expect(emitCommand(scenario, { to: 'ws://127.0.0.1/x' }, io)).rejects.toThrow('--to: ws://127.0.0.1/x has no port');
    await expect(emitCommand(scenario, { to: 'tcp://127.0.0.1:70000' }, io)).rejects.toThrow('--to: port 70000 in tcp://127.0.0.1:70000 is not in 0…65535');
    await expect(emitCommand(scenario, { to: 'x.qsw', block: '0' }, io)).rejects.toThrow("--block: must be an integer ≥ 1, got 0");
    await expect(emitCommand(scenario, { to: 'tcp://127.0.0.1:7000' }, io, 'record')).rejects.toThrow("--to: takes a file, -; got tcp://127.0.0.1:7000");
    await expect(detectCommand({ listen: 'http://127.0.0.1:7000' }, io)).rejects.toThrow(/^--listen: unknown scheme 'http:'/);
    await expect(detectCommand({ listen: 'x.qsw' }, io)).rejects.toThrow('--listen: takes tcp://HOST:PORT, ws://HOST:PORT/PATH; got x.qsw');
    await expect(detectCommand({}, io)).rejects.toThrow('--listen: give exactly one of');
    await expect(detectCommand({ from: 'x.qsw', segment: '48' }, io)).rejects.toThrow('--segment: must be a power of two ≥ 2, got 48');
    await expect(replayCommand('x.qsw', { to: '-', pace: 'slow' }, io)).rejects.toThrow("--pace: must be 'recorded' or 'fast', got 'slow'");
  });

  it('refuses a scenario without currents, saying why', async () => {
    const io2 = { stdout: quiet, stderr: quiet };
    const steady = new URL('../../scenarios/default.json', import.meta.url).pathname;
    await expect(emitCommand(steady, { to: join(tmp, 'x.qsw') }, io2)).rejects.toThrow(/^scenario.method: 'steady-state' produces no detector currents/);
    const counting = join(tmp, 'counting.json');
    const raw = JSON.parse(readFileSync(scenario, 'utf8')) as Record<string, unknown>;
    writeFileSync(counting, JSON.stringify({ ...raw, unraveling: 'photon-counting', step: undefined }));
    await expect(emitCommand(counting, { to: join(tmp, 'x.qsw') }, io2)).rejects.toThrow(/^scenario.unraveling: 'photon-counting' produces clicks/);
  });
});
