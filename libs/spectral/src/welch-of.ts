import { arrayChannel, realChannel } from '@qsync/frames';
import type { Frame, StreamRecord } from '@qsync/frames';
import { defer, filter, finalize, map } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import { arg, assertBoolean, assertObject, assertPositive, assertPowerOfTwo, opt } from './assert';
import { resolveWindow } from './resolve-window';
import { SegmentAccumulator } from './segment-accumulator';
import { SignalReader, assertChannelName } from './stream-internal';
import { welchHop } from './welch-hop';
import type { WindowName } from './window-function';

/** Options of {@link welchOf}. */
export interface WelchOfConfig {
  /**
   * Input channel: in frames, a real or complex scalar (one realization) or an array channel
   * whose entries are R realizations sampled at the same time (any shape, read flat); in a
   * sample stream, a column of any shape (R = ∏shape realizations).
   */
  channel: string;
  /** samples per segment L, a power of two ≥ 2 */
  segmentLength: number;
  /** fraction of a segment shared with the next, in [0, 1); default 0.5 */
  overlap?: number;
  /** taper: a window name (periodic form) or L weights; default `'hann'` (as `welch`) */
  window?: WindowName | Float64Array;
  /**
   * sample spacing Δt > 0; default: the first block's dt, or the spacing of the first two
   * frames' t. Either way samples must be equally spaced (to 1e-6 relative).
   */
  dt?: number;
  /** true: analyse x* instead of x (complex signals; no effect on real ones); default false */
  conjugate?: boolean;
}

/**
 * Running Welch spectrum of a stream: the operator form of `welch`. It reads the samples of
 * `channel` from frames (one sample per frame, per realization) or from a sample stream (schema,
 * then blocks; see @qsync/frames), segments them as `welch` does (L samples, a new segment every
 * hop = max(1, round(L(1 − overlap))) samples), and after each input record (frame or block)
 * that completed at least one segment emits a frame holding the average over all segments so
 * far, at the time of the last sample of the latest segment:
 *
 * - `omega`: real array [L], angular frequencies (rad per time unit), ascending
 * - `density`: real array [L], the two-sided PSD (conventions of `welch`)
 * - `segments`: real, number of segments averaged (R per segment start)
 *
 * Its output after N samples is bit for bit what `welch(x, { dt, segmentLength, overlap, window,
 * complex, conjugate, realizations: R })` returns for those samples, however they were cut into
 * blocks (same code, same order of sums). Nothing is emitted before the first segment completes;
 * completion and errors pass through. Memory: L samples per realization. State is per subscription.
 *
 * @param config - `{ channel, segmentLength, overlap = 0.5, window = 'hann', dt, conjugate = false }`
 * @returns an operator (Frame | SampleRecord) → Frame; the stream errors (naming the channel or the
 *   times) when the channel is missing, changes kind or size, samples are not equally spaced, a
 *   sample stream breaks its schema or has a gap, or frames and blocks are mixed
 * @throws Error naming `channel`, `segmentLength`, `overlap`, `window`, `dt` or `conjugate` when not as described
 * @example
 * // frames t = 0, 1, …, 7 with complex channel 'x' = e^{iπt/2}; L = 4, overlap 0, rectangular
 * const frames = Array.from({ length: 8 }, (_, t) => ({ t, channels: { x: complexChannel(Math.cos((Math.PI * t) / 2), Math.sin((Math.PI * t) / 2)) } }));
 * const spectra = await lastValueFrom(from(frames).pipe(welchOf({ channel: 'x', segmentLength: 4, overlap: 0, window: 'rectangular' }), toArray()));
 * spectra.map((s) => s.t); // [3, 7] — one frame per completed segment
 * channelValue(spectra[1], 'omega', 'array').data; // [-Math.PI, -Math.PI / 2, 0, Math.PI / 2]
 * channelValue(spectra[1], 'density', 'array').data; // [0, 0, 0, 4]
 */
export function welchOf(config: WelchOfConfig): OperatorFunction<StreamRecord, Frame> {
  const fn = 'welchOf';
  assertObject(fn, arg('config'), config);
  assertChannelName(fn, 'channel', config.channel);
  const L = config.segmentLength;
  assertPowerOfTwo(fn, opt('segmentLength'), L);
  const hop = welchHop(fn, L, config.overlap);
  const window = resolveWindow(fn, config.window ?? 'hann', L);
  if (config.dt !== undefined) assertPositive(fn, opt('dt'), config.dt);
  const conjugate = config.conjugate ?? false;
  assertBoolean(fn, opt('conjugate'), conjugate);
  const name = config.channel;

  return (source) =>
    defer(() => {
      const reader = new SignalReader(fn, name, config.dt);
      // the latest samples of each realization, [realization][L] (×2 interleaved when complex):
      // `fill` of them, oldest first
      let buffer = new Float64Array(0);
      let acc: SegmentAccumulator | null = null;
      let fill = 0;

      const step = (record: StreamRecord): Frame | null => {
        const count = reader.read(record);
        if (count === 0) return null;
        const R = reader.realizations;
        const complex = reader.complex;
        const width = complex ? 2 : 1;
        if (acc === null) {
          acc = new SegmentAccumulator(window, L);
          buffer = new Float64Array(width * R * L);
        }
        const data = reader.data;
        let lastSample = -1;
        let k = 0;
        while (k < count) {
          // copy as many samples as fit before the segment is full: [sample][R] → [R][L]
          const take = Math.min(L - fill, count - k);
          if (R === 1) {
            buffer.set(data.subarray(width * k, width * (k + take)), width * fill);
          } else {
            for (let r = 0; r < R; r++) {
              const to = width * (r * L + fill);
              if (complex) {
                for (let j = 0; j < take; j++) {
                  const from = 2 * ((k + j) * R + r);
                  buffer[to + 2 * j] = data[from];
                  buffer[to + 2 * j + 1] = data[from + 1];
                }
              } else {
                for (let j = 0; j < take; j++) buffer[to + j] = data[(k + j) * R + r];
              }
            }
          }
          fill += take;
          k += take;
          if (fill === L) {
            // segment outer, realization inner: the order of `welch`
            for (let r = 0; r < R; r++) acc.add(buffer, r * L, complex, conjugate);
            lastSample = k - 1;
            // keep the last L − hop samples: the start of the next segment
            if (hop < L) {
              for (let r = 0; r < R; r++) {
                const base = width * r * L;
                buffer.copyWithin(base, base + width * hop, base + width * L);
              }
            }
            fill = L - hop;
          }
        }
        if (lastSample < 0) return null;
        const dt = reader.dt;
        return {
          t: reader.time(lastSample),
          channels: {
            omega: arrayChannel(acc.omega(dt), [L]),
            density: arrayChannel(acc.density(dt), [L]),
            segments: realChannel(acc.count),
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
