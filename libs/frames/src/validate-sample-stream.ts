import { defer, map } from 'rxjs';
import type { MonoTypeOperatorFunction } from 'rxjs';
import type { SampleBlock } from './sample-block';
import type { SampleRecord, StreamSchema } from './stream-schema';
import { validateSampleBlock } from './validate-sample-block';

/** Options of {@link validateSampleStream}. */
export interface ValidateSampleStreamConfig {
  /** relative tolerance, in units of Δt, on dt and on block continuity; default 1e-6 */
  tolerance?: number;
}

/**
 * Passes a sample stream through unchanged and errors at its first broken rule: the first
 * record must be the schema, no second schema may follow, every block must be valid and match
 * the schema (see `validateSampleBlock`), and consecutive blocks must have the same dt and
 * follow each other without a gap or an overlap in time. State is per subscription; it holds
 * only the schema and the previous block.
 *
 * @param config - `{ tolerance = 1e-6 }`
 * @returns an operator SampleRecord → SampleRecord; the stream errors with a message naming
 *   the problem (column, times), the source is unsubscribed
 * @throws Error naming `tolerance` when it is not a number ≥ 0
 * @example
 * const schema = streamSchema({ channels: { x: { kind: 'real' } } });
 * const block = (t0: number) => sampleBlock({ t0, dt: 1, columns: { x: { kind: 'real', data: new Float64Array(4) } } });
 * await lastValueFrom(of(schema, block(0), block(4)).pipe(validateSampleStream(), toArray())); // [schema, block(0), block(4)]
 * await lastValueFrom(of(schema, block(0), block(5)).pipe(validateSampleStream())); // throws "ends at 4, but the next starts at t0 = 5 (a gap of 1 Δt)"
 */
export function validateSampleStream(
  config: ValidateSampleStreamConfig = {},
): MonoTypeOperatorFunction<SampleRecord> {
  const fn = 'validateSampleStream';
  const tolerance = config.tolerance ?? 1e-6;
  if (typeof tolerance !== 'number' || !(tolerance >= 0)) {
    throw new Error(`${fn}: option 'tolerance' must be a number ≥ 0, got ${String(tolerance)}`);
  }
  return (source) =>
    defer(() => {
      let schema: StreamSchema | null = null;
      let previous: SampleBlock | null = null;
      return source.pipe(
        map((record) => {
          if (record === null || typeof record !== 'object') {
            throw new Error(`${fn}: a sample stream holds records, got ${String(record)}`);
          }
          if (record.kind === 'schema') {
            if (schema !== null) {
              throw new Error(`${fn}: a second schema arrived; a stream states its schema once, before its first block`);
            }
            schema = record;
            return record;
          }
          if (record.kind !== 'block') {
            throw new Error(`${fn}: unknown record kind '${String((record as { kind?: unknown }).kind)}'; expected 'schema' or 'block'`);
          }
          if (schema === null) {
            throw new Error(`${fn}: a block (t0 = ${record.t0}) arrived before the stream's schema`);
          }
          validateSampleBlock(record, {
            schema,
            tolerance,
            caller: fn,
            ...(previous !== null ? { previous } : {}),
          });
          previous = record;
          return record;
        }),
      );
    });
}
