import { defer, filter, map } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import { realChannel } from '@qsync/frames';
import type { Frame } from '@qsync/frames';
import { BatchMeans, minBatchesOption } from './batch-means';
import { assertChannelName, checkFrameTime, readReal, streamStart } from './series-support';

/** Options of {@link longTimeAverageOf}. */
export interface LongTimeAverageOfConfig {
  /** name of the real scalar channel to average */
  channel: string;
  /** frames with t < tStart are the transient: skipped, nothing emitted; default: keep all */
  tStart?: number;
  /** M of the batch-means error (see {@link longTimeAverage}); integer ≥ 2, default 32 */
  batches?: number;
}

/**
 * Running long-time average of a real channel of a frame stream, with its batch-means standard
 * error: the streaming form of {@link longTimeAverage}. Frames before `tStart` are skipped;
 * every later frame emits a frame with its t and the real channels
 * - `mean`: sample mean of the channel over the kept frames so far (unit of the channel),
 * - `standardError`: its batch-means standard error (same unit; NaN until 2 frames are kept),
 * - `samples`: number of kept frames.
 * After the frame at t_k the numbers equal `longTimeAverage(times, values, { tStart })` over the
 * frames up to t_k, bit for bit. Memory is O(M), independent of the stream's length. Frames
 * should be equally spaced in t (the mean weighs every frame equally). State is per subscription.
 *
 * @param config - `{ channel, tStart, batches }`
 * @returns an operator Frame → Frame; it errors (naming the channel or the times) when the
 *   channel is missing, not a real scalar, or not finite, or when t decreases
 * @throws Error naming `config`, `channel`, `tStart` or `batches` when an option is invalid
 * @example
 * const frames = [9, 1, 3, 2].map((x, t) => ({ t, channels: { x: realChannel(x) } }));
 * const out = await lastValueFrom(from(frames).pipe(longTimeAverageOf({ channel: 'x', tStart: 1 }), toArray()));
 * out.map((f) => f.t); // [1, 2, 3] — t = 0 is the transient
 * out.map((f) => channelValue(f, 'mean', 'real').value); // [1, 2, 2]
 * out.map((f) => channelValue(f, 'samples', 'real').value); // [1, 2, 3]
 */
export function longTimeAverageOf(config: LongTimeAverageOfConfig): OperatorFunction<Frame, Frame> {
  const fn = 'longTimeAverageOf';
  if (config == null || typeof config !== 'object') {
    throw new Error(`${fn}: argument 'config' must be an object { channel, tStart?, batches? }, got ${String(config)}`);
  }
  const name = config.channel;
  assertChannelName(fn, name);
  const tStart = streamStart(fn, config.tStart);
  const m = minBatchesOption(fn, config.batches);
  return (source) =>
    defer(() => {
      const acc = new BatchMeans(m);
      let tPrev = -Infinity;
      return source.pipe(
        filter((frame) => {
          checkFrameTime(fn, frame.t, tPrev);
          tPrev = frame.t;
          return frame.t >= tStart;
        }),
        map((frame): Frame => {
          const x = readReal(fn, frame, name);
          if (!Number.isFinite(x)) {
            throw new Error(`${fn}: channel '${name}' must be finite, got ${x} at t = ${frame.t}`);
          }
          acc.push(x);
          const unit = frame.channels[name].unit;
          return {
            t: frame.t,
            channels: {
              mean: realChannel(acc.mean(), unit),
              standardError: realChannel(acc.standardError(), unit),
              samples: realChannel(acc.count),
            },
          };
        }),
      );
    });
}
