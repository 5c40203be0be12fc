import type { ColumnKind, SampleBlock } from './sample-block';

/** One channel of a {@link StreamSchema}: what every block's column of that name holds. */
export interface ChannelSchema {
  /** real numbers, or complex ones interleaved (re, im) */
  readonly kind: ColumnKind;
  /** shape of one sample's value: [] scalar, [R] realizations, [n, n] a matrix … */
  readonly shape: readonly number[];
  /** optional unit label; every block's column must carry the same one */
  readonly unit?: string;
  /** optional free text: what the channel is (e.g. 'heterodyne current, √κ') */
  readonly description?: string;
}

/**
 * What a stream of sample blocks carries, stated once before its first block: the channels
 * (names, kinds, shapes, units) and the nominal sampling rate, so that consumers need not
 * guess from the first block. Every block of the stream has exactly these columns.
 */
export interface StreamSchema {
  readonly kind: 'schema';
  readonly channels: Readonly<Record<string, ChannelSchema>>;
  /**
   * Nominal samples per time unit, 1/Δt; when given, every block's dt must match it (to the
   * stream's tolerance). Absent: the rate is not fixed in advance (blocks still carry dt).
   */
  readonly rate?: number;
}

/**
 * One record of a sample stream: the schema first, then blocks. A sample stream is an
 * `Observable<SampleRecord>` whose first record is a {@link StreamSchema}, followed by
 * {@link SampleBlock}s that match it and follow each other without gaps in time
 * (next.t0 = previous.t0 + previous.length·dt). `validateSampleStream()` checks this.
 * Records are plain data (numbers, strings, Float64Arrays), ready for msgpack.
 */
export type SampleRecord = StreamSchema | SampleBlock;

/** What {@link streamSchema} builds a schema from: `shape` defaults to []. */
export interface StreamSchemaInit {
  readonly channels: Readonly<
    Record<
      string,
      {
        readonly kind: ColumnKind;
        readonly shape?: readonly number[];
        readonly unit?: string;
        readonly description?: string;
      }
    >
  >;
  readonly rate?: number;
}

/**
 * Makes a {@link StreamSchema} and checks it.
 *
 * @param init - `{ channels: { name: { kind, shape = [], unit?, description? } }, rate? }`
 * @returns the schema, with `kind: 'schema'` (shapes are frozen copies)
 * @throws Error naming the channel or field: no channels, an unknown kind (expected 'real' or
 *   'complex'), a shape that is not a list of non-negative integers, a rate that is not > 0
 * @example
 * const s = streamSchema({ channels: { J: { kind: 'complex', unit: '√κ' } }, rate: 100 });
 * [s.kind, s.channels.J.shape, s.rate];
 * // → ['schema', [], 100]
 */
export function streamSchema(init: StreamSchemaInit): StreamSchema {
  const fn = 'streamSchema';
  if (init === null || typeof init !== 'object' || init.channels === null || typeof init.channels !== 'object') {
    throw new Error(`${fn}: argument 'init' must be an object { channels, rate? }, got ${String(init)}`);
  }
  const names = Object.keys(init.channels);
  if (names.length === 0) {
    throw new Error(`${fn}: field 'channels' must name at least one channel, got none`);
  }
  const channels: Record<string, ChannelSchema> = {};
  for (const name of names) {
    const c = init.channels[name];
    if (c === null || typeof c !== 'object') {
      throw new Error(`${fn}: channel '${name}' must be an object { kind, shape?, unit? }, got ${String(c)}`);
    }
    if (c.kind !== 'real' && c.kind !== 'complex') {
      throw new Error(`${fn}: channel '${name}' has unknown kind '${String(c.kind)}'; expected 'real' or 'complex'`);
    }
    const shape = c.shape ?? [];
    if (!Array.isArray(shape) || shape.some((d) => !Number.isInteger(d) || d < 0)) {
      throw new Error(
        `${fn}: channel '${name}' must have a shape of non-negative integers, got [${String(shape)}]`,
      );
    }
    channels[name] = {
      kind: c.kind,
      shape: Object.freeze([...shape]),
      ...(c.unit !== undefined ? { unit: c.unit } : {}),
      ...(c.description !== undefined ? { description: c.description } : {}),
    };
  }
  if (init.rate !== undefined && !(typeof init.rate === 'number' && init.rate > 0 && Number.isFinite(init.rate))) {
    throw new Error(`${fn}: field 'rate' must be a finite number of samples per time unit > 0, got ${String(init.rate)}`);
  }
  return init.rate === undefined ? { kind: 'schema', channels } : { kind: 'schema', channels, rate: init.rate };
}
