import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { chunkedObservable, sampleBlock, streamSchema } from '@qsync/frames';
import type { SampleBlock, SampleRecord } from '@qsync/frames';
import { sameBits } from '@qsync/testing';
import { ReplaySubject, Subject, firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { afterAll, describe, expect, it } from 'vitest';
import { createWireHub } from './create-wire-hub';
import { encodeWireRecord } from './encode-wire-record';
import { fromTcp } from './from-tcp';
import { fromWire } from './from-wire';
import { channelBlock, channelHeader, channelValue } from './test-support/channel-stream';
import { transportChecks } from './test-support/transport-checks';
import { toTcp } from './to-tcp';
import { toWire } from './to-wire';
import { PING_BYTES } from './wire-framing';
import { wireHeader } from './wire-header';
import type { WireRecord } from './wire-record';

transportChecks('toTcp / fromTcp', 'tcp', toTcp, fromTcp);

describe('toTcp / fromTcp: a sample stream from producer to detector, as qsync emit → qsync detect', () => {
  /** a pausable sample stream: the schema, then 50 blocks of 40 samples of two complex channels */
  const currents = (scheduler?: ReturnType<typeof createWireHub>['scheduler']) =>
    chunkedObservable<SampleRecord>(
      function* (ctx) {
        ctx.emit(streamSchema({ channels: { A: { kind: 'complex' }, B: { kind: 'complex' } }, rate: 1000 }));
        for (let k = 0; k < 50; k++) {
          const columns: Record<string, { kind: 'complex'; data: Float64Array }> = {};
          for (const [c, name] of ['A', 'B'].entries()) {
            const data = new Float64Array(80);
            for (let s = 0; s < 40; s++) {
              data[2 * s] = channelValue(40 * k + s, c, 0);
              data[2 * s + 1] = channelValue(40 * k + s, c, 1);
            }
            columns[name] = { kind: 'complex', data };
          }
          ctx.emit(sampleBlock({ t0: (40 * k) / 1000, dt: 1e-3, columns }));
          yield;
        }
      },
      { yieldEvery: 0, ...(scheduler !== undefined ? { scheduler } : {}) },
    );

  it('the detector listening receives, through toWire → toTcp → fromTcp → fromWire, the blocks computed in-process, bit for bit', async () => {
    const inProcess = (await lastValueFrom(currents().pipe(toArray()))).filter((r) => r.kind === 'block');
    const listening = new ReplaySubject<{ url: string }>();
    const detected = lastValueFrom(fromTcp({ listen: { port: 0 }, onListening: (s) => listening.next(s) }).pipe(fromWire(), toArray()));
    const { url } = await firstValueFrom(listening);
    const hub = createWireHub({ buffer: { records: 4, policy: 'pause' } });
    const header = wireHeader({ name: 'heterodyne currents', sourceId: 'test', createdAt: '2026-12-06T14:00:00Z' });
    await lastValueFrom(currents(hub.scheduler).pipe(toWire(header), toTcp({ connect: url, hub })), { defaultValue: null });
    const received = (await detected).filter((r): r is SampleBlock => 'kind' in r && r.kind === 'block');
    expect(received.length).toBe(50);
    for (const [k, block] of received.entries()) {
      const expected = inProcess[k];
      if (expected.kind !== 'block') throw new Error('blocks');
      expect([block.t0, block.dt, block.length]).toEqual([expected.t0, expected.dt, expected.length]);
      expect(sameBits(block.columns.A.data, expected.columns.A.data) && sameBits(block.columns.B.data, expected.columns.B.data)).toBe(true);
    }
  });
});

describe('toTcp / fromTcp: a consumer process killed (SIGKILL) mid-stream and restarted', () => {
  type Line = { kind: string; seq: number | null; firstSeq?: number; lastSeq?: number; samples?: number };
  const child = new URL('./test-support/consume-tcp-child.ts', import.meta.url).pathname;
  const procs = new Set<ChildProcess>();
  afterAll(() => procs.forEach((p) => p.exitCode === null && p.signalCode === null && p.kill('SIGKILL')));

  /** starts a consumer process; its parsed lines accumulate in `lines` */
  function startConsumer(url: string, lastSeq: number | null): { proc: ChildProcess; lines: Line[]; exited: Promise<void> } {
    // stderr on a pipe, never inherited: a consumer left running by a failed test must not hold the
    // test process's stderr (CI's `npm test | tee` would wait for it); afterAll kills what is left
    const proc = spawn(process.execPath, ['--import', 'tsx', child, url, String(lastSeq)], { stdio: ['ignore', 'pipe', 'pipe'] });
    procs.add(proc);
    proc.stderr?.resume();
    const lines: Line[] = [];
    createInterface({ input: proc.stdout as NodeJS.ReadableStream }).on('line', (l) => lines.push(JSON.parse(l) as Line));
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    return { proc, lines, exited };
  }
  const until = async (condition: () => boolean, what: string): Promise<void> => {
    for (let waited = 0; !condition(); waited += 5) {
      if (waited > 20_000) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  const length = (seq: number): number => 1 + (Math.floor(seq / 7) % 3); // runs of 7 blocks of 1, 2, 3 samples

  async function killAndRestart(history: number, pushWhileDead: number) {
    const source = new Subject<WireRecord>();
    const events = new ReplaySubject<{ kind: string; url?: string }>();
    const sink = source.pipe(toTcp({ listen: { port: 0 }, history: { records: history }, buffer: { records: 10_000, policy: 'drop-oldest' } })).subscribe(events);
    const { url } = (await firstValueFrom(events)) as { url: string };
    const seen: string[] = [];
    events.subscribe((e) => seen.push(e.kind));
    let seq = 0;
    let first = 0;
    const push = (n: number): void => {
      for (const end = seq + n; seq < end; seq++) {
        source.next(channelBlock(seq, first, length(seq), 1));
        first += length(seq);
      }
    };
    const one = startConsumer(url, null);
    await until(() => source.observed, 'the first consumer');
    source.next(channelHeader(1));
    push(40);
    await until(() => one.lines.length >= 21, 'the consumer to read 20 blocks');
    one.proc.kill('SIGKILL'); // mid-stream: 40 blocks sent, some still unread
    await one.exited;
    await until(() => seen.includes('disconnected'), 'the producer to see the consumer gone');
    push(pushWhileDead);
    const lastSeq = one.lines.filter((l) => l.kind === 'block').reduce((m, l) => Math.max(m, l.seq as number), -1);
    const two = startConsumer(url, lastSeq);
    await until(() => two.lines.length > 0, 'the restarted consumer');
    push(20);
    source.next({ kind: 'end', seq });
    source.complete();
    await two.exited;
    sink.unsubscribe();
    return { before: one.lines, after: two.lines, lastSeq, total: seq };
  }

  it('within the history it loses nothing: the blocks before the kill and after the restart are seq 0 … n−1 once each', async () => {
    const { before, after, total } = await killAndRestart(1000, 100);
    const seqs = [...before, ...after].filter((l) => l.kind === 'block').map((l) => l.seq);
    expect(seqs).toEqual(Array.from({ length: total }, (_, k) => k));
    expect(after.some((l) => l.kind === 'gap')).toBe(false);
    expect(after[after.length - 1]).toEqual({ kind: 'end', seq: total });
  }, 40_000);

  it('beyond the history it reports the gap exactly: its seq range and the samples of the blocks in it', async () => {
    const { after, lastSeq, total } = await killAndRestart(30, 100); // 140 blocks by the restart, 30 held
    const gap = after.find((l) => l.kind === 'gap') as Line;
    expect(gap.firstSeq).toBe(lastSeq + 1);
    expect(gap.lastSeq).toBe(140 - 30 - 1);
    let samples = 0;
    for (let s = lastSeq + 1; s <= 109; s++) samples += length(s);
    expect(gap.samples).toBe(samples);
    const seqs = after.filter((l) => l.kind === 'block').map((l) => l.seq);
    expect(seqs).toEqual(Array.from({ length: total - 110 }, (_, k) => 110 + k));
  }, 40_000);
});

describe('toTcp: a producer turned away before subscribing', () => {
  it('backs off as after a failed dial: in 600 ms with initialDelay 5 it dials about log2(600/5) + 1 times, not 600/5', async () => {
    // a consumer busy with another producer closes each newcomer before subscribing it
    const { createServer } = await import('node:net');
    let connections = 0;
    const server = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const source = new Subject<WireRecord>();
    const sink = source.pipe(toTcp({ connect: `tcp://127.0.0.1:${port}`, reconnect: { initialDelay: 5, maxDelay: 1000 } })).subscribe();
    await new Promise((resolve) => setTimeout(resolve, 600));
    sink.unsubscribe();
    server.close();
    // delays 5, 10, 20, … ms: 7 attempts fit in 600 ms (8 allowing for timer slack); without backoff ≈ 100
    expect(connections).toBeGreaterThanOrEqual(4);
    expect(connections).toBeLessThanOrEqual(9);
  });
});

describe('fromTcp listening: liveness after an event-loop stall', () => {
  it("a newcomer does not replace a producer whose record arrived during the stall but was not read yet when the newcomer's connection was", async () => {
    const listening = new ReplaySubject<{ port: number }>();
    const received: WireRecord[] = [];
    const source = fromTcp({ listen: { port: 0 }, onListening: (s) => listening.next(s), keepAlive: { interval: 50, timeout: 20_000 } }).subscribe({
      next: (r) => received.push(r),
    });
    const { port } = await firstValueFrom(listening);
    // producer A by hand: its header, then nothing until the stall (no keepAliveInterval: judged by the consumer's 50 ms)
    const a = connect(port, '127.0.0.1');
    a.on('error', () => undefined);
    await new Promise<void>((resolve) => a.once('connect', resolve));
    a.write(encodeWireRecord(channelHeader(1, 1000, 'session-A')));
    while (received.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    // the loop stalls 300 ms (A silent 6 intervals); then, before it polls again, B's connection
    // and A's ping arrive in that order: B's connection is accepted before A's ping is read
    const fromB: Uint8Array[] = [];
    const bClosed = await new Promise<Promise<void>>((resolve) =>
      setTimeout(() => {
        const until = performance.now() + 300;
        while (performance.now() < until);
        const b = connect(port, '127.0.0.1'); // its connect() runs in a nextTick, before the ping's
        b.on('error', () => undefined);
        b.on('data', (chunk: Uint8Array) => fromB.push(chunk));
        process.nextTick(() => a.write(PING_BYTES));
        resolve(new Promise<void>((closed) => b.once('close', () => closed())));
      }, 0),
    );
    // A was alive: B is turned away unsubscribed (admitted, it would be sent a 'subscribe')
    await bClosed;
    expect(fromB).toEqual([]);
    source.unsubscribe();
    a.destroy();
  });
});
