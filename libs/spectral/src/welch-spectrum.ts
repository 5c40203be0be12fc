import { arrayChannel, realChannel } from '@qsync/frames';
import type { Frame } from '@qsync/frames';
import { defer, filter, finalize, map } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import { arg, assertObject, assertPositive, assertPowerOfTwo, opt } from './assert';
import { resolveWindow } from './resolve-window';
import { SegmentAccumulator } from './segment-accumulator';
import { FrameClock, SampleReader, assertChannelName } from './stream-internal';
import { welchHop } from './welch-hop';
import type { WindowName } from './window-function';

/** Options of {@link welchSpectrum}. */
export interface WelchSpectrumConfig {
  /**
   * Input channel: a real or complex scalar (one realization), or a real or complex array
   * channel whose entries are R realizations sampled at the same time (any shape, read flat).
   */
  channel: string;
  /** samples per segment L, a power of two ≥ 2 */
  segmentLength: number;
  /** fraction of a segment shared with the next, in [0, 1); default 0.5 */
  overlap?: number;
  /** taper: a window name (periodic form) or L weights; default `'hann'` */
  window?: WindowName | Float64Array;
  /**
   * sample spacing Δt > 0; default: the spacing of the first two frames' t. Either way frames
   * must be equally spaced (to 1e-6 relative).
   */
  dt?: number;
}

/**
 * Running Welch spectrum of a stream: the operator form of `welch`. Frames carry one sample
 * (per realization) of the signal in `channel`; after every completed segment (L samples,
 * then every hop = max(1, round(L(1 − overlap))) samples) it emits a frame, at the t of the
 * frame that completed the segment, holding the average over all segments so far:
 *
 * - `omega`: real array [L], angular frequencies (rad per time unit), ascending
 * - `density`: real array [L], the two-sided PSD (conventions of `welch`)
 * - `segments`: real, number of segments averaged (R per emission)
 *
 * After the frames of N samples it emits exactly what `welch(x, { dt, segmentLength, overlap,
 * window, realizations: R })` returns for those samples (same arithmetic, same order). Nothing
 * is emitted before the first segment completes; completion and errors pass through. Memory:
 * the last L samples of each realization. State is per subscription.
 *
 * @param config - `{ channel, segmentLength, overlap = 0.5, window = 'hann', dt }`
 * @returns an operator Frame → Frame; the stream errors (naming the channel or the times) when
 *   the channel is missing, changes kind or size, or frames are not equally spaced
 * @throws Error naming `channel`, `segmentLength`, `overlap`, `window` or `dt` when not as described
 * @example
 * // frames t = 0, 1, 2, … with complex channel 'x' = e^{iπt/2}; L = 4, overlap 0, rectangular
 * // welchSpectrum({ channel: 'x', segmentLength: 4, overlap: 0, window: 'rectangular' })
 * // emits at t = 3, 7, …: omega → [−π, −π/2, 0, π/2], density → [0, 0, 0, 4]
 */
export function welchSpectrum(config: WelchSpectrumConfig): OperatorFunction<Frame, Frame> {
  const fn = 'welchSpectrum';
  assertObject(fn, arg('config'), config);
  assertChannelName(fn, 'channel', config.channel);
  const L = config.segmentLength;
  assertPowerOfTwo(fn, opt('segmentLength'), L);
  const hop = welchHop(fn, L, config.overlap);
  const window = resolveWindow(fn, config.window ?? 'hann', L);
  if (config.dt !== undefined) assertPositive(fn, opt('dt'), config.dt);
  const name = config.channel;

  return (source) =>
    defer(() => {
      const reader = new SampleReader(fn, name);
      const clock = new FrameClock(fn, config.dt);
      let ring = new Float64Array(0); // [realization][L] complex, sample s at slot s mod L
      let scratch = new Float64Array(2 * L);
      let acc: SegmentAccumulator | null = null;
      let samples = 0;

      const step = (frame: Frame): Frame | null => {
        clock.tick(frame.t);
        const v = reader.read(frame);
        const R = reader.realizations;
        if (acc === null) {
          acc = new SegmentAccumulator(window, L);
          ring = new Float64Array(2 * R * L);
        }
        const slot = samples % L;
        for (let r = 0; r < R; r++) {
          ring[2 * (r * L + slot)] = v[2 * r];
          ring[2 * (r * L + slot) + 1] = v[2 * r + 1];
        }
        samples++;
        if (samples < L || (samples - L) % hop !== 0) return null;
        // the segment is samples − L … samples − 1; the oldest sits at slot samples mod L
        const oldest = samples % L;
        for (let r = 0; r < R; r++) {
          for (let k = 0; k < L; k++) {
            const from = 2 * (r * L + ((oldest + k) % L));
            scratch[2 * k] = ring[from];
            scratch[2 * k + 1] = ring[from + 1];
          }
          acc.add(scratch, 0, true);
        }
        return {
          t: frame.t,
          channels: {
            omega: arrayChannel(acc.omega(clock.dt), [L]),
            density: arrayChannel(acc.density(clock.dt), [L]),
            segments: realChannel(acc.count),
          },
        };
      };

      return source.pipe(
        map(step),
        filter((f): f is Frame => f !== null),
        finalize(() => {
          ring = new Float64Array(0);
          scratch = new Float64Array(0);
          acc = null;
        }),
      );
    });
}
