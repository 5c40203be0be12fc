import { arrayChannel, realChannel } from '@qsync/frames';
import type { Frame, StreamRecord } from '@qsync/frames';
import { defer, filter, finalize, map } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import { arg, assertObject, assertPositive, assertPowerOfTwo, opt } from './assert';
import { CurrentSpectrumAccumulator } from './current-spectrum-accumulator';
import { currentSpectrumSetup } from './current-spectrum-options';
import type { CurrentSpectrumOptions } from './current-spectrum-options';
import { resolveWindow } from './resolve-window';
import { SignalReader, assertChannelName } from './stream-internal';

/** Options of {@link currentSpectrumOf}. */
export interface CurrentSpectrumOfConfig extends CurrentSpectrumOptions {
  /** the current: a complex scalar column of a sample stream (or complex scalar channel of frames) */
  channel: string;
  /** sample spacing Δt > 0; default: the first block's dt (or the spacing of the first two frames) */
  dt?: number;
}

/**
 * Running measured spectrum of a complex detector current with its noise floor (thesis
 * Eq. 4.16, S^m(ω) = κS(ω) + 1 for the heterodyne current): the operator form of
 * {@link currentSpectrum}, live over the blocks of a sample stream (a schema, then blocks; see
 * @qsync/frames) or over frames. Samples are cut into consecutive non-overlapping segments of L;
 * after each record that completed at least one segment it emits a frame, at the time of the
 * last sample of the latest segment, with what `currentSpectrum` gives for all segments so far:
 * - `omega`, `density`, `densityError`: real arrays [L] (rad per time unit; S^m and its error),
 * - `floor`, `floorError`: the noise floor over |ω| ≥ floorFrom and its error,
 * - `segments`: the number of segments averaged.
 * Memory: one segment of samples and the per-frequency sums. State is per subscription.
 *
 * @param config - `{ channel, segmentLength, window = 'hann', floorFrom = π/(2Δt), dt }`
 * @returns an operator (Frame | SampleRecord) → Frame; the stream errors (naming the channel) when
 *   the channel is missing, not a complex scalar, not finite, not equally spaced, when the sample
 *   stream breaks its schema, or when floorFrom exceeds the Nyquist frequency of the stream's Δt
 * @throws Error naming `config`, `channel`, `segmentLength`, `window`, `floorFrom` or `dt` when not as described
 * @example
 * // a current e^{−iπn/2} in two blocks of 4 (Δt = 1): a line at ω = +π/2, one frame per block
 * const schema = streamSchema({ channels: { I: { kind: 'complex' } }, rate: 1 });
 * const x = Float64Array.of(1, 0, 0, -1, -1, 0, 0, 1);
 * const blocks = [0, 4].map((t0) => sampleBlock({ t0, dt: 1, columns: { I: { kind: 'complex', data: x.slice() } } }));
 * const out = await lastValueFrom(of(schema, ...blocks).pipe(currentSpectrumOf({ channel: 'I', segmentLength: 4, window: 'rectangular', floorFrom: Math.PI }), toArray()));
 * out.map((f) => f.t); // [3, 7]
 * channelValue(out[1], 'density', 'array').data; // Float64Array [0, 0, 0, 4]
 * channelValue(out[1], 'segments', 'real').value; // 2
 */
export function currentSpectrumOf(config: CurrentSpectrumOfConfig): OperatorFunction<StreamRecord, Frame> {
  const fn = 'currentSpectrumOf';
  assertObject(fn, arg('config'), config);
  assertChannelName(fn, 'channel', config.channel);
  const L = config.segmentLength;
  assertPowerOfTwo(fn, opt('segmentLength'), L);
  resolveWindow(fn, config.window ?? 'hann', L);
  if (config.floorFrom !== undefined) assertPositive(fn, opt('floorFrom'), config.floorFrom);
  if (config.dt !== undefined) assertPositive(fn, opt('dt'), config.dt);
  const name = config.channel;

  return (source) =>
    defer(() => {
      const reader = new SignalReader(fn, name, config.dt);
      let acc: CurrentSpectrumAccumulator | null = null;
      // the samples of the segment being filled, interleaved
      let buffer = new Float64Array(2 * L);
      let fill = 0;

      const step = (record: StreamRecord): Frame | null => {
        const count = reader.read(record);
        if (count === 0) return null;
        if (!reader.complex || reader.realizations !== 1) {
          throw new Error(
            `${fn}: channel '${name}' (option 'channel') must be a complex scalar current, got a ${reader.complex ? 'complex' : 'real'} channel of ${reader.realizations} entries`,
          );
        }
        const data = reader.data;
        for (let i = 0; i < 2 * count; i++) {
          if (!Number.isFinite(data[i])) {
            throw new Error(`${fn}: channel '${name}' must be finite, got ${data[i]} at t = ${reader.time(i >> 1)}`);
          }
        }
        let lastSample = -1;
        let k = 0;
        while (k < count) {
          const take = Math.min(L - fill, count - k);
          buffer.set(data.subarray(2 * k, 2 * (k + take)), 2 * fill);
          fill += take;
          k += take;
          if (fill === L) {
            // made here: Δt is known once a segment (L ≥ 2 samples) is complete, also from frames
            if (acc === null) {
              const { window, floorFrom } = currentSpectrumSetup(fn, config, reader.dt);
              acc = new CurrentSpectrumAccumulator(window, reader.dt, floorFrom);
            }
            acc.add(buffer, 0);
            fill = 0;
            lastSample = k - 1;
          }
        }
        if (lastSample < 0 || acc === null) return null;
        const s = acc.result();
        return {
          t: reader.time(lastSample),
          channels: {
            omega: arrayChannel(s.omega, [L]),
            density: arrayChannel(s.density, [L]),
            densityError: arrayChannel(s.densityError, [L]),
            floor: realChannel(s.floor),
            floorError: realChannel(s.floorError),
            segments: realChannel(s.segments),
          },
        };
      };

      return source.pipe(
        map(step),
        filter((f): f is Frame => f !== null),
        finalize(() => {
          buffer = new Float64Array(0);
          acc = null;
        }),
      );
    });
}
