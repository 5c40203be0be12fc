import { defer, map } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import { arrayChannel, realChannel } from '@qsync/frames';
import type { Channel, Frame } from '@qsync/frames';
import { assertChannelName, checkFrameTime, readRealOrArray } from './series-support';
import { unwrapTurns } from './unwrap-support';

const TWO_PI = 2 * Math.PI;

/** Options of {@link unwrapPhaseOf}. */
export interface UnwrapPhaseOfConfig {
  /** name of the wrapped phase channel: a real scalar, or a real array of phases (element-wise) */
  channel: string;
  /** name of the output channel; default `channel` (the wrapped phase is replaced) */
  out?: string;
}

/**
 * Unwraps a phase channel of a frame stream across frames: the streaming form of
 * {@link unwrapPhase}, keeping the turn count from frame to frame. For a real channel the
 * output is one continuous phase; for a real array channel (e.g. one phase per oscillator or
 * realization) each element is unwrapped on its own. Whenever a phase steps by more than π in
 * magnitude from the previous frame, the multiple of 2π that brings the step into [−π, π] is
 * taken off from then on; the first frame passes unchanged. Every frame is re-emitted with all
 * its channels and, under `out` (default: `channel` itself), the unwrapped phase with the
 * input's unit and shape (a fresh array for array channels). State is per subscription. The
 * frames must be dense enough that each phase moves by less than π between them.
 *
 * @param config - `{ channel, out }`
 * @returns an operator Frame → Frame; it errors (naming the channel or the times) when the
 *   channel is missing, complex, not finite, or changes kind or length, or when t decreases
 * @throws Error naming `config`, `channel` or `out` when an option is invalid
 * @example
 * const frames = [3, -3, -1].map((phi, t) => ({ t, channels: { phi: realChannel(phi, 'rad') } }));
 * const out = await lastValueFrom(from(frames).pipe(unwrapPhaseOf({ channel: 'phi' }), toArray()));
 * out.map((f) => channelValue(f, 'phi', 'real').value); // [3, 2 * Math.PI - 3, 2 * Math.PI - 1]
 */
export function unwrapPhaseOf(config: UnwrapPhaseOfConfig): OperatorFunction<Frame, Frame> {
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
      let prev: Float64Array | null = null; // raw phases of the previous frame
      let turns = new Float64Array(0); // whole turns taken off so far, per element
      let scalar = false;
      let tPrev = -Infinity;
      return source.pipe(
        map((frame): Frame => {
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
        }),
      );
    });
}
