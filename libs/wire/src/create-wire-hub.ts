import { Subscription, asyncScheduler } from 'rxjs';
import type { SchedulerAction, SchedulerLike } from 'rxjs';
import { WireLog, wireDataBytes } from './wire-log';
import type { WireData, WireHeader, WireNotice, WireRecord, WireSubscribe } from './wire-record';

/**
 * What a consumer's buffer does when it is full and the producer has another record:
 * - `'pause'`: the producer is held (the hub's gate closes until every consumer has room);
 *   nothing is lost. Only a producer that waits at the gate can be held: a chunked
 *   computation run on `hub.scheduler`, or an async producer that awaits `hub.ready()`.
 * - `'drop-oldest'`: the oldest unread records are dropped and the consumer is told in-band,
 *   before the next record it reads, by a `'dropped'` notice with their count and seq range.
 * - `'error'`: the consumer's stream fails with an error that names it, its bound and the seq.
 */
export type OverflowPolicy = 'pause' | 'drop-oldest' | 'error';

/** A consumer's buffer: its bound (records and/or bytes) and what happens when it is full. */
export interface WireBufferConfig {
  /** most unread records (default 256) */
  readonly records?: number;
  /** most unread payload bytes (default 64 MiB) */
  readonly bytes?: number;
  /** default 'pause' */
  readonly policy?: OverflowPolicy;
  /**
   * Under 'pause': records a producer may publish past a full buffer before the consumer fails
   * for it (default 64): a chunked producer finishes its current chunk after the gate closes,
   * but a producer that never waits at the gate is an error, not unbounded memory.
   */
  readonly overrun?: number;
}

/** The sender's history, kept for consumers that reconnect: its bound in records and/or bytes. */
export interface WireHistoryConfig {
  /** default 4096 records */
  readonly records?: number;
  /** default 256 MiB */
  readonly bytes?: number;
}

/** Options of {@link createWireHub}. */
export interface WireHubConfig {
  /** each consumer's buffer unless {@link WireHub.attach} is given another */
  readonly buffer?: WireBufferConfig;
  readonly history?: WireHistoryConfig;
  /** the gate stays closed until this many consumers are attached (default 1) */
  readonly minConsumers?: number;
}

/** One consumer of a hub: read its records with `next()`/`poll()` or `for await`. */
export interface WireConsumer extends AsyncIterable<WireRecord> {
  readonly name: string;
  readonly policy: OverflowPolicy;
  /** the next record, waiting for one; done after the 'end' notice (at once for a stream that ended before its header); rejects on overflow under 'error' */
  next(): Promise<IteratorResult<WireRecord, undefined>>;
  /** the next record if one is ready now, else undefined (throws the consumer's error, if any) */
  poll(): WireRecord | undefined;
  /** unread data records and their bytes now */
  readonly backlog: { readonly records: number; readonly bytes: number };
  /** records read but not yet gone out of the process (see {@link WireConsumer.holdInFlight}), and their bytes */
  readonly inFlight: { readonly records: number; readonly bytes: number };
  /** the largest backlog + in-flight seen (records, bytes): what the buffer bound is checked against */
  readonly maxBacklog: { readonly records: number; readonly bytes: number };
  /**
   * Counts a record just read as still held by this consumer's sender — bytes written to a socket
   * that the system has not taken yet — until the returned function is called: the buffer bound
   * applies to unread + in-flight, so a 'pause' consumer behind a slow socket holds the producer
   * within its stated buffer (the transports call it for each data record they write).
   */
  holdInFlight(bytes: number): () => void;
  /** true while what is in flight is under the buffer's bound: a sender moves no more records out of the buffer when false */
  readonly roomInFlight: boolean;
  /** the seq of the last data record read (−1 if none): what to resume from */
  readonly lastSeq: number;
  /** resolves with the error when the consumer's policy fails it (a sender waiting on its socket hears of it here) */
  readonly failed: Promise<Error>;
  /** detaches from the hub and frees its place; pending reads end */
  close(): void;
}

/** One producer, many consumers: see {@link createWireHub}. */
export interface WireHub {
  /** hands a record to every consumer and to the history: the header first, then data in seq order, then optionally an 'end' notice */
  publish(record: WireRecord): void;
  /** the producer finished: every consumer reads an 'end' notice after its last record */
  end(): void;
  /** the producer failed: every consumer's stream fails after its unread records */
  fail(error: unknown): void;
  /** a new consumer, resumed after `request.lastSeq` (null: from now; beyond what was published, e.g. 2⁵³ − 1: from the oldest record held) */
  attach(request: WireSubscribe, buffer?: WireBufferConfig): WireConsumer;
  /** true when every 'pause' consumer has room and at least `minConsumers` are attached */
  readonly open: boolean;
  /** resolves when the gate is open */
  ready(): Promise<void>;
  /** runs scheduled work only while the gate is open: give it to `chunkedObservable` to make a producer pausable */
  readonly scheduler: SchedulerLike;
  /** the header published, if any */
  readonly header: WireHeader | null;
  /** the seq the next data record gets (= data records published) */
  readonly nextSeq: number;
  /** what the history holds now */
  readonly history: { readonly firstSeq: number; readonly records: number; readonly bytes: number };
  /** consumers attached now */
  readonly consumers: number;
}

const positiveInteger = (fn: string, name: string, value: number | undefined, fallback: number): number => {
  if (value === undefined) return fallback;
  if (!(Number.isInteger(value) && value >= 1) && value !== Infinity) {
    throw new Error(`${fn}: '${name}' must be an integer ≥ 1, got ${String(value)}`);
  }
  return value;
};

const POLICIES: readonly OverflowPolicy[] = ['pause', 'drop-oldest', 'error'];

interface Buffer {
  readonly records: number;
  readonly bytes: number;
  readonly policy: OverflowPolicy;
  readonly overrun: number;
}

function resolveBuffer(fn: string, config: WireBufferConfig | undefined, base?: Buffer): Buffer {
  const policy = config?.policy ?? base?.policy ?? 'pause';
  if (!POLICIES.includes(policy)) {
    throw new Error(`${fn}: buffer 'policy' must be one of ${POLICIES.map((p) => `'${p}'`).join(', ')}, got ${String(policy)}`);
  }
  return {
    records: positiveInteger(fn, 'buffer.records', config?.records, base?.records ?? 256),
    bytes: positiveInteger(fn, 'buffer.bytes', config?.bytes, base?.bytes ?? 64 * 2 ** 20),
    policy,
    overrun: positiveInteger(fn, 'buffer.overrun', config?.overrun, base?.overrun ?? 64),
  };
}

/**
 * A producer's hub: one stream of wire records fanned out to many consumers, each with its
 * own bounded buffer and overflow policy, and a bounded history from which a consumer that
 * reconnects with its last seq is resumed — or told by a 'gap' notice exactly which records
 * (and how many samples) are gone. Nothing is lost silently and no memory grows without
 * bound: records are held once (shared by all consumers) and only while the history bound or
 * some consumer's buffer needs them, so memory ≤ max(history, largest buffer (+ overrun)).
 *
 * Pausing: the hub's gate is open while every 'pause' consumer has room and at least
 * `minConsumers` consumers are attached. A producer is paused by waiting at the gate: run a
 * chunked computation on `hub.scheduler` (`chunkedObservable(run, { scheduler: hub.scheduler,
 * yieldEvery: 0 })` — no chunk starts while the gate is closed), or `await hub.ready()` before
 * each record in an async producer. The transports (toTcp, toWebSocket) read consumers at the
 * pace their sockets drain, and count what waits in the socket against the consumer's buffer
 * (`holdInFlight`), so a slow network peer closes the gate within its stated bound too. A replay
 * waits at the gate with `replayFile(path, { pace, gate: hub })`.
 *
 * @param config - `{ buffer = { records: 256, bytes: 64 MiB, policy: 'pause', overrun: 64 }, history = { records: 4096, bytes: 256 MiB }, minConsumers = 1 }`
 * @returns the hub: `publish`, `end`, `fail` for the producer; `attach` for consumers; `open`, `ready()`, `scheduler` for pausing
 * @throws Error naming the option when a bound is not an integer ≥ 1 or the policy is unknown
 * @example
 * const hub = createWireHub({ buffer: { records: 2, policy: 'drop-oldest' } });
 * const consumer = hub.attach({ kind: 'subscribe', lastSeq: null });
 * const header = { kind: 'header', version: WIRE_VERSION, name: 'x', schema: streamSchema({ channels: { x: { kind: 'real' } } }),
 *   provenance: { sourceId: 's', sessionId: 'r', createdAt: '2026-01-01T00:00:00Z', qsyncVersion: '0.1.0' } };
 * hub.publish(header);
 * for (let seq = 0; seq < 5; seq++) hub.publish({ kind: 'block', seq, block: sampleBlock({ t0: seq, dt: 1, columns: { x: { kind: 'real', data: Float64Array.of(seq) } } }) });
 * hub.end();
 * const kinds = [];
 * for await (const record of consumer) kinds.push(record.kind === 'dropped' ? `dropped ${record.firstSeq}-${record.lastSeq}` : record.kind);
 * kinds;
 * // → ['header', 'dropped 0-2', 'block', 'block', 'end']
 */
export function createWireHub(config: WireHubConfig = {}): WireHub {
  const fn = 'createWireHub';
  const defaults = resolveBuffer(fn, config.buffer);
  const historyRecords = positiveInteger(fn, 'history.records', config.history?.records, 4096);
  const historyBytes = positiveInteger(fn, 'history.bytes', config.history?.bytes, 256 * 2 ** 20);
  const minConsumers = config.minConsumers ?? 1;
  if (!(Number.isInteger(minConsumers) && minConsumers >= 0)) {
    throw new Error(`${fn}: 'minConsumers' must be an integer ≥ 0, got ${String(minConsumers)}`);
  }

  const log = new WireLog();
  let header: WireHeader | null = null;
  let ended = false;
  let failure: { error: unknown } | null = null;
  const consumers = new Set<Consumer>();
  let readyWaiters: (() => void)[] = [];
  let consumerCount = 0;

  const isOpen = (): boolean => {
    if (consumers.size < minConsumers || ended) return false;
    for (const c of consumers) if (c.buffer.policy === 'pause' && c.full()) return false;
    return true;
  };

  /** called whenever the gate may have opened */
  const wake = (): void => {
    if (readyWaiters.length === 0 || !isOpen()) return;
    const waiters = readyWaiters;
    readyWaiters = [];
    for (const w of waiters) w();
  };

  /** trims the log's front to the history bound, keeping what a consumer has yet to read */
  const trim = (): void => {
    let keepFrom = log.nextSeq;
    for (const c of consumers) keepFrom = Math.min(keepFrom, c.cursor);
    while (log.length > 0 && log.firstSeq < keepFrom && (log.length > historyRecords || log.bytes > historyBytes)) {
      log.shift();
    }
  };

  class Consumer implements WireConsumer {
    readonly name: string;
    readonly buffer: Buffer;
    /** seq of the next data record to deliver */
    cursor: number;
    lastSeq = -1;
    /**
     * the seq the consumer resumed after (null: from now): no loss notice straddles it, so that a
     * consumer already holding the records up to it (a producer restarted in its session sends
     * from its start) counts exactly the samples lost after it — this log knows them, it does not
     */
    private readonly resumedAfter: number | null;
    private headerSent = false;
    private notices: WireNotice[] = [];
    private endSent = false;
    private error: Error | null = null;
    private closed = false;
    private waiter: (() => void) | null = null;
    private readonly max = { records: 0, bytes: 0 };
    private readonly held = { records: 0, bytes: 0 };
    private reportFailure: (error: Error) => void = () => undefined;
    readonly failed = new Promise<Error>((resolve) => (this.reportFailure = resolve));

    constructor(request: WireSubscribe, buffer: Buffer) {
      this.name = request.consumer ?? `consumer ${++consumerCount}`;
      this.buffer = buffer;
      this.resumedAfter = request.lastSeq;
      let from = request.lastSeq === null ? log.nextSeq : request.lastSeq + 1;
      // a lastSeq this producer never reached: the consumer followed an earlier session of the
      // source, or this session before the producer restarted (or asks for everything, with
      // 2⁵³ − 1): it gets the whole history, after a gap notice for what is no longer held
      if (from > log.nextSeq) from = 0;
      this.lastSeq = request.lastSeq === null ? -1 : from - 1;
      if (from < log.firstSeq) {
        // never straddles the seq resumed after: it starts after it, or (from 0) ends before it
        this.notices.push({
          kind: 'gap',
          seq: log.firstSeq, // a notice's seq: the seq of the data record after those it reports
          firstSeq: from,
          lastSeq: log.firstSeq - 1,
          samples: log.samplesBetween(from, log.firstSeq - 1),
          // resumed inside the log's merged run of old sample counts: `samples` is its estimate
          ...(log.samplesExactAt(from) ? {} : { estimated: true as const }),
        });
        this.cursor = log.firstSeq;
      } else {
        this.cursor = from;
      }
      this.note();
    }

    /** seqs first … last as one range, or as two when they straddle the seq the consumer resumed after (a 'dropped' run can) */
    private split(first: number, last: number): [number, number][] {
      const at = this.resumedAfter;
      return at !== null && first <= at && at < last ? [[first, at], [at + 1, last]] : [[first, last]];
    }

    get policy(): OverflowPolicy {
      return this.buffer.policy;
    }

    get backlog(): { records: number; bytes: number } {
      return { records: log.nextSeq - this.cursor, bytes: log.bytesFrom(this.cursor) };
    }

    get maxBacklog(): { records: number; bytes: number } {
      return { ...this.max };
    }

    get inFlight(): { records: number; bytes: number } {
      return { ...this.held };
    }

    holdInFlight(bytes: number): () => void {
      if (!(bytes >= 0 && Number.isFinite(bytes))) throw new Error(`${fn}: holdInFlight 'bytes' must be a number ≥ 0, got ${String(bytes)}`);
      this.held.records++;
      this.held.bytes += bytes;
      this.note();
      let released = false;
      return () => {
        if (released) return;
        released = true;
        this.held.records--;
        this.held.bytes -= bytes;
        wake(); // room freed: the gate may open
      };
    }

    get roomInFlight(): boolean {
      return this.held.records < this.buffer.records && this.held.bytes < this.buffer.bytes;
    }

    /** records held for this consumer: unread in the log, plus read and still in flight */
    private records(): number {
      return log.nextSeq - this.cursor + this.held.records;
    }

    private bytes(): number {
      return log.bytesFrom(this.cursor) + this.held.bytes;
    }

    /** records the backlog's high-water mark */
    note(): void {
      const records = this.records();
      if (records > this.max.records) this.max.records = records;
      const bytes = this.bytes();
      if (bytes > this.max.bytes) this.max.bytes = bytes;
    }

    full(): boolean {
      return this.records() >= this.buffer.records || this.bytes() >= this.buffer.bytes;
    }

    /** after a publish: apply the policy if the buffer is over its bound */
    overflowed(): void {
      const over = (): boolean => this.records() > this.buffer.records || this.bytes() > this.buffer.bytes;
      if (this.error !== null || !over()) {
        this.note();
        return;
      }
      const { policy } = this.buffer;
      if (policy === 'pause') {
        // the gate closed when the buffer filled; a producer that waits there adds at most a
        // chunk's worth; one that never waits fails the consumer rather than grow its memory
        if (this.records() > this.buffer.records + this.buffer.overrun) {
          return this.fail(
            new Error(
              `wire hub: consumer '${this.name}' is more than ${this.buffer.overrun} records past its buffer of ` +
                `${this.buffer.records} records under policy 'pause' at seq ${log.nextSeq - 1}: the producer does not ` +
                `wait at the gate (run it on hub.scheduler or await hub.ready())`,
            ),
          );
        }
      } else if (policy === 'drop-oldest') {
        const first = this.cursor;
        while (over() && this.cursor < log.nextSeq - 1) this.cursor++;
        const last = this.cursor - 1;
        // over the bound by what is in flight alone: nothing unread is left to drop but the newest
        if (last < first) return this.note();
        // the records dropped are held in the log: their samples are exact
        for (const [a, b] of this.split(first, last)) {
          const samples = log.samplesBetween(a, b);
          const pending = this.notices[this.notices.length - 1];
          if (pending !== undefined && pending.kind === 'dropped' && pending.lastSeq === a - 1 && pending.lastSeq !== this.resumedAfter) {
            pending.records += b - a + 1;
            pending.samples += samples;
            pending.lastSeq = b;
            pending.seq = b + 1;
          } else {
            this.notices.push({ kind: 'dropped', seq: b + 1, records: b - a + 1, samples, firstSeq: a, lastSeq: b });
          }
        }
      } else {
        return this.fail(
          new Error(
            `wire hub: consumer '${this.name}' fell behind: its buffer of ${this.buffer.records} records / ` +
              `${this.buffer.bytes} bytes is full under policy 'error' at seq ${log.nextSeq - 1}`,
          ),
        );
      }
      this.note();
    }

    fail(error: Error): void {
      this.error = error;
      this.reportFailure(error);
      this.detach();
      this.signal();
    }

    signal(): void {
      const w = this.waiter;
      this.waiter = null;
      w?.();
    }

    private detach(): void {
      if (consumers.delete(this)) {
        trim();
        wake();
      }
    }

    poll(): WireRecord | undefined {
      if (this.error !== null) throw this.error;
      if (!this.headerSent) {
        if (header === null) return this.pollError();
        this.headerSent = true;
        return header;
      }
      const notice = this.notices.shift();
      if (notice !== undefined) return notice;
      if (this.cursor < log.nextSeq && !this.closed) {
        const record: WireData = log.at(this.cursor);
        this.cursor++;
        this.lastSeq = record.seq;
        // room freed: the gate may open, the history may be trimmed
        trim();
        wake();
        return record;
      }
      if (ended && failure === null && !this.endSent && !this.closed) {
        this.endSent = true;
        return { kind: 'end', seq: log.nextSeq };
      }
      return this.pollError();
    }

    private pollError(): undefined {
      if (this.error !== null) throw this.error;
      if (failure !== null && !this.closed) {
        this.error = failure.error instanceof Error ? failure.error : new Error(String(failure.error));
        throw this.error;
      }
      return undefined;
    }

    get done(): boolean {
      // a stream that ended before its header (an empty source) has nothing to deliver
      return this.closed || this.endSent || this.error !== null || (ended && failure === null && header === null);
    }

    async next(): Promise<IteratorResult<WireRecord, undefined>> {
      for (;;) {
        const record = this.poll();
        if (record !== undefined) return { done: false, value: record };
        if (this.done) return { done: true, value: undefined };
        await new Promise<void>((resolve) => (this.waiter = resolve));
      }
    }

    close(): void {
      if (this.closed) return;
      this.closed = true;
      this.detach();
      this.signal();
    }

    [Symbol.asyncIterator](): AsyncIterator<WireRecord, undefined> {
      return {
        next: () => this.next(),
        return: async () => {
          this.close();
          return { done: true, value: undefined };
        },
      };
    }
  }

  const scheduler: SchedulerLike = {
    now: () => asyncScheduler.now(),
    schedule<T>(work: (this: SchedulerAction<T>, state?: T) => void, delay = 0, state?: T): Subscription {
      return new GatedAction(work, gate).schedule(state, delay);
    },
  };
  const gate: Gate = {
    isOpen,
    onOpen(callback) {
      readyWaiters.push(callback);
      return () => {
        readyWaiters = readyWaiters.filter((w) => w !== callback);
      };
    },
  };

  return {
    publish(record: WireRecord): void {
      if (ended) throw new Error(`${fn}: publish after the stream ended ('${record.kind}' record)`);
      if (record.kind === 'header') {
        if (header !== null) throw new Error(`${fn}: a stream has one header; got a second one`);
        header = record;
      } else if (record.kind === 'block' || record.kind === 'frame') {
        if (header === null) throw new Error(`${fn}: the header must be published before data (got '${record.kind}' seq ${record.seq})`);
        if (record.seq !== log.nextSeq) {
          throw new Error(`${fn}: data records must be published in seq order: expected seq ${log.nextSeq}, got ${record.seq}`);
        }
        log.append(record, wireDataBytes(record));
        for (const c of consumers) c.overflowed();
        trim();
      } else if (record.kind === 'end') {
        ended = true;
      } else {
        throw new Error(`${fn}: a producer publishes a header, data and 'end'; got a '${record.kind}' notice`);
      }
      for (const c of consumers) c.signal();
    },
    end(): void {
      if (ended) return;
      ended = true;
      for (const c of consumers) c.signal();
    },
    fail(error: unknown): void {
      if (ended) return;
      failure = { error };
      ended = true;
      for (const c of consumers) c.signal();
    },
    attach(request: WireSubscribe, buffer?: WireBufferConfig): WireConsumer {
      if (request.lastSeq !== null && !(Number.isInteger(request.lastSeq) && request.lastSeq >= 0)) {
        throw new Error(`${fn}: subscribe 'lastSeq' must be null or an integer ≥ 0, got ${String(request.lastSeq)}`);
      }
      const consumer = new Consumer(request, resolveBuffer(fn, buffer, defaults));
      consumers.add(consumer);
      wake();
      return consumer;
    },
    get open() {
      return isOpen();
    },
    ready(): Promise<void> {
      return isOpen() ? Promise.resolve() : new Promise((resolve) => readyWaiters.push(resolve));
    },
    scheduler,
    get header() {
      return header;
    },
    get nextSeq() {
      return log.nextSeq;
    },
    get history() {
      return { firstSeq: log.firstSeq, records: log.length, bytes: log.bytes };
    },
    get consumers() {
      return consumers.size;
    },
  };
}

interface Gate {
  isOpen(): boolean;
  /** calls back once when the gate may have opened; returns a cancel function */
  onOpen(callback: () => void): () => void;
}

/** A scheduled action that runs only while the gate is open (on asyncScheduler otherwise). */
class GatedAction<T> extends Subscription implements SchedulerAction<T> {
  private state: T | undefined;
  private pending: Subscription | null = null;
  private cancelWait: (() => void) | null = null;

  constructor(
    private readonly work: (this: SchedulerAction<T>, state?: T) => void,
    private readonly gate: Gate,
  ) {
    super();
    this.add(() => this.cancel());
  }

  schedule(state?: T, delay = 0): Subscription {
    if (this.closed) return this;
    this.state = state;
    this.cancel();
    this.pending = asyncScheduler.schedule(() => {
      this.pending = null;
      this.attempt();
    }, delay);
    return this;
  }

  private attempt(): void {
    if (this.closed) return;
    if (this.gate.isOpen()) {
      this.work.call(this, this.state);
      return;
    }
    // closed: wait for it to open, then run in a fresh macrotask (never inside a consumer's read)
    this.cancelWait = this.gate.onOpen(() => {
      this.cancelWait = null;
      if (this.closed) return;
      this.pending = asyncScheduler.schedule(() => {
        this.pending = null;
        this.attempt();
      });
    });
  }

  private cancel(): void {
    this.pending?.unsubscribe();
    this.pending = null;
    this.cancelWait?.();
    this.cancelWait = null;
  }
}
