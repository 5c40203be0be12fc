import { EMPTY, Observable, concatMap } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import { arrayChannel, complexChannel, realChannel } from './frame';
import type { Channel, Frame } from './frame';
import type { SampleRecord } from './stream-schema';
import { validateSampleStream } from './validate-sample-stream';
import type { ValidateSampleStreamConfig } from './validate-sample-stream';

/**
 * Unpacks a sample stream into one frame per sample: sample k of a block becomes a frame at
 * t = t0 + k·dt whose channels are the block's columns — a column of shape [] becomes a real or
 * complex scalar channel, any other shape an array channel of that shape (a copy of the
 * sample's values), units kept. The stream is checked as by `validateSampleStream` (schema
 * first, blocks matching it, no gaps). The loop over a block's samples stops as soon as the
 * subscriber has gone (e.g. a downstream `take`). State is per subscription.
 *
 * @param config - `{ tolerance = 1e-6 }` of the stream check
 * @returns an operator SampleRecord → Frame; the stream errors as `validateSampleStream` does
 * @example
 * const schema = streamSchema({ channels: { x: { kind: 'real' } } });
 * const block = sampleBlock({ t0: 1, dt: 0.5, columns: { x: { kind: 'real', data: Float64Array.of(4, 5) } } });
 * const frames = await lastValueFrom(of(schema, block).pipe(toFrames(), toArray()));
 * frames.map((f) => [f.t, channelValue(f, 'x', 'real').value]); // [[1, 4], [1.5, 5]]
 */
export function toFrames(config: ValidateSampleStreamConfig = {}): OperatorFunction<SampleRecord, Frame> {
  const validate = validateSampleStream(config);
  return (source) =>
    source.pipe(
      validate,
      concatMap((record): Observable<Frame> => {
        if (record.kind === 'schema') return EMPTY;
        const block = record;
        const names = Object.keys(block.columns);
        return new Observable<Frame>((subscriber) => {
          for (let k = 0; k < block.length && !subscriber.closed; k++) {
            const channels: Record<string, Channel> = {};
            for (const name of names) {
              const c = block.columns[name];
              const complex = c.kind === 'complex';
              if (c.shape.length === 0) {
                channels[name] = complex
                  ? complexChannel(c.data[2 * k], c.data[2 * k + 1], c.unit)
                  : realChannel(c.data[k], c.unit);
              } else {
                const size = c.data.length / block.length;
                const data = c.data.slice(k * size, (k + 1) * size);
                channels[name] = arrayChannel(data, c.shape, { complex, ...(c.unit !== undefined ? { unit: c.unit } : {}) });
              }
            }
            subscriber.next({ t: block.t0 + k * block.dt, channels });
          }
          subscriber.complete();
        });
      }),
    );
}
