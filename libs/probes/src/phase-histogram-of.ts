import { defer } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import { SampleStreamReader, arrayChannel, realChannel } from '@qsync/frames';
import type { Frame, StreamRecord } from '@qsync/frames';
import { binCenters, binsOption, densityOf, phaseBin } from './phase-histogram-support';
import { keptSamplesOf } from './kept-samples-support';
import { assertChannelName, readRealOrArray, streamStart } from './series-support';

/** Options of {@link phaseHistogramOf}. */
export interface PhaseHistogramOfConfig {
  /**
   * name of the phase channel: in frames a real scalar, or a real array of phases (e.g. one per
   * realization); in a sample stream a real column of any shape (all its entries are counted)
   */
  channel: string;
  /** number of bins on [−π, π), integer ≥ 1 */
  bins: number;
  /** samples with t < tStart are the transient: not counted, nothing emitted for them; default: count all */
  tStart?: number;
}

/**
 * Running phase histogram of a stream: the streaming form of {@link phaseHistogram}, for P(φ)
 * or, fed φ_AB, P(φ_AB) in the long-time limit (thesis Sec. 2.2.2). It reads frames (one sample
 * each) or a sample stream (a schema, then blocks of samples at t0 + k·dt; see @qsync/frames).
 * Every sample at t ≥ tStart adds its phase (a real scalar) or all its phases (a real array
 * channel or a column of shape [R], e.g. one phase per realization) to the counts; after each
 * frame, or each block, that brought at least one counted sample it emits a frame at the time of
 * its last sample with
 * - `phase`: array channel of the bin centers −π + (k + ½)Δφ (rad), shape [bins],
 * - `density`: array channel of the normalised histogram of everything counted so far (1/rad),
 *   shape [bins], Σ density·Δφ = 1,
 * - `samples`: real channel, the number of phases counted.
 * The numbers equal `phaseHistogram` of all phases counted so far, bit for bit, however the
 * samples were cut into blocks. A block is read in place; the emitted arrays are fresh for every
 * frame; the counts are kept per subscription.
 *
 * @param config - `{ channel, bins, tStart }`
 * @returns an operator (Frame | SampleRecord) → Frame; it errors (naming the channel or the times)
 *   when the channel is missing, complex, empty or not finite, when frame times decrease, when a
 *   sample stream breaks its schema (a block before it, a second one, a column missing or of
 *   another kind, a gap between blocks), or when frames and sample-stream records are mixed
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
 * // a sample stream: 3 samples of 2 realizations (shape [2]) in one block, [sample][realization]
 * const schema = streamSchema({ channels: { phi: { kind: 'real', shape: [2], unit: 'rad' } }, rate: 10 });
 * const block = sampleBlock({ t0: 0, dt: 0.1, columns: { phi: { kind: 'real', shape: [2], unit: 'rad', data: Float64Array.of(0.1, 3, -3, 1, 2, -1) } } });
 * const [last] = await lastValueFrom(of(schema, block).pipe(phaseHistogramOf({ channel: 'phi', bins: 4 }), toArray()));
 * [last.t, channelValue(last, 'samples', 'real').value]; // [0.2, 6] — the time of the block's last sample
 * // counts [1, 1, 2, 2] of 6 phases
 * channelValue(last, 'density', 'array').data; // Float64Array [1 / (3 * Math.PI), 1 / (3 * Math.PI), 2 / (3 * Math.PI), 2 / (3 * Math.PI)]
 */
export function phaseHistogramOf(config: PhaseHistogramOfConfig): OperatorFunction<StreamRecord, Frame> {
  const fn = 'phaseHistogramOf';
  const bins = binsOption(fn, config, '{ channel, bins, tStart? }');
  const name = config.channel;
  assertChannelName(fn, name);
  const tStart = streamStart(fn, config.tStart);
  const centers = binCenters(bins);
  return (source) =>
    defer(() => {
      const counts = new Float64Array(bins);
      const reader = new SampleStreamReader({ caller: fn, channel: name, kind: 'real' });
      let samples = 0;
      return keptSamplesOf(source, fn, reader, tStart, {
        frame: (frame) => {
          const v = readRealOrArray(fn, frame, name);
          if (typeof v === 'number') {
            if (!Number.isFinite(v)) throw new Error(`${fn}: channel '${name}' must be finite, got ${v} at t = ${frame.t}`);
            counts[phaseBin(v, bins)]++;
            samples++;
            return;
          }
          if (v.length === 0) throw new Error(`${fn}: channel '${name}' is an empty array at t = ${frame.t}`);
          // check first, so that a bad entry leaves the counts untouched
          for (let i = 0; i < v.length; i++) {
            if (!Number.isFinite(v[i])) {
              throw new Error(`${fn}: channel '${name}' must be finite, got ${v[i]} at index ${i} at t = ${frame.t}`);
            }
          }
          for (let i = 0; i < v.length; i++) counts[phaseBin(v[i], bins)]++;
          samples += v.length;
        },
        block: (block, first) => {
          const data = reader.data;
          const entries = reader.entries;
          // [sample][entry]: the counted samples are one contiguous range of the column
          for (let j = first * entries, end = block.length * entries; j < end; j++) {
            const phi = data[j];
            if (!Number.isFinite(phi)) throw reader.notFinite(Math.floor(j / entries), j % entries, phi);
            counts[phaseBin(phi, bins)]++;
          }
          samples += (block.length - first) * entries;
        },
        output: (t) => ({
          t,
          channels: {
            phase: arrayChannel(centers.slice(), [bins], { unit: 'rad' }),
            density: arrayChannel(densityOf(counts, samples), [bins], { unit: '1/rad' }),
            samples: realChannel(samples),
          },
        }),
      });
    });
}
