import type { WireHub, WireRecord, WireSinkEvent } from '@qsync/wire';
import { recordToFile, toTcp, toWebSocket, toWritable } from '@qsync/wire';
import { type Observable, fromEvent, ignoreElements, lastValueFrom, takeUntil, tap } from 'rxjs';
import type { Endpoint } from './endpoint';

/**
 * Sends wire records to an endpoint: over TCP or WebSocket by dialling the listening consumer
 * (`qsync detect --listen`) and redialling after a disconnect, resumed by seq through `hub`; into
 * a file; or to stdout. Resolves when the stream is delivered (network: the consumer has read its
 * end); rejects with the transport's error. `onEvent` hears the network sink's events; `signal`
 * aborts: everything is closed at once, as when the process is killed, and the promise resolves.
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
  options: { hub?: WireHub; onEvent?: (event: WireSinkEvent) => void; stdout?: NodeJS.WritableStream; signal?: AbortSignal } = {},
): Promise<void> {
  const onEvent = options.onEvent ?? (() => undefined);
  let sink: Observable<unknown>;
  switch (endpoint.kind) {
    case 'tcp':
      sink = records.pipe(toTcp({ connect: endpoint.url, ...(options.hub ? { hub: options.hub } : {}) }), tap(onEvent));
      break;
    case 'ws':
      sink = records.pipe(toWebSocket({ connect: endpoint.url, ...(options.hub ? { hub: options.hub } : {}) }), tap(onEvent));
      break;
    case 'file':
      sink = records.pipe(recordToFile(endpoint.path));
      break;
    case 'stdio':
      sink = records.pipe(toWritable((options.stdout ?? process.stdout) as never));
      break;
  }
  const signal = options.signal;
  await lastValueFrom(
    signal === undefined ? sink.pipe(ignoreElements()) : sink.pipe(ignoreElements(), takeUntil(fromEvent(signal, 'abort'))),
    { defaultValue: undefined },
  );
}

