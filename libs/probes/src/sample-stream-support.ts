/**
 * Reading a real channel of a sample stream (schema, then blocks; see @qsync/frames) for the
 * stream operators of this library, which also read frames. Not part of the public entry.
 */
import { validateSampleBlock } from '@qsync/frames';
import type { ChannelSchema, Frame, SampleBlock, SampleRecord, StreamSchema } from '@qsync/frames';

/** What the stream operators of this library read: frames, or the records of a sample stream. */
export type StreamRecord = Frame | SampleRecord;

/**
 * Sorts the records of one subscription into frames, schemas and blocks, and checks what the
 * operators need of a sample stream: the channel is in the schema and real (with ≥ 1 entry per
 * sample, or a scalar when `scalar`), the schema comes first and once, and every block matches
 * it and follows the previous one without a gap (`validateSampleBlock`); a stream does not mix
 * frames and records. Holds only the schema and the previous block.
 */
export class SampleStreamReader {
  /** the stream's schema, once read */
  schema: StreamSchema | null = null;
  /** numbers per sample in the channel's column, ∏shape, once the schema is read */
  entries = 0;
  private previous: SampleBlock | null = null;
  private form: 'none' | 'frames' | 'records' = 'none';

  constructor(
    private readonly fn: string,
    private readonly name: string,
    private readonly scalar: boolean,
  ) {}

  /** The kind of a record: 'frame', 'schema' or 'block'; throws on a mixed stream or an unknown kind. */
  kindOf(record: StreamRecord): 'frame' | 'schema' | 'block' {
    const fn = this.fn;
    if (record === null || typeof record !== 'object') {
      throw new Error(`${fn}: a stream holds frames or sample-stream records, got ${String(record)}`);
    }
    const form = 'kind' in record ? 'records' : 'frames';
    if (this.form === 'none') this.form = form;
    else if (this.form !== form) {
      throw new Error(`${fn}: the stream mixes frames and sample-stream records; send one or the other`);
    }
    if (form === 'frames') return 'frame';
    const kind = (record as { kind: unknown }).kind;
    if (kind === 'schema' || kind === 'block') return kind;
    throw new Error(`${fn}: unknown record kind '${String(kind)}'; expected a frame, 'schema' or 'block'`);
  }

  /** Reads the schema and returns the channel's entry in it. */
  readSchema(schema: StreamSchema): ChannelSchema {
    const { fn, name } = this;
    if (this.schema !== null) {
      throw new Error(`${fn}: a second schema arrived; a stream states its schema once, before its first block`);
    }
    const channels = schema.channels as StreamSchema['channels'] | null | undefined;
    if (channels === null || typeof channels !== 'object' || !Object.hasOwn(channels, name)) {
      const known =
        Object.keys(channels ?? {})
          .map((k) => `'${k}'`)
          .join(', ') || '(none)';
      throw new Error(`${fn}: channel '${name}' (option 'channel') is not in the stream schema; channels: ${known}`);
    }
    const c = channels[name];
    if (c.kind !== 'real') {
      throw new Error(`${fn}: channel '${name}' must be real, but the stream schema says ${String(c.kind)}`);
    }
    const shape = Array.isArray(c.shape) ? c.shape : [];
    if (this.scalar && shape.length > 0) {
      throw new Error(
        `${fn}: channel '${name}' must be a real scalar (shape []), but the stream schema gives shape [${shape.join(', ')}]`,
      );
    }
    let entries = 1;
    for (const d of shape) entries *= d;
    if (entries < 1) {
      throw new Error(`${fn}: channel '${name}' has shape [${shape.join(', ')}] in the stream schema: no values per sample`);
    }
    this.schema = schema;
    this.entries = entries;
    return c;
  }

  /**
   * Checks a block against the schema and the previous block and returns the channel's column
   * data, [sample][entry] (the block's own array, not a copy).
   */
  readBlock(block: SampleBlock): Float64Array {
    const fn = this.fn;
    if (this.schema === null) {
      throw new Error(`${fn}: a block (t0 = ${String(block.t0)}) arrived before the stream's schema`);
    }
    validateSampleBlock(block, {
      schema: this.schema,
      caller: fn,
      ...(this.previous !== null ? { previous: this.previous } : {}),
    });
    this.previous = block;
    return block.columns[this.name].data;
  }

  /** The error for a non-finite value in the latest block: sample k, entry i of `entries`. */
  notFinite(block: SampleBlock, k: number, i: number, value: number): Error {
    const where = this.entries === 1 ? '' : ` at entry ${i}`;
    return new Error(
      `${this.fn}: channel '${this.name}' must be finite, got ${value}${where} at sample ${k} of the block at ` +
        `t0 = ${block.t0} (t = ${block.t0 + k * block.dt})`,
    );
  }
}

/**
 * Index of the first sample of a block at or after tStart: the least k with t0 + k·dt ≥ tStart
 * (the times `toFrames` gives the samples), `length` when there is none.
 */
export function firstSampleFrom(block: SampleBlock, tStart: number): number {
  const { t0, dt, length } = block;
  if (t0 >= tStart) return 0;
  if (t0 + (length - 1) * dt < tStart) return length;
  // an estimate from the division, then the comparison itself decides (rounding of t0 + k·dt)
  let k = Math.min(length - 1, Math.max(0, Math.ceil((tStart - t0) / dt)));
  while (k > 0 && t0 + (k - 1) * dt >= tStart) k--;
  while (k < length && t0 + k * dt < tStart) k++;
  return k;
}
