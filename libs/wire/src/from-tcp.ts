import type { Observable } from 'rxjs';
import { tcpTransport } from './tcp-transport';
import { wireSource } from './wire-source';
import type { WireSourceConfig } from './wire-source';
import type { WireRecord } from './wire-record';

/**
 * Receives a stream of wire records over TCP: dialling a producer that serves
 * (`connect: 'tcp://host:port'`) or listening for a producer that dials in (`listen`, as
 * `qsync detect --listen …`). The consumer speaks first with `subscribe { lastSeq }`; after a
 * lost connection it redials with backoff (or waits to be dialled again) and resumes after the
 * last seq it received, so it sees every record once, or a 'gap' notice for what the sender's
 * history no longer holds. Emits the header (once per producer session), data, notices and
 * the 'end', then completes; errors with a WireFormatError on malformed input.
 *
 * @param config - `{ connect: 'tcp://host:port', reconnect? }` or `{ listen: { host = '127.0.0.1', port }, onListening? }`, plus `{ lastSeq = null, consumer?, maxRecordBytes?, keepAlive = { interval: 5000, timeout: 20 000 }, onDuplicates? }`
 * @returns a cold Observable of wire records: each subscription is one consumer
 * @throws Error naming the option when both or neither of connect/listen are given, or a URL, port or lastSeq is malformed
 * @example
 * // the consumer listens; the producer dials it
 * const header = { kind: 'header', version: WIRE_VERSION, name: 'x', schema: streamSchema({ channels: { x: { kind: 'real' } } }),
 *   provenance: { sourceId: 's', sessionId: 'r', createdAt: '2026-01-01T00:00:00Z', qsyncVersion: '0.1.0' } };
 * const block = sampleBlock({ t0: 0, dt: 1, columns: { x: { kind: 'real', data: Float64Array.of(-0, 2.5) } } });
 * const listening = new ReplaySubject();
 * const received = lastValueFrom(fromTcp({ listen: { port: 0 }, onListening: (s) => listening.next(s) }).pipe(toArray()));
 * const { url } = await firstValueFrom(listening);
 * await lastValueFrom(from([header, { kind: 'block', seq: 0, block }]).pipe(toTcp({ connect: url })), { defaultValue: null });
 * (await received).map((r) => (r.kind === 'block' ? Object.is(r.block.columns.x.data[0], -0) : r.kind));
 * // → ['header', true, 'end']
 */
export function fromTcp(config: WireSourceConfig): Observable<WireRecord> {
  return wireSource('fromTcp', tcpTransport, config);
}
