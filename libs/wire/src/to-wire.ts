import { EMPTY, concat, concatMap, defer, of } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import { validateSampleBlock } from '@qsync/frames';
import type { Frame, SampleBlock, SampleRecord, StreamSchema } from '@qsync/frames';
import { frameMismatch, frameSchema, schemaMismatch } from './schema-checks';
import type { WireHeaderInit } from './wire-header';
import type { WireHeader, WireRecord } from './wire-record';

/**
 * Turns a sample stream (its schema record, then blocks) or a stream of frames into wire records:
 * the header first, then one data record per block or frame with seq = 0, 1, 2 …, and `end`
 * (with the number of data records) when the source completes. The header's schema is the one
 * given in `header`, or else the stream's schema record, or else the schema of the first frame
 * (scalars shape [], arrays their shape); every block must match it (validateSampleBlock, with
 * continuity in time) and every frame fit it. The header goes out with the first record, so an
 * empty source gives an empty stream; a source that errors gives no `end` (a reader sees the
 * stream was cut off). State is per subscription; blocks and frames are passed on, not copied.
 *
 * @param header - from `wireHeader(…)`; its schema may be left out
 * @returns an operator (SampleRecord | Frame) → WireRecord; the stream errors, naming the block
 *   or channel, when a block does not match the schema or follow the previous one, a frame does
 *   not fit it, a second schema record arrives, or a block arrives before any schema
 * @throws Error when `header` is not a header record
 * @example
 * const header = wireHeader({ name: 'x', sourceId: 'demo', sessionId: 's', createdAt: '2026-01-01T00:00:00Z' });
 * const schema = streamSchema({ channels: { x: { kind: 'real' } }, rate: 2 });
 * const block = sampleBlock({ t0: 0, dt: 0.5, columns: { x: { kind: 'real', data: Float64Array.of(1, 2) } } });
 * const records = await lastValueFrom(of(schema, block).pipe(toWire(header), toArray()));
 * records.map((r) => r.kind + ('seq' in r ? ` ${r.seq}` : '')); // ['header', 'block 0', 'end 1']
 */
export function toWire(header: WireHeader | WireHeaderInit): OperatorFunction<SampleRecord | Frame, WireRecord> {
  const fn = 'toWire';
  if (header === null || typeof header !== 'object' || header.kind !== 'header') {
    throw new Error(`${fn}: argument 'header' must be a header record (see wireHeader), got ${String(header)}`);
  }
  const fail = (message: string): never => {
    throw new Error(`${fn}: ${message}`);
  };
  return (source) =>
    defer(() => {
      let schema: StreamSchema | null = header.schema ?? null;
      let schemaRecordSeen = false;
      let started = false;
      let seq = 0;
      let previous: SampleBlock | null = null;
      const start = (s: StreamSchema): WireRecord[] => {
        schema = s;
        started = true;
        return [{ ...header, schema: s } as WireHeader];
      };
      const handle = (record: SampleRecord | Frame): WireRecord[] => {
        if (record === null || typeof record !== 'object') return fail(`expected a sample record or a frame, got ${String(record)}`);
        if ('kind' in record && record.kind === 'schema') {
          if (schemaRecordSeen || seq > 0) fail('a second schema record arrived; a stream states its schema once, before its data');
          schemaRecordSeen = true;
          if (header.schema !== undefined) {
            const diff = schemaMismatch(header.schema, record);
            if (diff !== null) fail(`the stream's schema differs from the header's: ${diff}`);
          }
          return started ? [] : start(header.schema ?? record);
        }
        if ('kind' in record && record.kind === 'block') {
          if (schema === null) return fail(`a block (t0 = ${record.t0}) arrived before the stream's schema`);
          validateSampleBlock(record, { schema, caller: `${fn}: block seq ${seq}`, ...(previous !== null ? { previous } : {}) });
          const out = started ? [] : start(schema);
          previous = record;
          out.push({ kind: 'block', seq: seq++, block: record });
          return out;
        }
        const frame = record as Frame;
        if (typeof frame.t !== 'number' || frame.channels === null || typeof frame.channels !== 'object') {
          fail(`expected a sample record (schema, block) or a frame { t, channels }, got an object of kind ${String((record as { kind?: unknown }).kind)}`);
        }
        if (schema === null) {
          try {
            schema = frameSchema(frame);
          } catch (e) {
            fail(`the first frame (t = ${frame.t}) does not give a schema: ${(e as Error).message}`);
          }
        }
        const s = schema as StreamSchema;
        const diff = frameMismatch(frame, s);
        if (diff !== null) fail(`the frame at t = ${frame.t} (seq ${seq}) does not fit the stream's schema: ${diff}`);
        const out = started ? [] : start(s);
        out.push({ kind: 'frame', seq: seq++, frame });
        return out;
      };
      return concat(
        source.pipe(concatMap(handle)),
        defer(() => (started ? of<WireRecord>({ kind: 'end', seq }) : EMPTY)),
      );
    });
}
