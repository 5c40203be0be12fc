import { defer, map } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import { SampleStreamReader, arrayChannel, realChannel } from '@qsync/frames';
import type { BlockColumn, Channel, ChannelSchema, Frame, SampleBlock, SampleRecord, StreamSchema } from '@qsync/frames';
import { assertChannelName, checkFrameTime, readRealOrArray } from './series-support';
import { unwrapTurns } from './unwrap-support';

const TWO_PI = 2 * Math.PI;

/** Options of {@link unwrapPhaseOf}. */
export interface UnwrapPhaseOfConfig {
  /**
   * name of the wrapped phase channel: in frames a real scalar, or a real array of phases
   * (element-wise); in a sample stream a real column of any shape (element-wise)
   */
  channel: string;
  /** name of the output channel; default `channel` (the wrapped phase is replaced) */
  out?: string;
}

/**
 * What {@link unwrapPhaseOf} emits for input records of type T: frames for frames, the records
 * of a sample stream for a sample stream.
 */
export type UnwrapPhaseOfOutput<T> = T extends Frame ? Frame : SampleRecord;

/**
 * Unwraps a phase channel of a stream across samples: the streaming form of
 * {@link unwrapPhase}, keeping the turn count from sample to sample, also across frames and
 * across blocks. For a scalar channel the output is one continuous phase; for an array channel
 * or a column of shape [R] (e.g. one phase per oscillator or realization) each element is
 * unwrapped on its own. Whenever a phase steps by more than π in magnitude from the previous
 * sample, the multiple of 2π that brings the step into [−π, π] is taken off from then on; the
 * first sample passes unchanged.
 *
 * - Frames in, frames out: every frame is re-emitted with all its channels and, under `out`
 *   (default: `channel` itself), the unwrapped phase with the input's unit and shape (a fresh
 *   array for array channels).
 * - A sample stream in (a schema, then blocks; see @qsync/frames), a sample stream out, one record
 *   per record, so that a long signal never becomes one object per sample: the schema with the
 *   channel `out` set to a real column of the input's shape and unit, then every block with all
 *   its columns and the unwrapped phases in a fresh column `out`, written in one loop over the
 *   block's Float64Array.
 *
 * The unwrapped phases equal `unwrapPhase` of each element's whole series, bit for bit, however
 * the samples were cut into frames or blocks (same steps, same turn counts). State is per
 * subscription. The samples must be dense enough that each phase moves by less than π between them.
 *
 * @param config - `{ channel, out }`
 * @returns an operator T → UnwrapPhaseOfOutput<T> (Frame → Frame, SampleRecord → SampleRecord);
 *   it errors (naming the channel or the times) when the channel is missing, complex, not finite,
 *   or changes kind or length, when frame times decrease, when a sample stream breaks its schema
 *   (a block before it, a second one, a column missing or of another kind, a gap between
 *   blocks), or when frames and sample-stream records are mixed
 * @throws Error naming `config`, `channel` or `out` when an option is invalid
 * @example
 * const frames = [3, -3, -1].map((phi, t) => ({ t, channels: { phi: realChannel(phi, 'rad') } }));
 * const out = await lastValueFrom(from(frames).pipe(unwrapPhaseOf({ channel: 'phi' }), toArray()));
 * out.map((f) => channelValue(f, 'phi', 'real').value); // [3, 2 * Math.PI - 3, 2 * Math.PI - 1]
 * // a sample stream stays one: the wrap between the two blocks is carried across
 * const schema = streamSchema({ channels: { phi: { kind: 'real', unit: 'rad' } }, rate: 1 });
 * const a = sampleBlock({ t0: 0, dt: 1, columns: { phi: { kind: 'real', unit: 'rad', data: Float64Array.of(2, 3) } } });
 * const b = sampleBlock({ t0: 2, dt: 1, columns: { phi: { kind: 'real', unit: 'rad', data: Float64Array.of(-3, -2) } } });
 * const records = await lastValueFrom(of(schema, a, b).pipe(unwrapPhaseOf({ channel: 'phi', out: 'theta' }), toArray()));
 * records.map((r) => r.kind); // ['schema', 'block', 'block']
 * records[0].channels.theta; // { kind: 'real', shape: [], unit: 'rad' }
 * records[2].columns.theta.data; // Float64Array [2 * Math.PI - 3, 2 * Math.PI - 2]
 */
export function unwrapPhaseOf<T extends Frame | SampleRecord>(
  config: UnwrapPhaseOfConfig,
): OperatorFunction<T, UnwrapPhaseOfOutput<T>> {
  const fn = 'unwrapPhaseOf';
  if (config == null || typeof config !== 'object') {
    throw new Error(`${fn}: argument 'config' must be an object { channel, out? }, got ${String(config)}`);
  }
  const name = config.channel;
  assertChannelName(fn, name);
  const outName = config.out ?? name;
  if (typeof outName !== 'string' || outName === '') {
    throw new Error(`${fn}: option 'out' must be a non-empty string, got ${String(config.out)}`);
  }
  return (source) =>
    defer(() => {
      let prev: Float64Array | null = null; // raw phases of the previous sample, per element
      let turns = new Float64Array(0); // whole turns taken off so far, per element
      let scalar = false;
      let tPrev = -Infinity;
      const reader = new SampleStreamReader({ caller: fn, channel: name, kind: 'real' });
      let started = false; // whether a block sample has been read

      const readFrame = (frame: Frame): Frame => {
        checkFrameTime(fn, frame.t, tPrev);
        tPrev = frame.t;
        const v = readRealOrArray(fn, frame, name);
        const isScalar = typeof v === 'number';
        const n = isScalar ? 1 : v.length;
        for (let i = 0; i < n; i++) {
          const p = isScalar ? v : v[i];
          if (!Number.isFinite(p)) {
            const where = isScalar ? '' : ` at index ${i}`;
            throw new Error(`${fn}: channel '${name}' must be finite, got ${p}${where} at t = ${frame.t}`);
          }
        }
        if (prev === null) {
          prev = new Float64Array(n);
          turns = new Float64Array(n);
          scalar = isScalar;
          if (isScalar) prev[0] = v;
          else prev.set(v);
        } else if (isScalar !== scalar || n !== prev.length) {
          const was = scalar ? 'a real scalar' : `an array of ${prev.length}`;
          const now = isScalar ? 'a real scalar' : `an array of ${n}`;
          throw new Error(`${fn}: channel '${name}' changed from ${was} to ${now} at t = ${frame.t}`);
        } else {
          for (let i = 0; i < n; i++) {
            const p = isScalar ? v : v[i];
            turns[i] -= unwrapTurns(p - prev[i]);
            prev[i] = p;
          }
        }
        const input = frame.channels[name];
        let unwrapped: Channel;
        if (isScalar) {
          unwrapped = realChannel(v + TWO_PI * turns[0], input.unit);
        } else {
          const data = new Float64Array(n);
          for (let i = 0; i < n; i++) data[i] = v[i] + TWO_PI * turns[i];
          const shape = input.kind === 'array' ? input.shape : [n];
          unwrapped = arrayChannel(data, shape, { unit: input.unit });
        }
        return { t: frame.t, channels: { ...frame.channels, [outName]: unwrapped } };
      };

      const readSchema = (schema: StreamSchema): StreamSchema => {
        const c = reader.channel;
        const entries = reader.entries;
        prev = new Float64Array(entries);
        turns = new Float64Array(entries);
        const unwrapped: ChannelSchema = {
          kind: 'real',
          shape: c.shape,
          ...(c.unit !== undefined ? { unit: c.unit } : {}),
          description: `'${name}' unwrapped (continuous phase)`,
        };
        return { ...schema, channels: { ...schema.channels, [outName]: unwrapped } };
      };

      const readBlock = (block: SampleBlock): SampleBlock => {
        const data = reader.data;
        const c = reader.channel;
        const p0 = prev as Float64Array;
        const R = reader.entries;
        const n = block.length;
        const out = new Float64Array(n * R);
        // [sample][element]: every sample but the stream's first steps from the previous raw
        // phase, which for the first sample of a block is the last of the block before
        let k = 0;
        if (!started) {
          for (let i = 0; i < R; i++) {
            const p = data[i];
            if (!Number.isFinite(p)) throw reader.notFinite(0, i, p);
            p0[i] = p;
            out[i] = p + TWO_PI * turns[i]; // as unwrapPhase writes its first sample (−0 becomes 0)
          }
          started = true;
          k = 1;
        }
        for (; k < n; k++) {
          const base = k * R;
          for (let i = 0; i < R; i++) {
            const p = data[base + i];
            if (!Number.isFinite(p)) throw reader.notFinite(k, i, p);
            turns[i] -= unwrapTurns(p - p0[i]);
            p0[i] = p;
            out[base + i] = p + TWO_PI * turns[i];
          }
        }
        const unwrapped: BlockColumn =
          c.unit !== undefined
            ? { kind: 'real', data: out, shape: c.shape, unit: c.unit }
            : { kind: 'real', data: out, shape: c.shape };
        return { kind: 'block', t0: block.t0, dt: block.dt, length: n, columns: { ...block.columns, [outName]: unwrapped } };
      };

      return source.pipe(
        map((record): UnwrapPhaseOfOutput<T> => {
          switch (reader.read(record)) {
            case 'frame':
              return readFrame(record as Frame) as UnwrapPhaseOfOutput<T>;
            case 'schema':
              return readSchema(record as StreamSchema) as UnwrapPhaseOfOutput<T>;
            default:
              return readBlock(record as SampleBlock) as UnwrapPhaseOfOutput<T>;
          }
        }),
      );
    });
}
