import { concat, defer, finalize, mergeMap } from 'rxjs';
import type { Observable, OperatorFunction } from 'rxjs';
import type { Frame } from './frame';
import type { BlockColumn, ColumnKind, SampleBlock } from './sample-block';
import type { ChannelSchema, SampleRecord, StreamSchema } from './stream-schema';
import { SPACING_TOLERANCE } from './validate-sample-block';

/** Options of {@link toBlocks}. */
export interface ToBlocksConfig {
  /** samples per block B, an integer ≥ 1; the last block of a stream may be shorter */
  blockLength: number;
  /** channels to carry; default every channel of the first frame */
  channels?: readonly string[];
  /**
   * sample spacing Δt > 0; default the spacing of the first two frames (then option `dt` is
   * required when `blockLength` is 1, and for a stream of a single frame)
   */
  dt?: number;
  /** relative tolerance, in units of Δt, on the spacing of consecutive frames; default 1e-6 */
  tolerance?: number;
}

const NO_RECORDS: readonly SampleRecord[] = [];

interface ColumnPlan {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly shape: readonly number[];
  readonly unit: string | undefined;
  /** numbers per sample: ∏shape, ×2 when complex */
  readonly size: number;
  /** how the frame channel is spelled: 'real', 'complex' or 'array' */
  readonly channelKind: 'real' | 'complex' | 'array';
}

/**
 * Packs a stream of equally spaced frames into a sample stream: first the schema (read off the
 * first frame: one channel per carried frame channel — a real or complex scalar becomes a
 * column of shape [], an array channel keeps its shape and complexity; units kept; rate 1/Δt),
 * then blocks of `blockLength` samples, the last one shorter when the stream ends in the middle
 * of a block. A block's t0 is the time of its first frame and its dt is Δt, so sample k of a
 * block is at t0 + k·Δt (equal to the frame's time to the tolerance, not bit for bit). Nothing
 * is emitted before the first block is full (or the source completes); an empty source gives an
 * empty stream, without a schema. Values are copied into new arrays: every block owns its data.
 * State is per subscription.
 *
 * @param config - `{ blockLength, channels?, dt?, tolerance = 1e-6 }`
 * @returns an operator Frame → SampleRecord; the stream errors, naming the channel or the
 *   times, when a channel is missing or changes kind, shape or unit, or when frames are not
 *   equally spaced
 * @throws Error naming `blockLength`, `channels`, `dt` or `tolerance` when not as described
 * @example
 * const frames = [0, 1, 2, 3, 4].map((x, k) => ({ t: 0.5 * k, channels: { x: realChannel(x) } }));
 * const [schema, ...blocks] = await lastValueFrom(from(frames).pipe(toBlocks({ blockLength: 2 }), toArray()));
 * schema; // { kind: 'schema', rate: 2, channels: { x: { kind: 'real', shape: [] } } }
 * blocks.map((b) => b.kind === 'block' && [b.t0, Array.from(b.columns.x.data)]); // [[0, [0, 1]], [1, [2, 3]], [2, [4]]]
 */
export function toBlocks(config: ToBlocksConfig): OperatorFunction<Frame, SampleRecord> {
  const fn = 'toBlocks';
  if (config === null || typeof config !== 'object') {
    throw new Error(`${fn}: argument 'config' must be an object { blockLength, … }, got ${String(config)}`);
  }
  const B = config.blockLength;
  if (!Number.isSafeInteger(B) || B < 1) {
    throw new Error(`${fn}: option 'blockLength' must be an integer ≥ 1, got ${String(B)}`);
  }
  if (config.dt !== undefined && !(typeof config.dt === 'number' && config.dt > 0 && Number.isFinite(config.dt))) {
    throw new Error(`${fn}: option 'dt' must be a finite spacing > 0, got ${String(config.dt)}`);
  }
  if (config.dt === undefined && B === 1) {
    throw new Error(`${fn}: option 'dt' is required when 'blockLength' is 1 (Δt cannot be read off one frame per block)`);
  }
  const tolerance = config.tolerance ?? SPACING_TOLERANCE;
  if (typeof tolerance !== 'number' || !(tolerance >= 0)) {
    throw new Error(`${fn}: option 'tolerance' must be a number ≥ 0, got ${String(tolerance)}`);
  }
  const requested = config.channels === undefined ? undefined : [...config.channels];
  if (requested !== undefined && (requested.length === 0 || requested.some((n) => typeof n !== 'string'))) {
    throw new Error(`${fn}: option 'channels' must list at least one channel name, got [${String(requested)}]`);
  }

  return (source) =>
    defer(() => {
      let plan: ColumnPlan[] = [];
      let buffers: Float64Array[] = [];
      let fill = 0;
      let blockT0 = NaN;
      let tPrev = NaN;
      let dt = config.dt ?? NaN;
      let schemaSent = false;

      const start = (frame: Frame): void => {
        const names = requested ?? Object.keys(frame.channels);
        if (names.length === 0) {
          throw new Error(`${fn}: the first frame (t = ${frame.t}) has no channels to carry`);
        }
        plan = names.map((name) => {
          if (!Object.hasOwn(frame.channels, name)) {
            throw new Error(`${fn}: channel '${name}' (option 'channels') is missing in the frame at t = ${frame.t}`);
          }
          const c = frame.channels[name];
          if (c.kind === 'array') {
            let size = c.complex ? 2 : 1;
            for (const d of c.shape) size *= d;
            return { name, kind: c.complex ? 'complex' : 'real', shape: c.shape, unit: c.unit, size, channelKind: 'array' };
          }
          return { name, kind: c.kind, shape: [], unit: c.unit, size: c.kind === 'complex' ? 2 : 1, channelKind: c.kind };
        });
      };

      const allocate = (): void => {
        buffers = plan.map((p) => new Float64Array(B * p.size));
      };

      const write = (frame: Frame): void => {
        for (let j = 0; j < plan.length; j++) {
          const p = plan[j];
          if (!Object.hasOwn(frame.channels, p.name)) {
            throw new Error(`${fn}: channel '${p.name}' is missing in the frame at t = ${frame.t}`);
          }
          const c = frame.channels[p.name];
          const at = fill * p.size;
          const buffer = buffers[j];
          if (c.kind === 'real' && p.channelKind === 'real' && c.unit === p.unit) {
            buffer[at] = c.value;
          } else if (c.kind === 'complex' && p.channelKind === 'complex' && c.unit === p.unit) {
            buffer[at] = c.re;
            buffer[at + 1] = c.im;
          } else if (
            c.kind === 'array' &&
            p.channelKind === 'array' &&
            c.unit === p.unit &&
            c.complex === (p.kind === 'complex') &&
            c.data.length === p.size &&
            sameShape(c.shape, p.shape)
          ) {
            buffer.set(c.data, at);
          } else {
            const was = p.channelKind === 'array' ? `${p.kind} array [${p.shape.join(', ')}]` : p.kind;
            const now = c.kind === 'array' ? `${c.complex ? 'complex' : 'real'} array [${c.shape.join(', ')}]` : c.kind;
            throw new Error(
              `${fn}: channel '${p.name}' changed from ${was}${p.unit === undefined ? '' : ` in ${p.unit}`} to ` +
                `${now}${c.unit === undefined ? '' : ` in ${c.unit}`} at t = ${frame.t}`,
            );
          }
        }
      };

      const schemaRecord = (): StreamSchema => {
        const channels: Record<string, ChannelSchema> = {};
        for (const p of plan) {
          channels[p.name] = p.unit === undefined ? { kind: p.kind, shape: p.shape } : { kind: p.kind, shape: p.shape, unit: p.unit };
        }
        return { kind: 'schema', channels, rate: 1 / dt };
      };

      const blockRecord = (length: number): SampleBlock => {
        const columns: Record<string, BlockColumn> = {};
        for (let j = 0; j < plan.length; j++) {
          const p = plan[j];
          const data = length === B ? buffers[j] : buffers[j].slice(0, length * p.size);
          columns[p.name] =
            p.unit === undefined
              ? { kind: p.kind, data, shape: p.shape }
              : { kind: p.kind, data, shape: p.shape, unit: p.unit };
        }
        return { kind: 'block', t0: blockT0, dt, length, columns };
      };

      const flush = (length: number): SampleRecord[] => {
        const block = blockRecord(length);
        fill = 0;
        if (schemaSent) return [block];
        schemaSent = true;
        return [schemaRecord(), block];
      };

      const step = (frame: Frame): readonly SampleRecord[] => {
        const t = frame.t;
        if (typeof t !== 'number' || !Number.isFinite(t)) {
          throw new Error(`${fn}: frame time must be finite, got t = ${String(t)}`);
        }
        if (Number.isNaN(tPrev)) {
          start(frame);
          allocate();
        } else {
          const spacing = t - tPrev;
          if (Number.isNaN(dt)) {
            if (!(spacing > 0)) {
              throw new Error(`${fn}: frame times must increase, got t = ${t} after t = ${tPrev}`);
            }
            dt = spacing;
          } else if (!(Math.abs(spacing - dt) <= tolerance * dt)) {
            const from = config.dt !== undefined ? "option 'dt'" : 'the first two frames';
            throw new Error(
              `${fn}: frames must be equally spaced in t with Δt = ${dt} (${from}), got t = ${t} after t = ${tPrev}`,
            );
          }
        }
        tPrev = t;
        if (fill === 0) {
          if (buffers.length === 0) allocate();
          blockT0 = t;
        }
        write(frame);
        fill++;
        if (fill < B) return NO_RECORDS;
        const records = flush(B);
        buffers = [];
        return records;
      };

      const final = (): Observable<SampleRecord> =>
        defer(() => {
          if (fill === 0) return [];
          if (Number.isNaN(dt)) {
            throw new Error(
              `${fn}: the stream ended after a single frame (t = ${tPrev}): Δt cannot be read off it; pass option 'dt'`,
            );
          }
          return flush(fill);
        });

      return concat(source.pipe(mergeMap(step)), final()).pipe(
        finalize(() => {
          buffers = [];
          plan = [];
        }),
      );
    });
}

/** Whether two shapes are equal, without a callback per call (this runs for every frame). */
function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
