import { describe, expect, it } from 'vitest';
import { channelValue } from '@qsync/frames';
import type { Frame, SampleRecord } from '@qsync/frames';
import { from, lastValueFrom, toArray } from 'rxjs';
import { operatorContract, sameBits } from '@qsync/testing';
import { currentSpectrum } from './current-spectrum';
import { currentSpectrumOf } from './current-spectrum-of';
import { scalarFrames } from './test-support/frames';
import { heterodyneNoise } from './test-support/heterodyne-currents';
import { sampleStream } from './test-support/sample-stream';

const collect = (records: readonly (Frame | SampleRecord)[], op: ReturnType<typeof currentSpectrumOf>): Promise<Frame[]> =>
  lastValueFrom(from(records).pipe(op, toArray()));

const arr = (f: Frame, name: string): Float64Array => channelValue(f, name, 'array').data;
const real = (f: Frame, name: string): number => channelValue(f, name, 'real').value;

describe('currentSpectrumOf', () => {
  const dt = 0.1;
  const L = 16;
  const N = 5 * L + 7; // five segments and a tail
  const x = heterodyneNoise(N, dt, 3);

  it('equals currentSpectrum of the samples so far, bit for bit, whatever the block sizes', async () => {
    for (const sizes of [[N], [1], [7, 13, 3], [L], [100, 3, 61]]) {
      const out = await collect(sampleStream(x, 1, N, dt, true, sizes, 'I'), currentSpectrumOf({ channel: 'I', segmentLength: L }));
      const last = out[out.length - 1];
      const ref = currentSpectrum(x, { dt, segmentLength: L });
      expect(real(last, 'segments')).toBe(5);
      expect(sameBits(arr(last, 'density'), ref.density)).toBe(true);
      expect(sameBits(arr(last, 'densityError'), ref.densityError)).toBe(true);
      expect(sameBits(arr(last, 'omega'), ref.omega)).toBe(true);
      expect(real(last, 'floor')).toBe(ref.floor);
      expect(real(last, 'floorError')).toBe(ref.floorError);
      // emitted after the block that completed each segment, at the segment's last sample
      expect(last.t).toBeCloseTo((5 * L - 1) * dt, 12);
    }
    const perSample = await collect(sampleStream(x, 1, N, dt, true, [1], 'I'), currentSpectrumOf({ channel: 'I', segmentLength: L }));
    expect(perSample.map((f) => real(f, 'segments'))).toEqual([1, 2, 3, 4, 5]);
    const prefix = currentSpectrum(x.subarray(0, 2 * 4 * L), { dt, segmentLength: L });
    expect(sameBits(arr(perSample[3], 'density'), prefix.density)).toBe(true);
  });

  it('reads frames of a complex scalar channel as well', async () => {
    const out = await collect(scalarFrames(x, dt, true, 'I'), currentSpectrumOf({ channel: 'I', segmentLength: L }));
    expect(sameBits(arr(out[4], 'density'), currentSpectrum(x, { dt, segmentLength: L }).density)).toBe(true);
  });

  it('refuses bad options and streams by name', async () => {
    expect(() => currentSpectrumOf({ channel: '', segmentLength: L })).toThrow(/'channel'/);
    expect(() => currentSpectrumOf({ channel: 'I', segmentLength: 3 })).toThrow(/'segmentLength'/);
    expect(() => currentSpectrumOf({ channel: 'I', segmentLength: L, floorFrom: 0 })).toThrow(/'floorFrom'/);
    expect(() => currentSpectrumOf({ channel: 'I', segmentLength: L, window: 'nope' as 'hann' })).toThrow(/'window'/);
    const realX = new Float64Array(N);
    await expect(collect(sampleStream(realX, 1, N, dt, false, [N], 'I'), currentSpectrumOf({ channel: 'I', segmentLength: L }))).rejects.toThrow(
      /channel 'I' \(option 'channel'\) must be a complex scalar current, got a real channel/,
    );
    await expect(
      collect(sampleStream(x, 1, N, dt, true, [N], 'I'), currentSpectrumOf({ channel: 'I', segmentLength: L, floorFrom: 100 })),
    ).rejects.toThrow(/'floorFrom' \(100\) must not exceed the Nyquist frequency/);
    const bad = x.slice();
    bad[2 * 20] = Infinity;
    await expect(collect(sampleStream(bad, 1, N, dt, true, [N], 'I'), currentSpectrumOf({ channel: 'I', segmentLength: L }))).rejects.toThrow(
      /channel 'I' must be finite, got Infinity at t = 2/,
    );
    await expect(collect(sampleStream(x, 1, N, dt, true, [N], 'J'), currentSpectrumOf({ channel: 'I', segmentLength: L }))).rejects.toThrow(/'I'/);
  });
});

const contractStream = sampleStream(heterodyneNoise(64, 0.1, 9), 1, 64, 0.1, true, [4], 'I');
operatorContract('currentSpectrumOf', {
  operator: () => currentSpectrumOf({ channel: 'I', segmentLength: 4 }),
  sample: contractStream[0],
  sampleAt: (i) => contractStream[i % contractStream.length === 0 && i > 0 ? 1 : Math.min(i, contractStream.length - 1)],
});
