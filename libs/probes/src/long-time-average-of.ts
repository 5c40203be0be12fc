import { defer } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import { SampleStreamReader, realChannel } from '@qsync/frames';
import type { Frame, StreamRecord } from '@qsync/frames';
import { BatchMeans, minBatchesOption } from './batch-means';
import { keptSamplesOf } from './kept-samples-support';
import { assertChannelName, readReal, streamStart } from './series-support';

/** Options of {@link longTimeAverageOf}. */
export interface LongTimeAverageOfConfig {
  /** name of the real scalar channel to average (in a sample stream: a real column of shape []) */
  channel: string;
  /** samples with t < tStart are the transient: skipped, nothing emitted for them; default: keep all */
  tStart?: number;
  /** M of the batch-means error (see {@link longTimeAverage}); integer ≥ 2, default 32 */
  batches?: number;
}

/**
 * Running long-time average of a real channel of a stream, with its batch-means standard error:
 * the streaming form of {@link longTimeAverage}. It reads frames (one sample each) or a sample
 * stream (a schema, then blocks of samples at t0 + k·dt; see @qsync/frames). Samples before
 * `tStart` are skipped, whether the transient ends inside a block or spans several; after each
 * frame, or each block, that brought at least one kept sample it emits a frame at the time of
 * its last sample with the real channels
 * - `mean`: sample mean of the channel over the kept samples so far (unit of the channel),
 * - `standardError`: its batch-means standard error (same unit; NaN until 2 samples are kept),
 * - `samples`: number of kept samples.
 * The numbers equal `longTimeAverage(times, values, { tStart })` over the samples up to that
 * time, bit for bit, however the samples were cut into blocks (same sums in the same order).
 * Memory is O(M), independent of the stream's length; a block is read in place. Samples should
 * be equally spaced in t (the mean weighs every sample equally). State is per subscription.
 *
 * @param config - `{ channel, tStart, batches }`
 * @returns an operator (Frame | SampleRecord) → Frame; it errors (naming the channel or the times)
 *   when the channel is missing, not a real scalar, or not finite, when frame times decrease,
 *   when a sample stream breaks its schema (a block before it, a second one, a column missing or
 *   of another kind, a gap between blocks), or when frames and sample-stream records are mixed
 * @throws Error naming `config`, `channel`, `tStart` or `batches` when an option is invalid
 * @example
 * const frames = [9, 1, 3, 2].map((x, t) => ({ t, channels: { x: realChannel(x) } }));
 * const out = await lastValueFrom(from(frames).pipe(longTimeAverageOf({ channel: 'x', tStart: 1 }), toArray()));
 * out.map((f) => f.t); // [1, 2, 3] — t = 0 is the transient
 * out.map((f) => channelValue(f, 'mean', 'real').value); // [1, 2, 2]
 * out.map((f) => channelValue(f, 'samples', 'real').value); // [1, 2, 3]
 * // the same samples as a sample stream, cut into blocks of 3 and 1: one frame per block
 * const schema = streamSchema({ channels: { x: { kind: 'real' } }, rate: 1 });
 * const a = sampleBlock({ t0: 0, dt: 1, columns: { x: { kind: 'real', data: Float64Array.of(9, 1, 3) } } });
 * const b = sampleBlock({ t0: 3, dt: 1, columns: { x: { kind: 'real', data: Float64Array.of(2) } } });
 * const perBlock = await lastValueFrom(of(schema, a, b).pipe(longTimeAverageOf({ channel: 'x', tStart: 1 }), toArray()));
 * perBlock.map((f) => [f.t, channelValue(f, 'mean', 'real').value]); // [[2, 2], [3, 2]]
 */
export function longTimeAverageOf(config: LongTimeAverageOfConfig): OperatorFunction<StreamRecord, Frame> {
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
      const reader = new SampleStreamReader({ caller: fn, channel: name, kind: 'real', scalar: true });
      let unit: string | undefined;
      return keptSamplesOf(source, fn, reader, tStart, {
        schema: () => {
          unit = reader.channel.unit;
        },
        frame: (frame) => {
          const x = readReal(fn, frame, name);
          if (!Number.isFinite(x)) {
            throw new Error(`${fn}: channel '${name}' must be finite, got ${x} at t = ${frame.t}`);
          }
          acc.push(x);
          unit = frame.channels[name].unit;
        },
        block: (block, first) => {
          const data = reader.data;
          for (let k = first; k < block.length; k++) {
            const x = data[k];
            if (!Number.isFinite(x)) throw reader.notFinite(k, 0, x);
            acc.push(x);
          }
        },
        output: (t) => ({
          t,
          channels: {
            mean: realChannel(acc.mean(), unit),
            standardError: realChannel(acc.standardError(), unit),
            samples: realChannel(acc.count),
          },
        }),
      });
    });
}
