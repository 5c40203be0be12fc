import type { ColumnKind, SampleBlock } from './sample-block';
import type { Frame } from './frame';
import type { ChannelSchema, SampleRecord, StreamSchema } from './stream-schema';
import { SPACING_TOLERANCE, validateSampleBlock } from './validate-sample-block';
import type { ValidateSampleBlockConfig } from './validate-sample-block';

/** What an operator that reads one channel of frames or of a sample stream receives. */
export type StreamRecord = Frame | SampleRecord;

/** Options of {@link SampleStreamReader}. */
export interface SampleStreamReaderConfig {
  /** name of the operator, put at the start of every error message */
  caller: string;
  /** name of the channel the operator reads */
  channel: string;
  /** when given, the channel must be of this kind ('real' or 'complex'); default: either */
  kind?: ColumnKind;
  /** true: the channel must be a scalar (shape []); default false: any shape with ≥ 1 entry */
  scalar?: boolean;
  /** the caller's option that names the channel, quoted in errors; default 'channel' */
  option?: string;
  /** relative tolerance, in units of Δt, of the block checks (`validateSampleBlock`); default 1e-6 */
  tolerance?: number;
}

const NO_DATA = new Float64Array(0);

/**
 * Reads one named channel of a stream that is either frames or a sample stream (a schema, then
 * blocks), for the stream operators of the libraries above this one. One reader per
 * subscription; it holds only the schema and the previous block. `read(record)` says what the
 * record is and checks it:
 *
 * - a frame: only that the stream does not mix frames with sample-stream records (frames are
 *   read by the operator, whose rules for them differ: equally spaced or only non-decreasing
 *   times, scalars or arrays);
 * - the schema: that it is the first record of its kind and the only one, that it has the
 *   channel (else the error lists the channels it has), of the required kind and shape, with
 *   ≥ 1 entry per sample; then `channel`, `entries` and `complex` describe it;
 * - a block: that the schema came before it, and `validateSampleBlock` against the schema and
 *   the previous block (columns, dt, no gap or overlap); then `data` is the channel's column,
 *   the block's own Float64Array [sample][entry] (×2 interleaved when complex), not a copy.
 *
 * Reading allocates nothing per sample: the operator's loop runs over `data` itself, and
 * `notFinite` makes its error for a bad value.
 *
 * @param config - `{ caller, channel, kind?, scalar = false, option = 'channel', tolerance = 1e-6 }`
 * @throws Error naming the caller and the channel: a mixed stream, an unknown record kind, a
 *   second schema, a channel not in the schema (listing those that are), of the wrong kind or
 *   shape or with no entries, a block before the schema, a block that breaks the schema or
 *   leaves a gap (the message of `validateSampleBlock`, with the caller's name)
 * @example
 * const reader = new SampleStreamReader({ caller: 'meanOf', channel: 'x', kind: 'real' });
 * const schema = streamSchema({ channels: { x: { kind: 'real', shape: [2] }, z: { kind: 'complex' } }, rate: 2 });
 * const block = (t0: number, x: Float64Array) =>
 *   sampleBlock({ t0, dt: 0.5, columns: { x: { kind: 'real', shape: [2], data: x }, z: { kind: 'complex', data: new Float64Array(x.length) } } });
 * reader.read(schema); // 'schema'
 * [reader.entries, reader.complex, reader.channel.shape]; // [2, false, [2]]
 * const a = block(0, Float64Array.of(1, 2, 3, 4, 5, 6));
 * reader.read(a); // 'block'
 * reader.data === a.columns.x.data; // true — the block's own array
 * let sum = 0;
 * for (let j = 0; j < reader.data.length; j++) sum += reader.data[j];
 * sum; // 21
 * reader.read(block(2, Float64Array.of(7, 8))); // throws "meanOf: blocks must follow each other without gaps"
 * reader.read({ t: 1.5, channels: {} }); // throws "meanOf: the stream mixes frames and sample-stream records"
 * new SampleStreamReader({ caller: 'meanOf', channel: 'y' }).read(schema); // throws "meanOf: channel 'y' (option 'channel') is not in the stream schema; channels: 'x', 'z'"
 * new SampleStreamReader({ caller: 'meanOf', channel: 'z', kind: 'real' }).read(schema); // throws "meanOf: channel 'z' must be real, but the stream schema says complex"
 */
export class SampleStreamReader {
  /** name of the channel read */
  readonly name: string;
  /** the stream's schema, once read */
  schema: StreamSchema | null = null;
  /** numbers of entries of one sample, ∏shape of the channel (complex entries count once); 0 before the schema */
  entries = 0;
  /** whether the channel is complex (its data interleaved re, im) */
  complex = false;
  /** the channel's column in the latest block, [sample][entry] (the block's own array); empty before the first block */
  data: Float64Array = NO_DATA;

  private readonly fn: string;
  private readonly kind: ColumnKind | undefined;
  private readonly scalar: boolean;
  private readonly option: string;
  private form: 'none' | 'frames' | 'records' = 'none';
  private column: ChannelSchema | null = null;
  private latest: SampleBlock | null = null;
  // one check configuration for every block: `previous` is updated in place
  private readonly check: ValidateSampleBlockConfig;

  constructor(config: SampleStreamReaderConfig) {
    const fn = 'SampleStreamReader';
    if (config === null || typeof config !== 'object') {
      throw new Error(`${fn}: argument 'config' must be an object { caller, channel, kind?, scalar? }, got ${String(config)}`);
    }
    const { caller, channel } = config;
    if (typeof caller !== 'string' || caller === '') {
      throw new Error(`${fn}: option 'caller' must be a non-empty string (the operator's name), got ${String(caller)}`);
    }
    if (typeof channel !== 'string' || channel === '') {
      throw new Error(`${caller}: option '${config.option ?? 'channel'}' must be a non-empty channel name, got ${String(channel)}`);
    }
    if (config.kind !== undefined && config.kind !== 'real' && config.kind !== 'complex') {
      throw new Error(`${fn}: option 'kind' must be 'real' or 'complex', got ${String(config.kind)}`);
    }
    const tolerance = config.tolerance ?? SPACING_TOLERANCE;
    if (typeof tolerance !== 'number' || !(tolerance >= 0)) {
      throw new Error(`${fn}: option 'tolerance' must be a number ≥ 0, got ${String(tolerance)}`);
    }
    this.fn = caller;
    this.name = channel;
    this.kind = config.kind;
    this.scalar = config.scalar === true;
    this.option = config.option ?? 'channel';
    this.check = { caller, tolerance };
  }

  /** The channel's entry in the stream schema; throws before the schema has been read. */
  get channel(): ChannelSchema {
    if (this.column === null) {
      throw new Error(`${this.fn}: channel '${this.name}' is described by the stream schema, which has not arrived yet`);
    }
    return this.column;
  }

  /**
   * Reads one record: says whether it is a frame, the schema or a block, and checks it (see the
   * class). After a schema, `channel`, `entries` and `complex` describe the channel; after a
   * block, `data` is its column.
   */
  read(record: StreamRecord): 'frame' | 'schema' | 'block' {
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
    if (kind === 'schema') {
      this.readSchema(record as StreamSchema);
      return 'schema';
    }
    if (kind === 'block') {
      this.readBlock(record as SampleBlock);
      return 'block';
    }
    throw new Error(`${fn}: unknown record kind '${String(kind)}'; expected a frame, 'schema' or 'block'`);
  }

  /**
   * The error for a value of the channel that is not finite, found by the operator at sample k,
   * entry i of the latest block: names the channel, the value, the entry (when a sample has
   * more than one), the sample, the block's t0 and the sample's time.
   */
  notFinite(k: number, i: number, value: number): Error {
    const block = this.latest;
    const where = this.entries === 1 ? '' : ` at entry ${i}`;
    const at = block === null ? '' : ` of the block at t0 = ${block.t0} (t = ${block.t0 + k * block.dt})`;
    return new Error(`${this.fn}: channel '${this.name}' must be finite, got ${value}${where} at sample ${k}${at}`);
  }

  private readSchema(schema: StreamSchema): void {
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
      throw new Error(`${fn}: channel '${name}' (option '${this.option}') is not in the stream schema; channels: ${known}`);
    }
    const c = channels[name];
    if (c.kind !== 'real' && c.kind !== 'complex') {
      throw new Error(`${fn}: channel '${name}' has unknown kind '${String(c.kind)}' in the stream schema; expected 'real' or 'complex'`);
    }
    if (this.kind !== undefined && c.kind !== this.kind) {
      throw new Error(`${fn}: channel '${name}' must be ${this.kind}, but the stream schema says ${c.kind}`);
    }
    const shape = Array.isArray(c.shape) ? c.shape : [];
    if (this.scalar && shape.length > 0) {
      throw new Error(
        `${fn}: channel '${name}' must be a ${this.kind === undefined ? '' : `${this.kind} `}scalar (shape []), ` +
          `but the stream schema gives shape [${shape.join(', ')}]`,
      );
    }
    let entries = 1;
    for (const d of shape) entries *= d;
    if (!(entries >= 1)) {
      throw new Error(`${fn}: channel '${name}' has shape [${shape.join(', ')}] in the stream schema: no values per sample`);
    }
    this.schema = schema;
    this.column = c;
    this.entries = entries;
    this.complex = c.kind === 'complex';
    this.check.schema = schema;
  }

  private readBlock(block: SampleBlock): void {
    if (this.schema === null) {
      throw new Error(`${this.fn}: a block (t0 = ${String(block.t0)}) arrived before the stream's schema`);
    }
    validateSampleBlock(block, this.check);
    this.check.previous = block;
    this.latest = block;
    this.data = block.columns[this.name].data;
  }
}
