import { describe, expect, it } from 'vitest';
import type { Frame } from '@qsync/frames';
import { arrayChannel, realChannel } from '@qsync/frames';
import { operatorContract } from '@qsync/testing';
import { from, lastValueFrom, toArray } from 'rxjs';
import { dominantFrequency } from './dominant-frequency';
import { dominantFrequencyOf } from './dominant-frequency-of';
import { scalarFrames } from './test-support/frames';
import { complexWhiteNoise } from './test-support/signals';
import { welch } from './welch';
import { welchOf } from './welch-of';
import { testScheduler } from './test-support/test-scheduler';

const spectrumFrame = (
  t: number,
  omega: number[],
  density: number[],
  names = ['omega', 'density'],
): Frame => ({
  t,
  channels: {
    [names[0]]: arrayChannel(Float64Array.from(omega), [omega.length]),
    [names[1]]: arrayChannel(Float64Array.from(density), [density.length]),
  },
});

describe('dominantFrequencyOf', () => {
  it('maps a spectrum frame to its refined peak (doc example)', async () => {
    const out = await lastValueFrom(
      from([spectrumFrame(5, [0, 1, 2, 3], [0, 3, 4, 1])]).pipe(dominantFrequencyOf(), toArray()),
    );
    expect(out).toEqual([
      { t: 5, channels: { peakOmega: realChannel(1.75), peakDensity: realChannel(4.125) } },
    ]);
  });

  it('after welchOf equals dominantFrequency of welch (custom channel names too)', async () => {
    const x = complexWhiteNoise(64, 1, 8);
    for (let n = 0; n < 64; n++) x[2 * n] += 2 * Math.cos(0.9 * n); // a line at ±0.9
    const frames = scalarFrames(x, 1, true);
    const out = await lastValueFrom(
      from(frames).pipe(
        welchOf({ channel: 'x', segmentLength: 16 }),
        dominantFrequencyOf(),
        toArray(),
      ),
    );
    const ref = welch(x, { dt: 1, segmentLength: 16, complex: true });
    const peak = dominantFrequency(ref.omega, ref.density);
    expect(out[out.length - 1].channels).toEqual({
      peakOmega: realChannel(peak.omega),
      peakDensity: realChannel(peak.density),
    });
    const renamed = await lastValueFrom(
      from([spectrumFrame(0, [0, 1, 2], [1, 2, 1], ['w', 'S'])]).pipe(
        dominantFrequencyOf({ omegaChannel: 'w', densityChannel: 'S' }),
      ),
    );
    expect(renamed.channels).toEqual({ peakOmega: realChannel(1), peakDensity: realChannel(2) });
  });

  it('marbles: one peak per spectrum, when it arrives; completion and teardown pass through', () => {
    const a = spectrumFrame(0, [0, 1, 2], [1, 2, 1]);
    const x = { t: 0, channels: { peakOmega: realChannel(1), peakDensity: realChannel(2) } };
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const src = cold<Frame>('-a-a-|', { a });
      expectObservable(src.pipe(dominantFrequencyOf())).toBe('-x-x-|', { x });
      expectSubscriptions(src.subscriptions).toBe('^----!');
    });
  });

  it('errors the stream on a missing channel or an invalid spectrum', async () => {
    await expect(
      lastValueFrom(from([{ t: 0, channels: {} }]).pipe(dominantFrequencyOf())),
    ).rejects.toThrow(
      "dominantFrequencyOf: channel 'omega' (option 'omegaChannel') is missing in the frame at t = 0; known channels: (none)",
    );
    await expect(
      lastValueFrom(from([spectrumFrame(0, [1, 0], [1, 2])]).pipe(dominantFrequencyOf())),
    ).rejects.toThrow("dominantFrequency: argument 'omega' must increase strictly");
  });

  it('rejects bad channel names when the operator is made', () => {
    expect(() => dominantFrequencyOf({ densityChannel: '' })).toThrow(
      "dominantFrequencyOf: option 'densityChannel' must be a non-empty channel name, got ",
    );
    expect(() => dominantFrequencyOf(null as unknown as object)).toThrow(
      "dominantFrequencyOf: argument 'config' must be an object, got null",
    );
  });
});

operatorContract('dominantFrequencyOf', {
  operator: () => dominantFrequencyOf(),
  sample: spectrumFrame(0, [0, 1, 2], [1, 2, 1]),
});
