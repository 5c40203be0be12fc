import { EMPTY, concat, concatMap, defer, takeWhile, throwError } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import { validateSampleBlock } from '@qsync/frames';
import type { Frame, SampleRecord } from '@qsync/frames';
import { schemaMismatch, frameMismatch } from './schema-checks';
import { WireFormatError } from './wire-format-error';
import type { WireHeader, WireNotice, WireRecord, WireSubscribe } from './wire-record';

/** Options of {@link fromWire}. */
export interface FromWireConfig {
  /** called with each header (the first, and one after every reconnection), before its schema is emitted */
  onHeader?: (header: WireHeader) => void;
  /**
   * called with each `dropped` or `gap` notice, before the data after it. Without it a loss is
   * not silent either: the stream errors at the notice, saying what was lost.
   */
  onNotice?: (notice: Extract<WireNotice, { kind: 'dropped' | 'gap' }>) => void;
  /**
   * the seq the first data record must carry (0 for a recording or a stream read from its
   * start; lastSeq + 1 on resume). Default: any, since a consumer may join a running stream —
   * but then records lost before the first one received cannot be noticed.
   */
  firstSeq?: number;
}

/**
 * Turns wire records back into the records of a sample stream or a frame stream: the header's
 * schema first (a StreamSchema), then each block or frame as it was sent; it completes at the
 * `end` record. It checks the stream's rules (README, "A stream") and errors with a
 * WireFormatError when one is broken: data before the header, a block or frame that does not
 * match the schema, a seq that jumps without a notice saying why, an `end` whose count
 * disagrees, a source that completes without `end` (the producer was cut off). Losses announced
 * in-band (`dropped`, `gap`) go to `onNotice`; without it they error the stream. A later header
 * with the same schema is accepted (a reconnection): of the same session, seq continues; of a new
 * session (a restarted producer), the count starts afresh. Its schema is not emitted again.
 * With `firstSeq` the first data record must carry it (a recording read from its start: 0);
 * without, any first seq is accepted, since a consumer may join a running stream.
 *
 * @param config - `{ onHeader?, onNotice?, firstSeq? }`
 * @returns an operator (WireRecord | WireSubscribe) → (SampleRecord | Frame)
 * @example
 * const header = wireHeader({ name: 'x', sourceId: 'demo', schema: streamSchema({ channels: { x: { kind: 'real' } } }) });
 * const block = sampleBlock({ t0: 0, dt: 1, columns: { x: { kind: 'real', data: Float64Array.of(5) } } });
 * const notices: string[] = [];
 * const wire = [header, { kind: 'dropped', seq: 2, records: 2, samples: 2, firstSeq: 0, lastSeq: 1 }, { kind: 'block', seq: 2, block }, { kind: 'end', seq: 3 }] as const;
 * const out = await lastValueFrom(from(wire).pipe(fromWire({ onNotice: (n) => notices.push(`${n.kind} ${n.records}`) }), toArray()));
 * [out.map((r) => ('kind' in r ? r.kind : 'frame')), notices]; // [['schema', 'block'], ['dropped 2']]
 * await lastValueFrom(from(wire).pipe(fromWire())); // throws "the sender dropped 2 records (seq 0…1, 2 samples)"
 */
export function fromWire(config: FromWireConfig = {}): OperatorFunction<WireRecord | WireSubscribe, SampleRecord | Frame> {
  const fn = 'fromWire';
  if (config === null || typeof config !== 'object') throw new Error(`${fn}: argument 'config' must be an object { onHeader?, onNotice? }`);
  if (config.firstSeq !== undefined && !(Number.isSafeInteger(config.firstSeq) && config.firstSeq >= 0)) {
    throw new Error(`${fn}: option 'firstSeq' must be an integer ≥ 0, got ${String(config.firstSeq)}`);
  }
  for (const f of ['onHeader', 'onNotice'] as const) {
    if (config[f] !== undefined && typeof config[f] !== 'function') {
      throw new Error(`${fn}: option '${f}' must be a function, got ${typeof config[f]}`);
    }
  }
  return (source) =>
    defer(() => {
      let header: WireHeader | null = null;
      let expected: number | null = config.firstSeq ?? null; // the seq the next data record must carry, when known
      let ended = false;
      const fail = (message: string): never => {
        throw new WireFormatError(`${fn}: ${message}`);
      };
      const checkSeq = (seq: number, what: string): void => {
        if (expected !== null && seq !== expected) {
          fail(
            seq > expected
              ? `${what} has seq ${seq}, but ${expected} was next and no dropped or gap notice accounts for seq ${expected}…${seq - 1}`
              : `${what} has seq ${seq}, but seq ${expected - 1} came before it (seq must increase by one)`,
          );
        }
      };
      const handle = (record: WireRecord | WireSubscribe): (SampleRecord | Frame)[] => {
        if (record === null || typeof record !== 'object') return fail(`expected wire records, got ${String(record)}`);
        switch (record.kind) {
          case 'header': {
            if (header !== null) {
              const diff = schemaMismatch(header.schema, record.schema);
              if (diff !== null) fail(`a new header changes the stream's schema (${diff}); a stream keeps its schema`);
              if (record.provenance.sessionId !== header.provenance.sessionId) expected = null;
              header = record;
              config.onHeader?.(record);
              return [];
            }
            header = record;
            config.onHeader?.(record);
            return [record.schema];
          }
          case 'block': {
            if (header === null) return fail(`a block (seq ${record.seq}) arrived before the header`);
            checkSeq(record.seq, `the block at t0 = ${record.block.t0}`);
            try {
              validateSampleBlock(record.block, { schema: header.schema, caller: `block seq ${record.seq}` });
            } catch (e) {
              fail((e as Error).message);
            }
            expected = record.seq + 1;
            return [record.block];
          }
          case 'frame': {
            if (header === null) return fail(`a frame (seq ${record.seq}) arrived before the header`);
            checkSeq(record.seq, `the frame at t = ${record.frame.t}`);
            const diff = frameMismatch(record.frame, header.schema);
            if (diff !== null) fail(`the frame seq ${record.seq} at t = ${record.frame.t} does not fit the schema: ${diff}`);
            expected = record.seq + 1;
            return [record.frame];
          }
          case 'dropped':
          case 'gap': {
            if (header === null) return fail(`a ${record.kind} notice arrived before the header`);
            checkSeq(record.firstSeq, `the ${record.kind} notice's first lost record`);
            const count = record.lastSeq - record.firstSeq + 1;
            if (record.seq !== record.lastSeq + 1) {
              fail(`the ${record.kind} notice has seq ${record.seq}, but its records end at ${record.lastSeq}: its seq must be ${record.lastSeq + 1} (the next data record's)`);
            }
            if (record.kind === 'dropped' && record.records !== count) {
              fail(`the dropped notice counts ${record.records} records, but seq ${record.firstSeq}…${record.lastSeq} are ${count}`);
            }
            expected = record.lastSeq + 1;
            if (config.onNotice === undefined) {
              const lost = `${count} records (seq ${record.firstSeq}…${record.lastSeq}, ${record.samples} samples)`;
              throw new Error(
                record.kind === 'dropped'
                  ? `${fn}: the sender dropped ${lost} because this consumer's buffer overflowed; pass onNotice to accept and count losses`
                  : `${fn}: ${lost} were no longer in the sender's history on resume; pass onNotice to accept and count losses`,
              );
            }
            config.onNotice(record);
            return [];
          }
          case 'end': {
            if (header === null) return fail('an end record arrived before the header');
            checkSeq(record.seq, 'the end record');
            ended = true;
            return [];
          }
          case 'subscribe':
            return fail(`a subscribe record arrived; it goes from a consumer to a producer, not in a producer's stream`);
          default:
            return fail(`unknown record kind '${String((record as { kind?: unknown }).kind)}'`);
        }
      };
      return concat(
        source.pipe(
          // the end record passes, and completes the source's subscription at once
          takeWhile((r) => r === null || typeof r !== 'object' || r.kind !== 'end', true),
          concatMap(handle),
        ),
        defer(() =>
          header !== null && !ended
            ? throwError(() => new WireFormatError(`${fn}: the stream stopped without an end record${expected === null ? '' : ` after seq ${expected - 1}`}: the producer was cut off`))
            : EMPTY,
        ),
      );
    });
}
