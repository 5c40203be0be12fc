import type { OperatorFunction } from 'rxjs';
import type { WireSinkEvent } from './serve-link';
import { webSocketTransport } from './web-socket-transport';
import { wireSink } from './wire-sink';
import type { WireSinkConfig } from './wire-sink';
import type { WireRecord } from './wire-record';

/**
 * Sends a stream of wire records (header, data, optionally 'end') over WebSocket (ws), one record per binary message, as a sink operator:
 * either serving consumers that dial in (`listen`) or dialling one listening consumer
 * (`connect: 'ws://host:port/path'`, as `qsync emit --to ws://…` → `qsync detect --listen …`),
 * redialled with backoff after a disconnect. Whichever side dials, the consumer speaks first
 * with `subscribe { lastSeq }` and is resumed from the sender's history (or told of the gap).
 * Records go through a hub (see createWireHub): each consumer has its own bounded buffer and
 * overflow policy, filled as fast as its WebSocket drains. The source is subscribed when the first
 * consumer is attached. Emits 'listening', 'connected' and 'disconnected' events; completes
 * when the stream has ended and been delivered (connect) or no consumer is left (listen).
 *
 * @param config - `{ listen: { host = '127.0.0.1', port } }` or `{ connect: 'ws://host:port/path', reconnect? }`, plus `{ hub?, buffer?, history?, minConsumers?, linger = 0, subscribeTimeout = 10 000, maxUnsubscribed = 16, keepAlive = { interval: 5000, timeout: 20 000 } }`
 * @returns an operator from wire records to the sink's events
 * @throws Error naming the option when both or neither of listen/connect are given, a port or URL is malformed, or a bound is invalid
 * @example
 * const header = { kind: 'header', version: WIRE_VERSION, name: 'x', schema: streamSchema({ channels: { x: { kind: 'real' } } }),
 *   provenance: { sourceId: 's', sessionId: 'r', createdAt: '2026-01-01T00:00:00Z', qsyncVersion: '0.1.0' } };
 * const block = (seq) => ({ kind: 'block', seq, block: sampleBlock({ t0: seq, dt: 1, columns: { x: { kind: 'real', data: Float64Array.of(seq / 8) } } }) });
 * const events = new ReplaySubject();
 * // the producer serves on a free port; the consumer dials it
 * from([header, block(0), block(1)]).pipe(toWebSocket({ listen: { port: 0 } })).subscribe(events);
 * const { url } = await firstValueFrom(events);
 * const records = await lastValueFrom(fromWebSocket({ connect: url }).pipe(toArray()));
 * records.map((r) => (r.kind === 'block' ? r.block.columns.x.data[0] : r.kind));
 * // → ['header', 0, 0.125, 'end']
 */
export function toWebSocket(config: WireSinkConfig): OperatorFunction<WireRecord, WireSinkEvent> {
  return wireSink('toWebSocket', webSocketTransport, config);
}
