import { connect, createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { EMPTY, ReplaySubject, Subject, concat, firstValueFrom, from, lastValueFrom, throwError, toArray } from 'rxjs';
import type { Observable, OperatorFunction } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { chunkedObservable } from '@qsync/frames';
import { WebSocket, WebSocketServer } from 'ws';
import { createWireHub } from '../create-wire-hub';
import type { WireHub } from '../create-wire-hub';
import type { WireSinkEvent } from '../serve-link';
import { WireFormatError } from '../wire-format-error';
import { createWireDecoder } from '../create-wire-decoder';
import { encodeWireRecord } from '../encode-wire-record';
import type { WireSinkConfig } from '../wire-sink';
import type { WireSourceConfig } from '../wire-source';
import type { WireDuplicates } from '../consume-link';
import type { WireRecord } from '../wire-record';
import { channelBlock, channelHeader } from './channel-stream';
import { sampleBlockRecord, sampleFrameRecord, sampleHeader } from './sample-records';

/**
 * A record with every Float64Array replaced by the hex of its bytes: `toEqual` on it is
 * equality bit for bit (−0, NaN payloads), and on everything else.
 */
export function comparable(value: unknown): unknown {
  if (value instanceof Float64Array) return `f64:${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
  if (Array.isArray(value)) return value.map(comparable);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = comparable((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** waits until `condition()` holds (polling every ms, up to 10 s) */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited++) {
    if (waited > 10_000) throw new Error(`timed out waiting for ${what}`);
    await sleep(1);
  }
}

/** the records of the sample-records fixture: header, blocks and frames with −0, ±∞ and a NaN payload, and the end */
function fixtureStream(): WireRecord[] {
  const records: WireRecord[] = [sampleHeader()];
  for (let seq = 0; seq < 6; seq++) records.push(seq % 3 === 2 ? sampleFrameRecord(seq) : sampleBlockRecord(seq, seq, 1 + seq));
  records.push({ kind: 'end', seq: 6 });
  return records;
}

/**
 * A TCP relay between a dialling side and a listening one that the test can cut: every
 * connection through it is destroyed by `cut()` (a network failure, as both ends see it).
 */
async function relay(
  targetPort: number,
): Promise<{ port: number; cut: () => void; freeze: () => void; connections: () => number; open: () => number; close: () => void }> {
  const sockets = new Set<Socket>();
  const pairs: [Socket, Socket][] = [];
  let count = 0;
  const server: Server = createServer((inbound) => {
    count++;
    const outbound = connect({ host: '127.0.0.1', port: targetPort });
    sockets.add(inbound);
    sockets.add(outbound);
    inbound.pipe(outbound);
    outbound.pipe(inbound);
    pairs.push([inbound, outbound]);
    const drop = (): void => {
      inbound.destroy();
      outbound.destroy();
      sockets.delete(inbound);
      sockets.delete(outbound);
    };
    inbound.on('error', drop).on('close', drop);
    outbound.on('error', drop).on('close', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    cut: () => {
      for (const s of sockets) s.destroy();
      sockets.clear();
    },
    // the far machine is gone without a word: nothing passes any more, yet both ends' connections
    // stay open (a half-open link), and no new connection gets through
    freeze: () => {
      server.close();
      for (const [inbound, outbound] of pairs) {
        inbound.unpipe(outbound);
        outbound.unpipe(inbound);
        // what arrives is read and lost (so the relay still sees either end close)
        inbound.resume();
        outbound.resume();
      }
    },
    connections: () => count,
    open: () => sockets.size,
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}


/**
 * A consumer at the byte level that reads slowly: it subscribes, then lets its socket read for
 * 1 ms in every 10 (`duty`), or not at all (`hold`); the kernel and the sender's link buffer what
 * it does not read, and past them the hub's buffer policy applies.
 */
async function slowConsumer(scheme: string, url: string): Promise<{
  records: WireRecord[];
  hold(): void;
  duty(): void;
  destroy(): void;
  closed: Promise<void>;
}> {
  const records: WireRecord[] = [];
  const decoder = createWireDecoder();
  const take = (chunk: Uint8Array): void => {
    records.push(...(decoder.push(chunk) as WireRecord[]));
  };
  const subscribe = encodeWireRecord({ kind: 'subscribe', lastSeq: null, consumer: 'slow' });
  let pause: () => void;
  let resume: () => void;
  let destroy: () => void;
  let closed: Promise<void>;
  if (scheme === 'tcp') {
    const { port } = new URL(url);
    const socket = connect({ host: '127.0.0.1', port: Number(port) });
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    socket.on('data', take);
    socket.write(subscribe);
    pause = () => socket.pause();
    resume = () => socket.resume();
    destroy = () => socket.destroy();
    closed = new Promise((resolve) => socket.once('close', () => resolve()));
  } else {
    const ws = new WebSocket(url);
    await new Promise<void>((resolve) => ws.once('open', resolve));
    ws.on('message', (data: Buffer) => take(data));
    ws.send(subscribe);
    pause = () => ws.pause();
    resume = () => ws.resume();
    destroy = () => ws.terminate();
    closed = new Promise((resolve) => ws.once('close', () => resolve()));
  }
  let timer: ReturnType<typeof setInterval> | null = null;
  void closed.then(() => timer !== null && clearInterval(timer));
  return {
    records,
    hold: () => {
      if (timer !== null) clearInterval(timer);
      pause();
    },
    duty: () => {
      let tick = 0;
      timer = setInterval(() => ((tick++ % 10 === 0 ? resume : pause)()), 1);
    },
    destroy: () => destroy(),
    closed,
  };
}

/**
 * The checks every network transport passes (TCP and WebSocket): round trips equal to the
 * records sent, bit for bit, in both topologies; a consumer killed and restarted resumes from
 * the history or gets the exact gap; a producer whose connection drops, or that is replaced by
 * a new session, does not end the listening consumer.
 */
export function transportChecks(
  name: string,
  scheme: string,
  toX: (config: WireSinkConfig) => OperatorFunction<WireRecord, WireSinkEvent>,
  fromX: (config: WireSourceConfig) => Observable<WireRecord>,
): void {
  const url = (port: number): string => `${scheme}://127.0.0.1:${port}${scheme === 'ws' ? '/' : ''}`;

  /** serves `source` with toX(listen) and returns the events and the url */
  async function serve(source: Observable<WireRecord>, config: Omit<WireSinkConfig, 'listen'> = {}) {
    const events = new ReplaySubject<WireSinkEvent>();
    const seen: WireSinkEvent[] = [];
    events.subscribe((e) => seen.push(e));
    const subscription = source.pipe(toX({ listen: { port: 0 }, ...config })).subscribe(events);
    const listening = await firstValueFrom(events);
    if (listening.kind !== 'listening') throw new Error('expected listening first');
    const connected = (): number => seen.filter((e) => e.kind === 'connected').length;
    return { events, subscription, url: listening.url, port: listening.port, connected };
  }

  describe(`${name}: round trips`, () => {
    it('a consumer that dials a serving producer receives the records sent, bit for bit (−0, ±∞, NaN payload), then completes', async () => {
      const sent = fixtureStream();
      const { events, url: at } = await serve(from(sent));
      const received = await lastValueFrom(fromX({ connect: at }).pipe(toArray()));
      expect(comparable(received)).toEqual(comparable(sent));
      const all = await lastValueFrom(events.pipe(toArray()));
      expect(all.map((e) => e.kind)).toEqual(['listening', 'connected']);
    });

    it('a producer that dials a listening consumer delivers the same records; the sink completes once they are delivered', async () => {
      const sent = fixtureStream();
      const listening = new ReplaySubject<{ port: number }>();
      const received = lastValueFrom(fromX({ listen: { port: 0 }, onListening: (s) => listening.next(s) }).pipe(toArray()));
      const { port } = await firstValueFrom(listening);
      const events = await lastValueFrom(from(sent).pipe(toX({ connect: url(port) }), toArray()));
      expect(events.map((e) => e.kind)).toEqual(['connected']);
      expect(comparable(await received)).toEqual(comparable(sent));
    });

    it("three consumers of one 64-channel, 1 kHz stream (1 s), one of them reading 1 ms in 10, lose nothing under 'pause'", async () => {
      const sent: WireRecord[] = [channelHeader(64), ...Array.from({ length: 100 }, (_, s) => channelBlock(s, 10 * s, 10, 64)), { kind: 'end', seq: 100 }];
      const hub = createWireHub({ buffer: { records: 4, policy: 'pause' }, history: { records: 2 }, minConsumers: 3 });
      let emitted = 0;
      const producer = chunkedObservable<WireRecord>(
        function* (ctx) {
          for (const record of sent) {
            ctx.emit(record);
            emitted++;
            yield;
          }
        },
        { scheduler: hub.scheduler, yieldEvery: 0 },
      );
      const { url: at } = await serve(producer, { hub });
      const slow = await slowConsumer(scheme, at);
      slow.duty();
      const all = await Promise.all([0, 1].map((k) => lastValueFrom(fromX({ connect: at, consumer: `c${k}` }).pipe(toArray()))));
      await slow.closed;
      expect(emitted).toBe(sent.length);
      // the hand-read header carries the sink's keepalive interval (the sources take it off)
      expect(slow.records[0]).toHaveProperty('keepAliveInterval', 5000);
      const slowRecords = [{ ...slow.records[0], keepAliveInterval: undefined }, ...slow.records.slice(1)];
      for (const received of [...all, slowRecords]) expect(comparable(received)).toEqual(comparable(sent));
    });
  });

  describe(`${name}: recovery`, () => {
    /** a producer pushed by hand (not pausable), served with a history of `history` records */
    async function manualProducer(history: number) {
      const source = new Subject<WireRecord>();
      const served = await serve(source, { history: { records: history }, buffer: { policy: 'drop-oldest', records: 1000 } });
      let first = 0;
      const push = (from: number, to: number, lengths: number[]): void => {
        for (let seq = from; seq < to; seq++) {
          const length = 1 + (Math.floor(seq / 10) % 4); // runs of 10 equal blocks: 1, 2, 3, 4, 1 … samples
          lengths[seq] = length;
          source.next(channelBlock(seq, first, length, 2));
          first += length;
        }
      };
      return { source, served, push };
    }

    async function killAndRestart(history: number) {
      const { source, served, push } = await manualProducer(history);
      const lengths: number[] = [];
      const before: WireRecord[] = [];
      const killed = fromX({ connect: served.url, consumer: 'detector' }).subscribe((r) => before.push(r));
      await until(() => served.connected() === 1 && source.observed, 'the first consumer and the source started');
      source.next(channelHeader(2));
      push(0, 30, lengths);
      await until(() => before.length === 31, 'seq 0 … 29');
      killed.unsubscribe(); // killed mid-stream
      push(30, 80, lengths); // nobody listens: only the history keeps them
      const lastSeq = (before[before.length - 1] as { seq: number }).seq;
      const restarted = lastValueFrom(fromX({ connect: served.url, consumer: 'detector', lastSeq }).pipe(toArray()));
      await until(() => served.connected() === 2, 'the restarted consumer');
      push(80, 90, lengths);
      source.complete();
      return { before, after: await restarted, lengths };
    }

    it('a consumer killed mid-stream and restarted with its last seq loses nothing within the history', async () => {
      const { before, after, lengths } = await killAndRestart(100);
      const seqs = [...before, ...after].filter((r) => r.kind === 'block').map((r) => (r as { seq: number }).seq);
      expect(seqs).toEqual(Array.from({ length: 90 }, (_, k) => k));
      expect(after.some((r) => r.kind === 'gap' || r.kind === 'dropped')).toBe(false);
      expect(after[0].kind).toBe('header'); // a restarted consumer is told what stream it joined
      expect(after[after.length - 1]).toEqual({ kind: 'end', seq: 90 });
      expect(lengths.length).toBe(90);
    });

    it('beyond the history, the restarted consumer gets a gap notice with the exact records and samples gone', async () => {
      const { before, after, lengths } = await killAndRestart(20); // holds seq 60 … 79 when it comes back
      expect(before.filter((r) => r.kind === 'block').length).toBe(30);
      const gap = after.find((r) => r.kind === 'gap');
      // by hand: seq 30 … 59 are 10 blocks each of 4, 1 and 2 samples
      const gone = lengths.slice(30, 60).reduce((a, b) => a + b, 0);
      expect(gone).toBe(70);
      expect(gap).toEqual({ kind: 'gap', seq: 60, firstSeq: 30, lastSeq: 59, samples: 70 });
      const seqs = after.filter((r) => r.kind === 'block').map((r) => (r as { seq: number }).seq);
      expect(seqs).toEqual(Array.from({ length: 30 }, (_, k) => 60 + k));
    });
  });

  describe(`${name}: recovery at the end of a stream`, () => {
    it('a consumer killed just before the end can come back while the sink lingers (linger 2 s), and gets the rest and the end', async () => {
      // the linger is long enough for a reconnection on a loaded machine; the check waits on
      // events, not on fixed times, and the sink completes no sooner than `linger` after the end
      const linger = 2000;
      const source = new Subject<WireRecord>();
      const served = await serve(source, { linger });
      let left = 0; // consumers the sink saw go before the end
      served.events.subscribe((e) => e.kind === 'disconnected' && left++);
      const before: WireRecord[] = [];
      const killed = fromX({ connect: served.url }).subscribe((r) => before.push(r));
      await until(() => source.observed, 'the consumer to attach');
      source.next(channelHeader(1));
      for (let seq = 0; seq < 10; seq++) source.next(channelBlock(seq, seq, 1, 1));
      await until(() => before.length === 11, 'seq 0 … 9');
      killed.unsubscribe();
      await until(() => left === 1, 'the sink to see the consumer go');
      for (let seq = 10; seq < 15; seq++) source.next(channelBlock(seq, seq, 1, 1));
      const ended = performance.now();
      source.complete(); // the producer is done, no consumer is connected: the sink lingers from here
      const after = await lastValueFrom(fromX({ connect: served.url, lastSeq: 9 }).pipe(toArray()));
      expect(after.map((r) => (r.kind === 'block' ? r.seq : r.kind))).toEqual(['header', 10, 11, 12, 13, 14, 'end']);
      await lastValueFrom(served.events, { defaultValue: null }); // then the sink completes, having lingered
      expect(performance.now() - ended).toBeGreaterThanOrEqual(linger - 1);
    });
  });

  describe(`${name}: a producer that disconnects and reconnects`, () => {
    it('the listening consumer survives a cut connection: the producer redials and resumes, every record arrives once', async () => {
      const listening = new ReplaySubject<{ port: number }>();
      const received: WireRecord[] = [];
      const done = new Promise<void>((resolve, reject) =>
        fromX({ listen: { port: 0 }, onListening: (s) => listening.next(s) }).subscribe({
          next: (r) => received.push(r),
          error: reject,
          complete: resolve,
        }),
      );
      const { port } = await firstValueFrom(listening);
      // TCP and WebSocket both run over a TCP connection: a relay the test can cut stands for the network
      const wire = await relay(port);
      const source = new Subject<WireRecord>();
      const events: WireSinkEvent[] = [];
      const sink = new Promise<void>((resolve, reject) =>
        source
          .pipe(toX({ connect: url(wire.port), reconnect: { initialDelay: 5 }, history: { records: 1000 } }))
          .subscribe({ next: (e) => events.push(e), error: reject, complete: resolve }),
      );
      await until(() => source.observed, 'the consumer to subscribe and the source to start');
      source.next(channelHeader(2));
      for (let seq = 0; seq < 20; seq++) source.next(channelBlock(seq, seq, 1, 2));
      await until(() => received.length === 21, 'seq 0 … 19');
      wire.cut(); // the network drops the connection: both ends see it closed
      for (let seq = 20; seq < 40; seq++) source.next(channelBlock(seq, seq, 1, 2));
      await until(() => wire.connections() === 2, 'the producer to redial');
      source.complete();
      await done;
      await sink;
      wire.close();
      expect(received.filter((r) => r.kind === 'header').length).toBe(1);
      expect(received.filter((r) => r.kind === 'block').map((r) => (r as { seq: number }).seq)).toEqual(Array.from({ length: 40 }, (_, k) => k));
      expect(received[received.length - 1]).toEqual({ kind: 'end', seq: 40 });
      expect(events.filter((e) => e.kind === 'connected').map((e) => (e as { lastSeq: number | null }).lastSeq)).toEqual([null, 19]);
    });

    it("a connection that is no producer (an HTTP request, one that never speaks) is closed and reported to 'onRefused'; the listening consumer goes on and receives the next producer's stream", async () => {
      const listening = new ReplaySubject<{ port: number }>();
      const received: WireRecord[] = [];
      const refused: { peer: string; reason: string }[] = [];
      const done = new Promise<void>((resolve, reject) =>
        fromX({ listen: { port: 0 }, onListening: (s) => listening.next(s), headerTimeout: 200, onRefused: (r) => refused.push(r) }).subscribe({
          next: (r) => received.push(r),
          error: reject,
          complete: resolve,
        }),
      );
      const { port } = await firstValueFrom(listening);
      // what a browser or a scanner sends: an HTTP request on the raw socket (tcp), or as a message (ws)
      const request = Buffer.from('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      // one after the other: the first fails at its first record, the second after 'headerTimeout'
      if (scheme === 'tcp') {
        for (const speaks of [true, false]) {
          const socket = connect({ host: '127.0.0.1', port }, () => speaks && socket.write(request));
          socket.on('error', () => undefined);
          socket.resume(); // reads (and drops) what the consumer sends, so its close is seen
          await new Promise((resolve) => socket.once('close', resolve));
        }
      } else {
        for (const speaks of [true, false]) {
          const ws = new WebSocket(url(port));
          ws.on('open', () => speaks && ws.send(request));
          ws.on('error', () => undefined);
          await new Promise((resolve) => ws.once('close', resolve));
        }
      }
      expect(refused.length).toBe(2);
      expect(refused.some((r) => /magic|not a wire|record at byte 0/.test(r.reason))).toBe(true);
      expect(refused.some((r) => r.reason.includes("no header from") && r.reason.includes("'headerTimeout'"))).toBe(true);
      const stream = [channelHeader(1), ...Array.from({ length: 5 }, (_, s) => channelBlock(s, s, 1, 1)), { kind: 'end', seq: 5 } as const];
      await lastValueFrom(from(stream).pipe(toX({ connect: url(port), reconnect: { initialDelay: 5 } })), { defaultValue: null });
      await done;
      expect(received.map((r) => (r.kind === 'block' ? r.seq : r.kind))).toEqual(['header', 0, 1, 2, 3, 4, 'end']);
    });

    it('the listening consumer survives a producer that dies: a new producer (new session) dials in and its stream follows', async () => {
      const listening = new ReplaySubject<{ port: number }>();
      const received: WireRecord[] = [];
      const done = new Promise<void>((resolve, reject) =>
        fromX({ listen: { port: 0 }, onListening: (s) => listening.next(s) }).subscribe({ next: (r) => received.push(r), error: reject, complete: resolve }),
      );
      const { port } = await firstValueFrom(listening);
      const first = new Subject<WireRecord>();
      const dying = first.pipe(toX({ connect: url(port) })).subscribe();
      await until(() => first.observed, 'producer A to connect');
      first.next(channelHeader(1, 1000, 'session-A'));
      for (let seq = 0; seq < 5; seq++) first.next(channelBlock(seq, seq, 1, 1));
      await until(() => received.length === 6, 'session A');
      dying.unsubscribe(); // the producer process dies
      const second = [channelHeader(1, 1000, 'session-B'), ...Array.from({ length: 3 }, (_, s) => channelBlock(s, s, 1, 1)), { kind: 'end', seq: 3 } as const];
      await lastValueFrom(from(second).pipe(toX({ connect: url(port) })), { defaultValue: null });
      await done;
      expect(received.map((r) => (r.kind === 'header' ? r.provenance.sessionId : r.kind === 'block' ? r.seq : r.kind))).toEqual([
        'session-A', 0, 1, 2, 3, 4, 'session-B', 0, 1, 2, 'end',
      ]);
    });

    it('a producer restarted in the same session that serves from its start again: the consumer passes on no record twice, and counts those it dropped', async () => {
      const listening = new ReplaySubject<{ port: number }>();
      const received: WireRecord[] = [];
      const duplicates: WireDuplicates[] = [];
      const done = new Promise<void>((resolve, reject) =>
        fromX({ listen: { port: 0 }, onListening: (s) => listening.next(s), onDuplicates: (d) => duplicates.push(d) }).subscribe({
          next: (r) => received.push(r),
          error: reject,
          complete: resolve,
        }),
      );
      const { port } = await firstValueFrom(listening);
      const first = new Subject<WireRecord>();
      const dying = first.pipe(toX({ connect: url(port) })).subscribe();
      await until(() => first.observed, 'the producer to connect');
      first.next(channelHeader(1, 1000, 'session-A'));
      for (let seq = 0; seq < 5; seq++) first.next(channelBlock(seq, seq, 1, 1));
      await until(() => received.length === 6, 'seq 0 … 4');
      dying.unsubscribe(); // the producer dies; restarted, it replays its session from seq 0 (its hub never reached 4)
      const again = [channelHeader(1, 1000, 'session-A'), ...Array.from({ length: 8 }, (_, s) => channelBlock(s, s, 1, 1)), { kind: 'end', seq: 8 } as const];
      await lastValueFrom(from(again).pipe(toX({ connect: url(port), reconnect: { initialDelay: 10, maxDelay: 20 } })), { defaultValue: null });
      await done;
      expect(received.map((r) => (r.kind === 'header' ? r.provenance.sessionId : r.kind === 'block' ? r.seq : r.kind))).toEqual([
        'session-A', 0, 1, 2, 3, 4, 5, 6, 7, 'end',
      ]);
      expect(duplicates).toEqual([{ records: 5, samples: 5, firstSeq: 0, lastSeq: 4 }]);
    });
  });

  describe(`${name}: a producer whose link goes half-open (its machine crashed, the network went away)`, () => {
    /** a listening consumer, and producer A (session-A, never pinging: its machine will crash) dialled in through a relay, 5 blocks delivered */
    async function halfOpen(consumer: Partial<WireSourceConfig>) {
      const listening = new ReplaySubject<{ port: number }>();
      const received: WireRecord[] = [];
      const arrived: number[] = []; // performance.now() at each record received
      const duplicates: WireDuplicates[] = [];
      let source: { unsubscribe: () => void } = { unsubscribe: () => undefined };
      const done = new Promise<void>((resolve, reject) => {
        source = fromX({ listen: { port: 0 }, onListening: (s) => listening.next(s), onDuplicates: (d) => duplicates.push(d), ...consumer }).subscribe({
          next: (r) => {
            received.push(r);
            arrived.push(performance.now());
          },
          error: reject,
          complete: resolve,
        });
      });
      const { port } = await firstValueFrom(listening);
      const wire = await relay(port);
      const a = new Subject<WireRecord>();
      const sinkA = a.pipe(toX({ connect: url(wire.port), keepAlive: false })).subscribe();
      await until(() => a.observed, 'producer A to connect');
      a.next(channelHeader(1, 1000, 'session-A'));
      for (let seq = 0; seq < 5; seq++) a.next(channelBlock(seq, seq, 1, 1));
      const lastSent = performance.now(); // A's last bytes reach the consumer at or after this
      await until(() => received.length === 6, 'session A, seq 0 … 4');
      wire.freeze();
      const close = (): void => {
        sinkA.unsubscribe();
        wire.close();
        source.unsubscribe(); // the consumer's server too, when its stream did not end
      };
      return { port, wire, received, arrived, duplicates, done, lastSent, close };
    }
    const labels = (received: WireRecord[]): unknown[] =>
      received.map((r) => (r.kind === 'header' ? r.provenance.sessionId : r.kind === 'block' ? r.seq : r.kind));

    it("the consumer takes the silent link for dead after 'keepAlive.timeout' and closes it", async () => {
      const { wire, lastSent, close } = await halfOpen({ keepAlive: { interval: 50, timeout: 300 } });
      // the consumer's end of the link closes, and the relay with it (without keepalive: never)
      await until(() => wire.open() === 0, 'the consumer to close the dead link');
      expect(performance.now() - lastSent).toBeGreaterThanOrEqual(300);
      close();
    });

    it('a producer of a new session that dials in replaces the connected one once that has been silent 2·keepAlive.interval', async () => {
      const { port, received, arrived, done, lastSent, close } = await halfOpen({ keepAlive: { interval: 50, timeout: 20_000 } });
      const b = [channelHeader(1, 1000, 'session-B'), ...Array.from({ length: 3 }, (_, s) => channelBlock(s, s, 1, 1)), { kind: 'end', seq: 3 } as const];
      // turned away at once (before it is subscribed) while A counts as alive, B redials
      await lastValueFrom(from(b).pipe(toX({ connect: url(port), reconnect: { initialDelay: 10, maxDelay: 20 } })), { defaultValue: null });
      await done;
      // B's header was taken only once A had been silent 2·interval (B first dialled a few ms after A's last record)
      expect(arrived[6] - lastSent).toBeGreaterThanOrEqual(100);
      expect(labels(received)).toEqual(['session-A', 0, 1, 2, 3, 4, 'session-B', 0, 1, 2, 'end']);
      close();
    });

    it('a live producer (pinging, its stream idle) is not replaced by another that dials in', async () => {
      const listening = new ReplaySubject<{ port: number }>();
      const received: WireRecord[] = [];
      const done = new Promise<void>((resolve, reject) =>
        fromX({ listen: { port: 0 }, onListening: (s) => listening.next(s), keepAlive: { interval: 50, timeout: 20_000 } }).subscribe({
          next: (r) => received.push(r),
          error: reject,
          complete: resolve,
        }),
      );
      const { port } = await firstValueFrom(listening);
      const a = new Subject<WireRecord>();
      const sinkA = lastValueFrom(a.pipe(toX({ connect: url(port), keepAlive: { interval: 50, timeout: 20_000 } })), { defaultValue: null });
      await until(() => a.observed, 'producer A to connect');
      a.next(channelHeader(1, 1000, 'session-A'));
      await until(() => received.length === 1, "A's header");
      let dials = 0;
      const b = from([channelHeader(1, 1000, 'session-B'), { kind: 'end', seq: 0 } as const]).pipe(
        toX({ connect: url(port), reconnect: { initialDelay: 10, maxDelay: 10 } }),
      );
      const sinkB = b.subscribe({ next: (e) => e.kind === 'disconnected' && dials++ });
      const since = performance.now();
      // B dials every 10 ms for 500 ms, ten times A's ping interval: A keeps its place
      await until(() => performance.now() - since > 500, '500 ms');
      expect(labels(received)).toEqual(['session-A']);
      a.next({ kind: 'end', seq: 0 });
      a.complete();
      await sinkA;
      await done;
      sinkB.unsubscribe();
      expect(labels(received)).toEqual(['session-A', 'end']);
      expect(dials).toBeGreaterThanOrEqual(2); // B did dial in, and was turned away
    });

    it('a live producer pinging less often than the consumer (its header advertises keepAliveInterval 400 ms) is not replaced while its stream is idle', async () => {
      const listening = new ReplaySubject<{ port: number }>();
      const received: WireRecord[] = [];
      const done = new Promise<void>((resolve, reject) =>
        fromX({ listen: { port: 0 }, onListening: (s) => listening.next(s), keepAlive: { interval: 30, timeout: 20_000 } }).subscribe({
          next: (r) => received.push(r),
          error: reject,
          complete: resolve,
        }),
      );
      const { port } = await firstValueFrom(listening);
      const a = new Subject<WireRecord>();
      const sinkA = lastValueFrom(a.pipe(toX({ connect: url(port), keepAlive: { interval: 400, timeout: 20_000 } })), { defaultValue: null });
      await until(() => a.observed, 'producer A to connect');
      a.next(channelHeader(1, 1000, 'session-A'));
      await until(() => received.length === 1, "A's header");
      const since = performance.now();
      // the interval is the link's, not the stream's: the header passed on does not carry it
      expect(received[0]).not.toHaveProperty('keepAliveInterval');
      let dials = 0;
      const b = from([channelHeader(1, 1000, 'session-B'), { kind: 'end', seq: 0 } as const]).pipe(
        toX({ connect: url(port), reconnect: { initialDelay: 10, maxDelay: 10 } }),
      );
      const sinkB = b.subscribe({ next: (e) => e.kind === 'disconnected' && dials++ });
      // B dials every 10 ms for 400 ms: beyond twice the consumer's interval (60 ms), within twice A's (800 ms)
      await until(() => performance.now() - since > 400, '400 ms');
      expect(labels(received)).toEqual(['session-A']);
      a.next({ kind: 'end', seq: 0 });
      a.complete();
      await sinkA;
      await done;
      sinkB.unsubscribe();
      expect(labels(received)).toEqual(['session-A', 'end']);
      expect(dials).toBeGreaterThanOrEqual(2); // B did dial in, and was turned away
    });

    it("a consumer whose timeout is shorter than its producer's pings allow keeps the live link: the timeout is raised to 4·keepAliveInterval advertised", async () => {
      const a = new Subject<WireRecord>();
      const { url: at, connected } = await serve(a, { keepAlive: { interval: 250, timeout: 20_000 } });
      const received: WireRecord[] = [];
      const done = lastValueFrom(fromX({ connect: at, keepAlive: { interval: 30, timeout: 100 } }).pipe(toArray()));
      await until(() => a.observed, 'the consumer to subscribe');
      a.next(channelHeader(1, 1000, 'session-A'));
      // idle 700 ms: the producer pings within 500 ms, the raised timeout is 1000 ms (100 ms: redials)
      await new Promise((resolve) => setTimeout(resolve, 700));
      a.next({ kind: 'end', seq: 0 });
      a.complete();
      received.push(...(await done));
      expect(labels(received)).toEqual(['session-A', 'end']);
      expect(connected()).toBe(1);
    });

    it('two producers that dial in at once to replace the silent one: a sink reports its stream delivered only if the consumer took it', async () => {
      const { port, received, done, close } = await halfOpen({ keepAlive: { interval: 50, timeout: 20_000 } });
      await sleep(150); // A silent for 2·interval and more
      const short = (session: string): WireRecord[] => [channelHeader(1, 1000, session), channelBlock(0, 0, 1, 1), { kind: 'end', seq: 1 }];
      const completed: string[] = [];
      const sinks = ['session-B', 'session-C'].map((session) =>
        from(short(session))
          .pipe(toX({ connect: url(port), reconnect: { initialDelay: 10, maxDelay: 20 } }))
          .subscribe({ complete: () => completed.push(session) }),
      );
      await done; // the consumer completes with the first stream that arrives whole
      await sleep(300); // time for a sink whose stream was thrown away to (wrongly) report success
      for (const sink of sinks) sink.unsubscribe();
      close();
      const sessions = labels(received).filter((l) => l === 'session-B' || l === 'session-C');
      expect(sessions.length).toBe(1);
      // only the producer whose stream arrived reports it delivered; the other one is still redialling
      expect(completed).toEqual(sessions);
      expect(labels(received).slice(-3)).toEqual([sessions[0], 0, 'end']);
    });

    it('a producer of the same session that dials in replaces the half-open link and resumes: nothing passed on twice, the repeats counted', async () => {
      // the dead-link timeout (20 s) is not waited for: silence of 2·interval is enough for a newcomer
      const { port, received, duplicates, done, lastSent, close } = await halfOpen({ keepAlive: { interval: 50, timeout: 20_000 } });
      const again = [channelHeader(1, 1000, 'session-A'), ...Array.from({ length: 8 }, (_, s) => channelBlock(s, s, 1, 1)), { kind: 'end', seq: 8 } as const];
      await lastValueFrom(from(again).pipe(toX({ connect: url(port), reconnect: { initialDelay: 10, maxDelay: 20 } })), { defaultValue: null });
      await done;
      expect(performance.now() - lastSent).toBeLessThan(10_000); // replaced, well before the 20 s dead-link timeout
      expect(labels(received)).toEqual(['session-A', 0, 1, 2, 3, 4, 5, 6, 7, 'end']);
      expect(duplicates).toEqual([{ records: 5, samples: 5, firstSeq: 0, lastSeq: 4 }]);
      close();
    });
  });


  describe(`${name}: a slow consumer at the other end`, () => {
    const blocks = 300; // 4096 complex samples each: 19.7 MB in all
    /** a pausable producer of `blocks` blocks of 4096 samples on the hub's scheduler; counts what it emitted */
    function bigProducer(hub: WireHub) {
      let emitted = 0;
      const source = chunkedObservable<WireRecord>(
        function* (ctx) {
          ctx.emit(channelHeader(1));
          for (let seq = 0; seq < blocks; seq++) {
            ctx.emit(channelBlock(seq, 4096 * seq, 4096, 1));
            emitted++;
            yield;
          }
        },
        { scheduler: hub.scheduler, yieldEvery: 0 },
      );
      return { source, emitted: () => emitted };
    }

    it("'pause': the producer stalls while the consumer does not read, the hub holds at most its bound, nothing is lost", async () => {
      const hub = createWireHub({ buffer: { records: 8, policy: 'pause' }, history: { records: 4 } });
      const producer = bigProducer(hub);
      const events = new ReplaySubject<WireSinkEvent>();
      const sink = producer.source.pipe(toX({ listen: { port: 0 }, hub })).subscribe(events);
      const { url: at } = (await firstValueFrom(events)) as { url: string };
      const consumer = await slowConsumer(scheme, at);
      consumer.hold();
      await until(() => producer.emitted() > 0 && !hub.open, 'the gate to shut');
      // the kernel's buffer autotuning may still take more for a while: wait until the producer
      // has emitted nothing for 300 ms (at most 10 s; a producer that never stalls runs to the end
      // or past this deadline)
      let stalled = producer.emitted();
      for (let quiet = performance.now(), deadline = quiet + 10_000; performance.now() - quiet < 300; ) {
        if (performance.now() > deadline) throw new Error(`the producer did not stall: ${producer.emitted()} of ${blocks} blocks emitted`);
        await sleep(10);
        if (producer.emitted() !== stalled) [stalled, quiet] = [producer.emitted(), performance.now()];
      }
      // stalled mid-stream: 8 records in the hub and the link together (serve-link.spec measures it), the
      // rest in the kernel's socket buffers (bounded by tcp_wmem + tcp_rmem)
      expect(stalled).toBeLessThan(blocks);
      let most = 0;
      const watch = setInterval(() => (most = Math.max(most, hub.history.records)), 1);
      consumer.duty();
      await consumer.closed;
      clearInterval(watch);
      sink.unsubscribe();
      const data = consumer.records.filter((r) => r.kind === 'block');
      expect(data.map((r) => (r as { seq: number }).seq)).toEqual(Array.from({ length: blocks }, (_, k) => k));
      expect(comparable(data[123])).toEqual(comparable(channelBlock(123, 4096 * 123, 4096, 1)));
      expect(consumer.records[consumer.records.length - 1]).toEqual({ kind: 'end', seq: blocks });
      expect(most).toBeLessThanOrEqual(8);
    });

    it("'drop-oldest': a consumer that reads nothing until the producer is done gets dropped notices; received + dropped = sent, records and samples", async () => {
      const hub = createWireHub({ buffer: { records: 8, policy: 'drop-oldest' }, history: { records: 4 } });
      const producer = bigProducer(hub);
      const events = new ReplaySubject<WireSinkEvent>();
      const sink = producer.source.pipe(toX({ listen: { port: 0 }, hub })).subscribe(events);
      const { url: at } = (await firstValueFrom(events)) as { url: string };
      const consumer = await slowConsumer(scheme, at);
      consumer.hold(); // the producer runs on (the gate is open for this policy) past every buffer
      let most = 0;
      const watch = setInterval(() => (most = Math.max(most, hub.history.records)), 1);
      await until(() => producer.emitted() === blocks, 'the producer to finish');
      consumer.duty();
      await consumer.closed;
      clearInterval(watch);
      sink.unsubscribe();
      const data = consumer.records.filter((r) => r.kind === 'block');
      const dropped = consumer.records.filter((r) => r.kind === 'dropped') as { records: number; samples: number }[];
      const droppedRecords = dropped.reduce((n, r) => n + r.records, 0);
      expect(data.length + droppedRecords).toBe(blocks);
      expect(4096 * data.length + dropped.reduce((n, r) => n + r.samples, 0)).toBe(4096 * blocks);
      expect(droppedRecords).toBeGreaterThan(0);
      expect(most).toBeLessThanOrEqual(8);
    });

    it("'error': the consumer that falls behind is disconnected and the sink reports why", async () => {
      const hub = createWireHub({ buffer: { records: 8, policy: 'error' } });
      const producer = bigProducer(hub);
      const events: WireSinkEvent[] = [];
      const listening = new ReplaySubject<WireSinkEvent>();
      const sink = producer.source.pipe(toX({ listen: { port: 0 }, hub })).subscribe((e) => (events.push(e), listening.next(e)));
      const { url: at } = (await firstValueFrom(listening)) as { url: string };
      const consumer = await slowConsumer(scheme, at);
      consumer.hold(); // stuck: it will not even read the connection's end
      await until(() => events.some((e) => e.kind === 'disconnected'), 'the sink to drop the consumer');
      consumer.destroy();
      sink.unsubscribe();
      const disconnected = events.find((e) => e.kind === 'disconnected') as { reason: string; consumer: string };
      expect(disconnected.consumer).toBe('slow');
      expect(disconnected.reason).toMatch(/^wire hub: consumer 'slow' fell behind: its buffer of 8 records \/ 67108864 bytes is full under policy 'error' at seq \d+$/);
      expect(consumer.records.some((r) => r.kind === 'end')).toBe(false);
    });
  });

  describe(`${name}: a dialling consumer whose producer is replaced`, () => {
    it('follows the new session from its first record, though the new producer had a head start past the seq it resumes after', async () => {
      const a = new Subject<WireRecord>();
      const servedA = await serve(a);
      const received: WireRecord[] = [];
      const done = new Promise<void>((resolve, reject) =>
        fromX({ connect: servedA.url, reconnect: { initialDelay: 5, maxDelay: 20 } }).subscribe({ next: (r) => received.push(r), error: reject, complete: resolve }),
      );
      await until(() => a.observed, 'session A to start');
      a.next(channelHeader(1, 1000, 'session-A'));
      for (let seq = 0; seq < 10; seq++) a.next(channelBlock(seq, seq, 1, 1));
      await until(() => received.length === 11, 'session A, seq 0 … 9');
      servedA.subscription.unsubscribe(); // producer A dies; the consumer redials the same address
      // producer B serves on the same port and runs ahead for another consumer: 30 records before ours is back
      const b = new Subject<WireRecord>();
      const eventsB = new ReplaySubject<WireSinkEvent>();
      const sinkB = b.pipe(toX({ listen: { port: servedA.port } })).subscribe(eventsB);
      const other = fromX({ connect: servedA.url }).subscribe();
      await until(() => b.observed, 'session B to start');
      b.next(channelHeader(1, 1000, 'session-B'));
      for (let seq = 0; seq < 30; seq++) b.next(channelBlock(seq, 100 + seq, 1, 1));
      const seen: WireSinkEvent[] = [];
      eventsB.subscribe((e) => seen.push(e));
      // ours resubscribes for B's whole history once it finds B resumed past its first record; if
      // it reconnected before B had published anything, B served it from seq 0 at once (on a loaded
      // machine either may come first)
      const resumedAt = (): (number | null)[] => seen.filter((e) => e.kind === 'connected').map((e) => (e as { lastSeq: number | null }).lastSeq);
      await until(() => resumedAt().includes(Number.MAX_SAFE_INTEGER) || received.filter((r) => r.kind === 'block').length === 40, 'our consumer to follow B');
      b.next({ kind: 'end', seq: 30 });
      b.complete();
      await done;
      other.unsubscribe();
      sinkB.unsubscribe();
      expect(received.map((r) => (r.kind === 'header' ? r.provenance.sessionId : r.kind === 'block' ? r.seq : r.kind))).toEqual([
        'session-A', ...Array.from({ length: 10 }, (_, k) => k), 'session-B', ...Array.from({ length: 30 }, (_, k) => k), 'end',
      ]);
      // it resumed after seq 9 (of A), saw B's header, and (B ahead of it) subscribed again for B's whole history
      const ours = resumedAt().filter((lastSeq) => lastSeq !== null);
      expect([[9, Number.MAX_SAFE_INTEGER], [9]]).toContainEqual(ours);
    });
  });

  describe(`${name}: guards`, () => {
    it('an empty source (no header) ends the dialling sink; an erroring source errors it after what came before was delivered', async () => {
      const listening = new ReplaySubject<{ port: number }>();
      const received: WireRecord[] = [];
      const consumer = fromX({ listen: { port: 0 }, onListening: (s) => listening.next(s) }).subscribe((r) => received.push(r));
      const { port } = await firstValueFrom(listening);
      const events = await lastValueFrom(EMPTY.pipe(toX({ connect: url(port) }), toArray())); // completes
      expect(events.map((e) => e.kind)).toEqual(['connected']);
      const failing = concat(from([channelHeader(1), channelBlock(0, 0, 1, 1)]), throwError(() => new Error('the model blew up at t = 3')));
      await expect(lastValueFrom(failing.pipe(toX({ connect: url(port) })))).rejects.toThrow('the model blew up at t = 3');
      await until(() => received.length === 2, 'the records before the error');
      expect(received.map((r) => r.kind)).toEqual(['header', 'block']); // and no end: the consumer waits for the producer to come back
      consumer.unsubscribe();
    });

    it("unsubscribing the sink stops its source and closes its server and connections (a consumer's redials then fail)", async () => {
      const source = new Subject<WireRecord>();
      const served = await serve(source);
      let failure: Error | null = null;
      fromX({ connect: served.url, reconnect: { initialDelay: 1, maxAttempts: 3 } }).subscribe({ error: (e: Error) => (failure = e) });
      await until(() => source.observed, 'the consumer to attach');
      source.next(channelHeader(1));
      served.subscription.unsubscribe();
      expect(source.observed).toBe(false);
      await until(() => failure !== null, 'the consumer to give up');
      expect(failure).toBeInstanceOf(Error);
      expect((failure as unknown as Error).message).toMatch(/cannot connect to .* \(3 attempts\)/);
    });

    it("a connection that never subscribes is closed after 'subscribeTimeout'; beyond 'maxUnsubscribed' waiting ones a new one is closed at once", async () => {
      const source = new Subject<WireRecord>();
      const served = await serve(source, { subscribeTimeout: 1000, maxUnsubscribed: 2 });
      const seen: WireSinkEvent[] = [];
      served.events.subscribe((e) => seen.push(e));
      /** a raw connection that sends nothing; `closed` resolves when the sink closes it */
      const silent = async (): Promise<{ closed: Promise<void> }> => {
        if (scheme === 'tcp') {
          const socket = connect({ host: '127.0.0.1', port: served.port });
          const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
          await new Promise<void>((resolve) => socket.once('connect', resolve));
          return { closed };
        }
        const ws = new WebSocket(served.url);
        const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
        await new Promise<void>((resolve) => ws.once('open', resolve));
        return { closed };
      };
      const opened = performance.now();
      const waiting = [(await silent()).closed];
      await until(() => performance.now() - opened > 20, '20 ms'); // the sink sees them in this order
      waiting.push((await silent()).closed);
      await until(() => performance.now() - opened > 40, '40 ms');
      await (await silent()).closed; // a third waiting connection is one too many: closed before any timeout
      expect(performance.now() - opened).toBeLessThan(1000);
      await Promise.all(waiting); // without the timeout these never close
      expect(performance.now() - opened).toBeGreaterThanOrEqual(1000);
      const reasons = seen.filter((e) => e.kind === 'disconnected').map((e) => (e as { reason: string }).reason);
      expect(reasons).toEqual([
        "2 connections have not subscribed yet (option 'maxUnsubscribed'): this one is closed",
        "no 'subscribe' from the consumer within 1000 ms of connecting (option 'subscribeTimeout')",
        "no 'subscribe' from the consumer within 1000 ms of connecting (option 'subscribeTimeout')",
      ]);
      // their places are free again: a consumer that subscribes is served
      const received = lastValueFrom(fromX({ connect: served.url }).pipe(toArray()));
      await until(() => source.observed, 'the consumer to attach');
      source.next(channelHeader(1));
      source.next({ kind: 'end', seq: 0 });
      source.complete();
      expect((await received).map((r) => r.kind)).toEqual(['header', 'end']);
      served.subscription.unsubscribe();
    });

    it("a consumer that goes silent after subscribing (no data, no pings) is taken for dead after 'keepAlive.timeout' and disconnected", async () => {
      const source = new Subject<WireRecord>();
      const served = await serve(source, { keepAlive: { interval: 50, timeout: 300 } });
      const seen: WireSinkEvent[] = [];
      served.events.subscribe((e) => seen.push(e));
      // a consumer whose machine is gone right after its subscribe: it never sends another byte
      const subscribe = encodeWireRecord({ kind: 'subscribe', lastSeq: null, consumer: 'gone' });
      let destroy: () => void;
      let sent: number;
      if (scheme === 'tcp') {
        const socket = connect({ host: '127.0.0.1', port: served.port });
        await new Promise<void>((resolve) => socket.once('connect', resolve));
        sent = performance.now(); // the sink hears from it last at or after this
        socket.write(subscribe);
        destroy = () => socket.destroy();
      } else {
        // gone: it does not even answer the sink's ping frames (a live WebSocket peer would)
        const ws = new WebSocket(served.url, { autoPong: false });
        await new Promise<void>((resolve) => ws.once('open', resolve));
        sent = performance.now();
        ws.send(subscribe);
        destroy = () => ws.terminate();
      }
      await until(() => served.connected() === 1, 'the consumer to subscribe');
      await until(() => seen.some((e) => e.kind === 'disconnected'), 'the sink to give the consumer up'); // without keepalive: never
      expect(performance.now() - sent).toBeGreaterThanOrEqual(300);
      const gone = seen.find((e) => e.kind === 'disconnected') as { consumer: string; reason: string };
      expect(gone.consumer).toBe('gone');
      expect(gone.reason).toMatch(/^nothing from .+ for 300 ms \(option 'keepAlive\.timeout'\): the link is taken for dead$/);
      destroy();
      served.subscription.unsubscribe();
    });

    it('names what is wrong in the options', () => {
      expect(() => toX({})).toThrow("give exactly one of 'listen' (serve consumers) and 'connect' (dial a consumer)");
      expect(() => toX({ listen: { port: 70000 } })).toThrow("'listen.port' must be an integer in 0 … 65535 (0: any free port), got 70000");
      expect(() => toX({ listen: { port: 0 }, linger: -1 })).toThrow("'linger' must be a number of ms ≥ 0, got -1");
      expect(() => toX({ listen: { port: 0 }, keepAlive: { interval: 100, timeout: 150 } })).toThrow("'keepAlive.timeout' must be a number of ms > 2·keepAlive.interval (200), got 150");
      expect(() => fromX({ connect: url(1), keepAlive: { interval: -1 } })).toThrow("'keepAlive.interval' must be a number of ms > 0, got -1");
      expect(() => fromX({ connect: url(1), onDuplicates: 3 as never })).toThrow("'onDuplicates' must be a function");
      expect(() => toX({ listen: { port: 0 }, subscribeTimeout: 0 })).toThrow("'subscribeTimeout' must be a number of ms > 0, got 0");
      expect(() => toX({ listen: { port: 0 }, maxUnsubscribed: 0.5 })).toThrow("'maxUnsubscribed' must be an integer ≥ 1, got 0.5");
      expect(() => fromX({ connect: 'http://x:1' })).toThrow(`'connect' must be a URL ${scheme}://host:port`);
      expect(() => fromX({ connect: url(1), lastSeq: -1 })).toThrow("'lastSeq' must be null or an integer ≥ 0, got -1");
      expect(() => toX({ connect: url(1), reconnect: { maxAttempts: 0 } })).toThrow("'reconnect.maxAttempts' must be an integer ≥ 1 or Infinity, got 0");
    });

    it('gives up dialling after maxAttempts with an error naming the address', async () => {
      const closed = await new Promise<number>((resolve) => {
        const s = createServer();
        s.listen(0, '127.0.0.1', () => {
          const port = (s.address() as { port: number }).port;
          s.close(() => resolve(port));
        });
      });
      await expect(lastValueFrom(fromX({ connect: url(closed), reconnect: { initialDelay: 1, maxAttempts: 3 } }))).rejects.toThrow(
        `cannot connect to ${url(closed)} (3 attempts)`,
      );
    });

    it('a corrupted record makes the consumer fail with the WireFormatError (not reconnect, not crash)', async () => {
      const garbage = Buffer.from('QSW\u0001garbage garbage garbage');
      let close: () => void;
      let port: number;
      if (scheme === 'tcp') {
        const server = createServer((socket) => socket.once('data', () => socket.end(garbage)));
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        port = (server.address() as { port: number }).port;
        close = () => server.close();
      } else {
        const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
        server.on('connection', (ws) => ws.once('message', () => ws.send(garbage)));
        await new Promise<void>((resolve) => server.once('listening', resolve));
        port = (server.address() as { port: number }).port;
        close = () => server.close();
      }
      const error = await lastValueFrom(fromX({ connect: url(port), reconnect: { maxAttempts: 1 } })).catch((e: Error) => e);
      expect(error).toBeInstanceOf(WireFormatError);
      expect((error as Error).message).toMatch(/^wire: .*the record at byte 0/);
      close();
    });
  });
}
