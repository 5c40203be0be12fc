import { defer, filter, map } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import { SampleStreamReader, arrayChannel, realChannel } from '@qsync/frames';
import type { Frame, SampleBlock, SampleRecord, StreamRecord } from '@qsync/frames';
import { assertBins, currentPhaseHistogramOfCounts, phaseDifferenceBin } from './current-phase-support';
import { firstSampleFrom } from './kept-samples-support';
import { assertChannelName, streamStart } from './series-support';

/** Options of {@link currentPhaseHistogramOf}. */
export interface CurrentPhaseHistogramOfConfig {
  /** complex scalar column of I_A in the sample stream */
  channelA: string;
  /** complex scalar column of I_B */
  channelB: string;
  /** number of bins on (−π, π], integer ≥ 1 */
  bins: number;
  /** samples with t < tStart are the transient: not counted; default: count all */
  tStart?: number;
}

/**
 * Running histogram of the measured phase difference φ^m_AB = arg[I_B/I_A] of two heterodyne
 * currents (thesis Eqs. 4.15, 4.49), live over the blocks of a sample stream (a schema, then
 * blocks; see @qsync/frames) that carries both currents as complex scalar columns. The binning,
 * sign convention (φ^m_AB estimates φ_AB = φ_A − φ_B of Q(φ_AB), Eq. 4.11) and errors are those
 * of {@link currentPhaseHistogram}; after each block that brought counted samples it emits a
 * frame at the time of the block's last sample with
 * - `phase`: bin centers (rad), `density`: the normalised histogram of everything counted so far
 *   (1/rad), `densityError`: its standard error for independent samples, `counts`: samples per bin,
 *   all real arrays of shape [bins];
 * - `samples`: the number of samples counted.
 * The numbers equal `currentPhaseHistogram` of all samples counted so far, however the stream was
 * cut into blocks. Memory: the counts only; blocks are read in place.
 *
 * @param config - `{ channelA, channelB, bins, tStart }`
 * @returns an operator SampleRecord → Frame; it errors (naming the channel) when a frame arrives
 *   (a sample stream is expected), when a channel is missing, not a complex scalar, not finite,
 *   or the stream breaks its schema (see SampleStreamReader)
 * @throws Error naming `config`, `channelA`, `channelB`, `bins` or `tStart` when an option is invalid
 * @example
 * const schema = streamSchema({ channels: { A: { kind: 'complex' }, B: { kind: 'complex' } }, rate: 10 });
 * const block = sampleBlock({ t0: 0, dt: 0.1, columns: { A: { kind: 'complex', data: Float64Array.of(1, 0, 0, 1) }, B: { kind: 'complex', data: Float64Array.of(0, 1, 0, 1) } } });
 * const [h] = await lastValueFrom(of(schema, block).pipe(currentPhaseHistogramOf({ channelA: 'A', channelB: 'B', bins: 4 }), toArray()));
 * // φ^m = π/2 (bin 2 of 4) and 0 (bin 1: bins are (−π + kπ/2, −π + (k + 1)π/2])
 * channelValue(h, 'counts', 'array').data; // Float64Array [0, 1, 1, 0]
 * [h.t, channelValue(h, 'samples', 'real').value]; // [0.1, 2]
 */
export function currentPhaseHistogramOf(config: CurrentPhaseHistogramOfConfig): OperatorFunction<StreamRecord, Frame> {
  const fn = 'currentPhaseHistogramOf';
  if (config == null || typeof config !== 'object') {
    throw new Error(`${fn}: argument 'config' must be an object { channelA, channelB, bins, tStart? }, got ${String(config)}`);
  }
  const { channelA, channelB, bins } = config;
  for (const [option, name] of [['channelA', channelA], ['channelB', channelB]] as const) {
    if (typeof name !== 'string' || name.length === 0) {
      throw new Error(`${fn}: option '${option}' must be a non-empty channel name, got ${String(name)}`);
    }
  }
  assertChannelName(fn, channelA);
  if (channelA === channelB) throw new Error(`${fn}: options 'channelA' and 'channelB' must name two channels, both are '${channelA}'`);
  assertBins(fn, bins);
  const tStart = streamStart(fn, config.tStart);
  return (source) =>
    defer(() => {
      const readerA = new SampleStreamReader({ caller: fn, channel: channelA, kind: 'complex', scalar: true, option: 'channelA' });
      const readerB = new SampleStreamReader({ caller: fn, channel: channelB, kind: 'complex', scalar: true, option: 'channelB' });
      const counts = new Float64Array(bins);
      let samples = 0;
      return source.pipe(
        map((record): Frame | null => {
          const what = readerA.read(record);
          if (what === 'frame') {
            throw new Error(`${fn}: expects a sample stream (schema, then blocks) carrying '${channelA}' and '${channelB}', got a frame at t = ${(record as Frame).t}`);
          }
          readerB.read(record as SampleRecord);
          if (what === 'schema') return null;
          const block = record as SampleBlock;
          const first = firstSampleFrom(block, tStart);
          const n = block.length;
          if (first === n) return null;
          const a = readerA.data;
          const b = readerB.data;
          for (let j = 2 * first; j < 2 * n; j++) {
            if (!Number.isFinite(a[j])) throw readerA.notFinite(j >> 1, 0, a[j]);
            if (!Number.isFinite(b[j])) throw readerB.notFinite(j >> 1, 0, b[j]);
          }
          for (let j = 2 * first; j < 2 * n; j += 2) {
            const k = phaseDifferenceBin(a[j], a[j + 1], b[j], b[j + 1], bins);
            if (k < 0) continue;
            counts[k]++;
            samples++;
          }
          if (samples === 0) return null;
          const h = currentPhaseHistogramOfCounts(counts, samples);
          return {
            t: block.t0 + (n - 1) * block.dt,
            channels: {
              phase: arrayChannel(h.centers, [bins], { unit: 'rad' }),
              density: arrayChannel(h.density, [bins], { unit: '1/rad' }),
              densityError: arrayChannel(h.densityError, [bins], { unit: '1/rad' }),
              counts: arrayChannel(h.counts, [bins]),
              samples: realChannel(samples),
            },
          };
        }),
        filter((f): f is Frame => f !== null),
      );
    });
}
