import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { WireHub, WireRecord } from '@qsync/wire';
import { type MonoTypeOperatorFunction, Observable } from 'rxjs';

/**
 * Paces a stream of wire records by a local destination (a file, stdout, a pipe): the records go
 * through `hub`, whose one consumer hands the next record on only while `stream` has room (after
 * its 'drain' when a write filled it). When the destination is slow the consumer's buffer fills,
 * the hub's gate closes, and a producer run on `hub.scheduler` (the SME of `qsync emit`) pauses
 * instead of piling records into the stream's memory. Subscribe to the records first through
 * this operator, then hand its output to `toWritable(stream)`.
 *
 * @param hub - a hub with a 'pause' buffer (its records bound is what the producer may run ahead)
 * @param stream - the destination the records are written to
 * @example
 * import { PassThrough } from 'node:stream';
 * import { from, lastValueFrom, toArray } from 'rxjs';
 * import { sampleBlock, streamSchema } from '@qsync/frames';
 * import { createWireHub, toWire, wireHeader } from '@qsync/wire';
 * const schema = streamSchema({ channels: { J: { kind: 'real' } } });
 * const block = sampleBlock({ t0: 0, dt: 1, columns: { J: { kind: 'real', data: Float64Array.of(1, 2) } } });
 * const records = from([schema, block]).pipe(toWire(wireHeader({ name: 'J', sourceId: 'doc' })));
 * const paced = await lastValueFrom(records.pipe(drainPaced(createWireHub({ buffer: { records: 2, policy: 'pause' } }), new PassThrough()), toArray()));
 * paced.map((r) => r.kind); // → ['header', 'block', 'end']
 */
export function drainPaced(hub: WireHub, stream: Writable): MonoTypeOperatorFunction<WireRecord> {
  return (source) =>
    new Observable<WireRecord>((out) => {
      const consumer = hub.attach({ kind: 'subscribe', lastSeq: null });
      const stop = new AbortController();
      const producer = source.subscribe({
        next: (record) => {
          try {
            hub.publish(record);
          } catch (e) {
            hub.fail(e);
          }
        },
        error: (e: unknown) => hub.fail(e),
        complete: () => hub.end(),
      });
      const pump = async (): Promise<void> => {
        for (;;) {
          const { done, value } = await consumer.next();
          if (done || stop.signal.aborted) break;
          out.next(value);
          // the write filled the destination's buffer: read no further until it has drained
          if (stream.writableNeedDrain && !stop.signal.aborted) await once(stream, 'drain', { signal: stop.signal });
        }
        out.complete();
      };
      pump().catch((e: unknown) => {
        if (!stop.signal.aborted) out.error(e);
      });
      return () => {
        stop.abort();
        producer.unsubscribe();
        consumer.close();
      };
    });
}
