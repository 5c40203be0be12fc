import { defer, filter, map } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import { arrayChannel, realChannel } from '@qsync/frames';
import type { Frame } from '@qsync/frames';
import { binCenters, binsOption, densityOf, phaseBin } from './phase-histogram-support';
import { assertChannelName, checkFrameTime, readRealOrArray, streamStart } from './series-support';

/** Options of {@link phaseHistogramOf}. */
export interface PhaseHistogramOfConfig {
  /** name of the phase channel: a real scalar, or a real array of phases (e.g. one per realization) */
  channel: string;
  /** number of bins on [−π, π), integer ≥ 1 */
  bins: number;
  /** frames with t < tStart are the transient: not counted, nothing emitted; default: count all */
  tStart?: number;
}

/**
 * Running phase histogram of a frame stream: the streaming form of {@link phaseHistogram},
 * for P(φ) or, fed φ_AB, P(φ_AB) in the long-time limit (thesis Sec. 2.2.2). Every frame at
 * t ≥ tStart adds its phase (a real channel) or all its phases (a real array channel, e.g. one
 * phase per realization) to the counts and emits a frame with its t and
 * - `phase`: array channel of the bin centers −π + (k + ½)Δφ (rad), shape [bins],
 * - `density`: array channel of the normalised histogram of everything counted so far (1/rad),
 *   shape [bins], Σ density·Δφ = 1,
 * - `samples`: real channel, the number of phases counted.
 * The numbers equal `phaseHistogram` of all phases counted so far, bit for bit. The emitted
 * arrays are fresh for every frame; the counts are kept per subscription.
 *
 * @param config - `{ channel, bins, tStart }`
 * @returns an operator Frame → Frame; it errors (naming the channel or the times) when the channel
 *   is missing, complex, empty or not finite, or when t decreases
 * @throws Error naming `config`, `channel`, `bins` or `tStart` when an option is invalid
 * @example
 * const frames = [
 *   { t: 0, channels: { phi: realChannel(0.1) } },
 *   { t: 1, channels: { phi: arrayChannel(Float64Array.of(3, -3), [2]) } },
 * ];
 * const out = await lastValueFrom(from(frames).pipe(phaseHistogramOf({ channel: 'phi', bins: 4 }), toArray()));
 * // density = count·4/(2π·samples): counts [0, 0, 1, 0], then [1, 0, 1, 1]
 * channelValue(out[0], 'density', 'array').data; // Float64Array [0, 0, 2 / Math.PI, 0]
 * channelValue(out[1], 'density', 'array').data; // Float64Array [2 / (3 * Math.PI), 0, 2 / (3 * Math.PI), 2 / (3 * Math.PI)]
 * channelValue(out[1], 'samples', 'real').value; // 3
 */
export function phaseHistogramOf(config: PhaseHistogramOfConfig): OperatorFunction<Frame, Frame> {
  const fn = 'phaseHistogramOf';
  const bins = binsOption(fn, config, '{ channel, bins, tStart? }');
  const name = config.channel;
  assertChannelName(fn, name);
  const tStart = streamStart(fn, config.tStart);
  const centers = binCenters(bins);
  return (source) =>
    defer(() => {
      const counts = new Float64Array(bins);
      let samples = 0;
      let tPrev = -Infinity;
      return source.pipe(
        filter((frame) => {
          checkFrameTime(fn, frame.t, tPrev);
          tPrev = frame.t;
          return frame.t >= tStart;
        }),
        map((frame): Frame => {
          const v = readRealOrArray(fn, frame, name);
          if (typeof v === 'number') {
            if (!Number.isFinite(v)) throw new Error(`${fn}: channel '${name}' must be finite, got ${v} at t = ${frame.t}`);
            counts[phaseBin(v, bins)]++;
            samples++;
          } else {
            if (v.length === 0) throw new Error(`${fn}: channel '${name}' is an empty array at t = ${frame.t}`);
            // check first, so that a bad entry leaves the counts untouched
            for (let i = 0; i < v.length; i++) {
              if (!Number.isFinite(v[i])) {
                throw new Error(`${fn}: channel '${name}' must be finite, got ${v[i]} at index ${i} at t = ${frame.t}`);
              }
            }
            for (let i = 0; i < v.length; i++) counts[phaseBin(v[i], bins)]++;
            samples += v.length;
          }
          return {
            t: frame.t,
            channels: {
              phase: arrayChannel(centers.slice(), [bins], { unit: 'rad' }),
              density: arrayChannel(densityOf(counts, samples), [bins], { unit: '1/rad' }),
              samples: realChannel(samples),
            },
          };
        }),
      );
    });
}
