import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { WireHub, WireRecord, WireSinkEvent } from '@qsync/wire';
import { toTcp, toWebSocket, toWritable } from '@qsync/wire';
import { Observable, catchError, concatWith, finalize, fromEvent, ignoreElements, lastValueFrom, map, takeUntil, throwError } from 'rxjs';
import { drainPaced } from './drain-paced';
import type { Endpoint } from './endpoint';

/** The lastSeq with which a consumer asks for everything still held (a fresh `qsync detect`: the wire README's 2⁵³ − 1). */
const FROM_OLDEST = Number.MAX_SAFE_INTEGER;

/**
 * Where a consumer that just subscribed starts, in the hub's terms (the event comes at once after
 * the hub attached it): lastSeq null is "from now", the seq the producer is at; 2⁵³ − 1 is the
 * oldest record held, after a gap notice for the records no longer held; any other lastSeq is a
 * resume (after a seq this producer has not reached, e.g. when it restarted, the hub serves from
 * its oldest record and the consumer skips what it has).
 */
const startOf = (lastSeq: number | null, hub: WireHub | undefined): string => {
  if (hub === undefined) return lastSeq === null ? 'from now' : lastSeq === FROM_OLDEST ? 'from the oldest record held' : `resuming after seq ${lastSeq}`;
  if (lastSeq === null) return `from now (seq ${hub.nextSeq})`;
  if (lastSeq === FROM_OLDEST) {
    const first = hub.history.records > 0 ? hub.history.firstSeq : hub.nextSeq;
    return first === 0 ? 'from the start (seq 0)' : `from the oldest record held (seq ${first}; records 0…${first - 1} are gone: a gap notice says so)`;
  }
  return `resuming after seq ${lastSeq}`;
};

const describeEvent = (event: WireSinkEvent, hub: WireHub | undefined): string =>
  event.kind === 'connected'
    ? `connected to ${event.peer} (${startOf(event.lastSeq, hub)})`
    : event.kind === 'disconnected'
      ? `the consumer at ${event.peer} disconnected (${event.reason}); redialling`
      : `listening on ${event.url}`;

/** Resolves once `file` is closed (an error leaves it closed too). */
const closed = (file: Writable): Observable<never> =>
  new Observable<never>((done) => {
    if (file.closed) done.complete();
    else file.once('close', () => done.complete());
  });

/**
 * Sends wire records to an endpoint: over TCP or WebSocket by dialling the listening consumer
 * (`qsync detect --listen`) and redialling after a disconnect, resumed by seq through `hub`; into
 * a file; or to stdout. With a hub, a slow destination pauses a producer run on `hub.scheduler`:
 * network consumers through the hub's buffers, a file or stdout by its 'drain' ({@link drainPaced}),
 * so nothing piles up in memory. Resolves when the stream is delivered (network: the consumer has
 * read its end; a file: it is closed); rejects with the transport's error. `say` hears the
 * network sink's events as sentences; `signal` aborts: everything is closed at once, as when the
 * process is killed, and the promise resolves.
 *
 * @example
 * import { readFileSync } from 'node:fs';
 * import { from } from 'rxjs';
 * import { sampleBlock, streamSchema } from '@qsync/frames';
 * import { toWire, wireHeader } from '@qsync/wire';
 * const schema = streamSchema({ channels: { J: { kind: 'complex' } }, rate: 10 });
 * const block = sampleBlock({ t0: 0, dt: 0.1, columns: { J: { kind: 'complex', data: Float64Array.of(1, 2) } } });
 * await sendWire(from([schema, block]).pipe(toWire(wireHeader({ name: 'J', sourceId: 'doc' }))), { kind: 'file', path: `${dir}/send-wire.qsw` });
 * readFileSync(`${dir}/send-wire.qsw`).subarray(0, 3).toString(); // → 'QSW'
 */
export async function sendWire(
  records: Observable<WireRecord>,
  endpoint: Endpoint,
  options: { hub?: WireHub; say?: (text: string) => void; stdout?: unknown; signal?: AbortSignal } = {},
): Promise<void> {
  const say = options.say ?? (() => undefined);
  const hub = options.hub;
  const local = (stream: Writable, end: boolean): Observable<never> =>
    (hub === undefined ? records : records.pipe(drainPaced(hub, stream))).pipe(toWritable(stream, { end }));
  let sink: Observable<unknown>;
  switch (endpoint.kind) {
    case 'tcp':
      sink = records.pipe(toTcp({ connect: endpoint.url, ...(hub ? { hub } : {}) }), map((e) => say(describeEvent(e, hub))));
      break;
    case 'ws':
      sink = records.pipe(toWebSocket({ connect: endpoint.url, ...(hub ? { hub } : {}) }), map((e) => say(describeEvent(e, hub))));
      break;
    case 'file': {
      const file = createWriteStream(endpoint.path);
      // the file is ours: an error after the sink has gone must not be left unhandled; one of the
      // file's own is what 'cannot write' names (an error of the records, e.g. a bad recording
      // being replayed, is passed on as it is)
      let fileError: unknown = undefined;
      file.on('error', (e) => (fileError ??= e));
      sink = local(file, true).pipe(
        concatWith(closed(file)),
        catchError((e: unknown) =>
          throwError(() => (fileError !== undefined ? new Error(`cannot write '${endpoint.path}': ${e instanceof Error ? e.message : String(e)}`) : e)),
        ),
        finalize(() => {
          if (!file.closed) file.destroy();
        }),
      );
      break;
    }
    case 'stdio': {
      // `--to -`: the command's stdout when it is a stream (process.stdout in the program)
      const given = options.stdout as { on?: unknown } | undefined;
      sink = local((typeof given?.on === 'function' ? given : process.stdout) as Writable, false);
      break;
    }
  }
  const signal = options.signal;
  await lastValueFrom(
    signal === undefined ? sink.pipe(ignoreElements()) : sink.pipe(ignoreElements(), takeUntil(fromEvent(signal, 'abort'))),
    { defaultValue: undefined },
  );
}
