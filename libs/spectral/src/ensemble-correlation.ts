import { arrayChannel, realChannel } from '@qsync/frames';
import type { Frame } from '@qsync/frames';
import { EMPTY, concat, defer, filter, finalize, map, of } from 'rxjs';
import type { Observable, OperatorFunction } from 'rxjs';
import { arg, assertInteger, assertObject, assertPositive, opt } from './assert';
import { FrameClock, SampleReader, assertChannelName } from './stream-internal';

/** Options of {@link ensembleCorrelation}. */
export interface EnsembleCorrelationConfig {
  /**
   * Input channel: x over R realizations at one time — a complex (or real) array channel
   * (any shape, read flat), or a complex (or real) scalar for a single realization.
   */
  channel: string;
  /** largest lag K in samples, an integer ≥ 0 */
  maxLag: number;
  /** index of the first frame used (0-based); earlier frames (the transient) are skipped; default 0 */
  start?: number;
  /**
   * sample spacing Δt > 0 for τ_k = kΔt; default the spacing of the first two used frames' t
   * (from frame `start` on). Used frames must be equally spaced (to 1e-6 relative).
   */
  dt?: number;
  /**
   * Also emit the running estimate after every `emitEvery`-th used sample, once all K + 1 lags
   * have data (an integer ≥ 1); default: emit only on completion.
   */
  emitEvery?: number;
}

/**
 * Running ensemble two-time correlation of a stream: the operator form of
 * `twoTimeCorrelation`. Each frame carries x at one time for R realizations; from frame
 * `start` on, every new sample x_r(t) is multiplied with the K + 1 latest ones, and
 *
 *   g(τ_k) = (1/R) Σ_r 1/(n − k) Σ_{t} x_r(t+k) x_r*(t)   (thesis Eqs. 2.14, 2.27; n samples used)
 *
 * is emitted as a frame with channels `tau` (real array [K+1], τ_k = kΔt), `g` (complex array
 * [K+1]) and `samples` (real, n), at the t of the latest frame: on completion of the source, and
 * with `emitEvery` also periodically. It equals `twoTimeCorrelation` of the same samples (direct
 * sums here, FFT there: equal to rounding). Cost O(R·K) per frame, memory the last K + 1 samples.
 * A source that completes before frame `start` completes without emitting; one that completes
 * with 1 … K samples used errors (too short for maxLag). State is per subscription.
 *
 * @param config - `{ channel, maxLag, start = 0, dt, emitEvery }`
 * @returns an operator Frame → Frame; the stream errors (naming the channel or the times) when
 *   the channel is missing, changes kind or size, or frames are not equally spaced
 * @throws Error naming `channel`, `maxLag`, `start`, `dt` or `emitEvery` when not as described
 * @example
 * // frames t = 0, 1, 2, 3 with complex channel 'x' = e^{iπt/2}, maxLag 2: on completion
 * // → tau [0, 1, 2], g [1, 0, 0, 1, −1, 0] (interleaved), samples 4
 */
export function ensembleCorrelation(
  config: EnsembleCorrelationConfig,
): OperatorFunction<Frame, Frame> {
  const fn = 'ensembleCorrelation';
  assertObject(fn, arg('config'), config);
  assertChannelName(fn, 'channel', config.channel);
  const K = config.maxLag;
  assertInteger(fn, opt('maxLag'), K, 0);
  const start = config.start ?? 0;
  assertInteger(fn, opt('start'), start, 0);
  if (config.dt !== undefined) assertPositive(fn, opt('dt'), config.dt);
  const emitEvery = config.emitEvery ?? 0;
  if (config.emitEvery !== undefined) assertInteger(fn, opt('emitEvery'), emitEvery, 1);
  const name = config.channel;
  const lags = K + 1;

  return (source) =>
    defer(() => {
      const reader = new SampleReader(fn, name);
      const clock = new FrameClock(fn, config.dt);
      let history = new Float64Array(0); // [realization][K+1] complex, sample m at slot m mod (K+1)
      let sum = new Float64Array(2 * lags);
      let frames = 0;
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
          tau[k] = k === 0 ? 0 : k * clock.dt;
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

      const step = (frame: Frame): Frame | null => {
        lastT = frame.t;
        const v = reader.read(frame);
        // the transient before `start` may be sampled differently: only used frames set the clock
        if (frames++ < start) return null;
        clock.tick(frame.t);
        const R = reader.realizations;
        if (history.length === 0) history = new Float64Array(2 * R * lags);
        const m = used;
        const slot = m % lags;
        for (let r = 0; r < R; r++) {
          history[2 * (r * lags + slot)] = v[2 * r];
          history[2 * (r * lags + slot) + 1] = v[2 * r + 1];
        }
        const kMax = Math.min(K, m);
        for (let k = 0; k <= kMax; k++) {
          const earlier = (m - k) % lags;
          let re = 0;
          let im = 0;
          for (let r = 0; r < R; r++) {
            const a = v[2 * r];
            const b = v[2 * r + 1];
            const c = history[2 * (r * lags + earlier)];
            const d = history[2 * (r * lags + earlier) + 1];
            // x(t) · x*(t − k) = (a + ib)(c − id)
            re += a * c + b * d;
            im += b * c - a * d;
          }
          sum[2 * k] += re;
          sum[2 * k + 1] += im;
        }
        used++;
        if (emitEvery > 0 && used >= lags && used % emitEvery === 0) return estimate();
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
