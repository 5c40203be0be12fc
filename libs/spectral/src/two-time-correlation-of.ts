import { arrayChannel, realChannel } from '@qsync/frames';
import type { Frame, StreamRecord } from '@qsync/frames';
import { EMPTY, concat, defer, filter, finalize, map, of } from 'rxjs';
import type { Observable, OperatorFunction } from 'rxjs';
import { arg, assertBoolean, assertInteger, assertObject, assertPositive, opt } from './assert';
import { SignalReader, assertChannelName } from './stream-internal';

/** Options of {@link twoTimeCorrelationOf}. */
export interface TwoTimeCorrelationOfConfig {
  /**
   * Input channel: x over R realizations at one time — in frames a complex (or real) array
   * channel (any shape, read flat) or a scalar for a single realization; in a sample stream a
   * column of any shape (R = ∏shape).
   */
  channel: string;
  /** largest lag K in samples, an integer ≥ 0 */
  maxLag: number;
  /** index of the first sample used (0-based); earlier samples (the transient) are skipped; default 0 */
  start?: number;
  /**
   * sample spacing Δt > 0 for τ_k = kΔt; default the first block's dt, or the spacing of the
   * first two used frames' t (from sample `start` on). Used samples must be equally spaced (to
   * 1e-6 relative).
   */
  dt?: number;
  /**
   * Also emit the running estimate after each input record (frame or block) in which the count
   * of used samples reached a multiple of `emitEvery`, once all K + 1 lags have data (an
   * integer ≥ 1); default: emit only on completion.
   */
  emitEvery?: number;
  /** true: correlate x* instead of x (complex signals), g(τ) = E[x*(t+τ) x(t)]; default false */
  conjugate?: boolean;
}

/**
 * Running ensemble two-time correlation of a stream: the operator form of
 * `twoTimeCorrelation`. It reads x over R realizations from frames (one time per frame) or from
 * a sample stream (schema, then blocks); from sample `start` on, every new sample x_r(t) is
 * multiplied with the K + 1 latest ones, and
 *
 *   g(τ_k) = (1/R) Σ_r 1/(n − k) Σ_{t} x_r(t+k) x_r*(t)   (thesis Eqs. 2.14, 2.27; n samples used)
 *
 * is emitted as a frame with channels `tau` (real array [K+1], τ_k = kΔt), `g` (complex array
 * [K+1]) and `samples` (real, n), at the time of the latest sample: on completion of the source,
 * and with `emitEvery` also periodically. It equals `twoTimeCorrelation` of the same samples
 * (direct sums here, FFT there: equal to rounding). Cost O(R·K) per sample, memory the last
 * K + 1 samples. A source that completes before sample `start` completes without emitting; one
 * that completes with 1 … K samples used errors (too short for maxLag). State is per subscription.
 *
 * @param config - `{ channel, maxLag, start = 0, dt, emitEvery, conjugate = false }`
 * @returns an operator (Frame | SampleRecord) → Frame; the stream errors (naming the channel or the
 *   times) when the channel is missing, changes kind or size, samples are not equally spaced, or a
 *   sample stream breaks its schema or has a gap
 * @throws Error naming `channel`, `maxLag`, `start`, `dt`, `emitEvery` or `conjugate` when not as described
 * @example
 * // frames t = 0, 1, 2, 3 with x = e^{iπt/2}: g(τ) = e^{iπτ/2}
 * const frames = [0, 1, 2, 3].map((t) => ({ t, channels: { x: complexChannel(Math.cos((Math.PI * t) / 2), Math.sin((Math.PI * t) / 2)) } }));
 * const g = await lastValueFrom(from(frames).pipe(twoTimeCorrelationOf({ channel: 'x', maxLag: 2 })));
 * channelValue(g, 'tau', 'array').data; // [0, 1, 2]
 * channelValue(g, 'g', 'array').data; // [1, 0, 0, 1, -1, 0] — interleaved (re, im)
 * channelValue(g, 'samples', 'real').value; // 4
 */
export function twoTimeCorrelationOf(config: TwoTimeCorrelationOfConfig): OperatorFunction<StreamRecord, Frame> {
  const fn = 'twoTimeCorrelationOf';
  assertObject(fn, arg('config'), config);
  assertChannelName(fn, 'channel', config.channel);
  const K = config.maxLag;
  assertInteger(fn, opt('maxLag'), K, 0);
  const start = config.start ?? 0;
  assertInteger(fn, opt('start'), start, 0);
  if (config.dt !== undefined) assertPositive(fn, opt('dt'), config.dt);
  const emitEvery = config.emitEvery ?? 0;
  if (config.emitEvery !== undefined) assertInteger(fn, opt('emitEvery'), emitEvery, 1);
  const conjugate = config.conjugate ?? false;
  assertBoolean(fn, opt('conjugate'), conjugate);
  const sign = conjugate ? -1 : 1;
  const name = config.channel;
  const lags = K + 1;

  return (source) =>
    defer(() => {
      const reader = new SignalReader(fn, name, config.dt);
      let history = new Float64Array(0); // [realization][K+1] complex, sample m at slot m mod (K+1)
      let sum = new Float64Array(2 * lags);
      let seen = 0; // samples read, used or not
      let used = 0;
      let emittedAt = 0;
      let lastT = NaN;

      const estimate = (): Frame => {
        const R = reader.realizations;
        const g = new Float64Array(2 * lags);
        const tau = new Float64Array(lags);
        for (let k = 0; k < lags; k++) {
          const scale = 1 / (R * (used - k));
          g[2 * k] = sum[2 * k] * scale;
          g[2 * k + 1] = sum[2 * k + 1] * scale;
          tau[k] = k === 0 ? 0 : k * reader.dt;
        }
        emittedAt = used;
        return {
          t: lastT,
          channels: {
            tau: arrayChannel(tau, [lags]),
            g: arrayChannel(g, [lags], { complex: true }),
            samples: realChannel(used),
          },
        };
      };

      /** Adds sample `k` of the reader's latest record. */
      const addSample = (k: number): void => {
        const R = reader.realizations;
        const data = reader.data;
        const complex = reader.complex;
        if (history.length === 0) history = new Float64Array(2 * R * lags);
        const m = used;
        const slot = m % lags;
        for (let r = 0; r < R; r++) {
          const at = k * R + r;
          history[2 * (r * lags + slot)] = complex ? data[2 * at] : data[at];
          history[2 * (r * lags + slot) + 1] = complex ? sign * data[2 * at + 1] : 0;
        }
        const kMax = Math.min(K, m);
        for (let lag = 0; lag <= kMax; lag++) {
          const earlier = (m - lag) % lags;
          let re = 0;
          let im = 0;
          for (let r = 0; r < R; r++) {
            const a = history[2 * (r * lags + slot)];
            const b = history[2 * (r * lags + slot) + 1];
            const c = history[2 * (r * lags + earlier)];
            const d = history[2 * (r * lags + earlier) + 1];
            // x(t) · x*(t − lag) = (a + ib)(c − id)
            re += a * c + b * d;
            im += b * c - a * d;
          }
          sum[2 * lag] += re;
          sum[2 * lag + 1] += im;
        }
        used++;
      };

      const step = (record: StreamRecord): Frame | null => {
        // frames of the transient before `start` may be sampled differently: they set no clock
        const count = reader.read(record, seen >= start);
        if (count === 0) return null;
        const before = used;
        for (let k = 0; k < count; k++, seen++) {
          if (seen < start) continue;
          addSample(k);
        }
        lastT = reader.time(count - 1);
        if (emitEvery > 0 && used >= lags && Math.floor(used / emitEvery) > Math.floor(before / emitEvery)) {
          return estimate();
        }
        return null;
      };

      const final = (): Observable<Frame> => {
        if (used === 0 || emittedAt === used) return EMPTY;
        if (used < lags) {
          throw new Error(
            `${fn}: the stream ended after ${used} sample${used === 1 ? '' : 's'} past 'start', ` +
              `too few for option 'maxLag' = ${K} (need ≥ ${lags})`,
          );
        }
        return of(estimate());
      };

      return concat(
        source.pipe(
          map(step),
          filter((f): f is Frame => f !== null),
        ),
        defer(final),
      ).pipe(
        finalize(() => {
          history = new Float64Array(0);
          sum = new Float64Array(0);
        }),
      );
    });
}
