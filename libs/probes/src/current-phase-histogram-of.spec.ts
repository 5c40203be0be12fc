import { describe, expect, it } from 'vitest';
import { channelValue, realChannel } from '@qsync/frames';
import type { Frame, SampleBlock, SampleRecord } from '@qsync/frames';
import { from, lastValueFrom, toArray } from 'rxjs';
import { operatorContract, sameBits } from '@qsync/testing';
import { currentPhaseHistogram } from './current-phase-histogram';
import { currentPhaseHistogramOf } from './current-phase-histogram-of';
import { heterodynePair, pairStream } from './test-support/heterodyne-pairs';
import { AWKWARD_SIZES } from './test-support/sample-stream';

const collect = (records: readonly (Frame | SampleRecord)[], op: ReturnType<typeof currentPhaseHistogramOf>): Promise<Frame[]> =>
  lastValueFrom(from(records).pipe(op, toArray()));
const arr = (f: Frame, name: string): Float64Array => channelValue(f, name, 'array').data;
const real = (f: Frame, name: string): number => channelValue(f, name, 'real').value;

const pair = { rA: 10, rB: 12, kappa: 1, dt: 0.01, mu: -2, k: 1 };
const n = 1000;
const { currentA, currentB } = heterodynePair(pair, n, 7);

describe('currentPhaseHistogramOf', () => {
  it('emits after every block what currentPhaseHistogram gives for the samples so far, however cut', async () => {
    for (const sizes of [[n], AWKWARD_SIZES, [64]]) {
      const records = pairStream(currentA, currentB, pair.dt, sizes);
      const out = await collect(records, currentPhaseHistogramOf({ channelA: 'A', channelB: 'B', bins: 12 }));
      expect(out).toHaveLength(records.length - 1);
      const ref = currentPhaseHistogram(currentA, currentB, { bins: 12 });
      const last = out[out.length - 1];
      expect(real(last, 'samples')).toBe(n);
      expect(last.t).toBeCloseTo((n - 1) * pair.dt, 12);
      for (const [channel, values] of [['density', ref.density], ['densityError', ref.densityError], ['counts', ref.counts], ['phase', ref.centers]] as const) {
        expect(sameBits(arr(last, channel), values)).toBe(true);
      }
      // live: an early frame is the histogram of its prefix
      const firstBlock = records[1] as SampleBlock;
      const m = firstBlock.length;
      const prefix = currentPhaseHistogram(currentA.subarray(0, 2 * m), currentB.subarray(0, 2 * m), { bins: 12 });
      expect(sameBits(arr(out[0], 'counts'), prefix.counts)).toBe(true);
    }
  });

  it('skips the transient t < tStart, inside a block as well', async () => {
    const records = pairStream(currentA, currentB, pair.dt, [100]);
    const tStart = 2.505; // sample 251 on
    const out = await collect(records, currentPhaseHistogramOf({ channelA: 'A', channelB: 'B', bins: 6, tStart }));
    const ref = currentPhaseHistogram(currentA.subarray(2 * 251), currentB.subarray(2 * 251), { bins: 6 });
    expect(out).toHaveLength(8); // blocks 2 … 9
    expect(sameBits(arr(out[out.length - 1], 'counts'), ref.counts)).toBe(true);
  });

  it('refuses bad options and streams by name', async () => {
    expect(() => currentPhaseHistogramOf({ channelA: 'A', channelB: 'A', bins: 4 })).toThrow(/'channelA' and 'channelB' must name two channels/);
    expect(() => currentPhaseHistogramOf({ channelA: '', channelB: 'B', bins: 4 })).toThrow(/'channelA'/);
    expect(() => currentPhaseHistogramOf({ channelA: 'A', channelB: 'B', bins: 1.5 })).toThrow(/'bins'/);
    const op = () => currentPhaseHistogramOf({ channelA: 'A', channelB: 'C', bins: 4 });
    await expect(collect(pairStream(currentA, currentB, pair.dt, [n]), op())).rejects.toThrow(/'C'/);
    await expect(collect([{ t: 0, channels: { A: realChannel(1) } }], op())).rejects.toThrow(/expects a sample stream/);
    const bad = currentB.slice();
    bad[2 * 30 + 1] = NaN;
    await expect(
      collect(pairStream(currentA, bad, pair.dt, [n]), currentPhaseHistogramOf({ channelA: 'A', channelB: 'B', bins: 4 })),
    ).rejects.toThrow(/channel 'B' must be finite, got NaN at sample 30/);
  });
});

const contract = pairStream(currentA, currentB, pair.dt, [10]);
operatorContract('currentPhaseHistogramOf', {
  operator: () => currentPhaseHistogramOf({ channelA: 'A', channelB: 'B', bins: 8 }),
  sample: contract[0],
  sampleAt: (i) => contract[Math.min(i, contract.length - 1)],
});
