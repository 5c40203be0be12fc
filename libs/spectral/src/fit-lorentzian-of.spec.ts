import { describe, expect, it } from 'vitest';
import type { Frame } from '@qsync/frames';
import { arrayChannel, realChannel } from '@qsync/frames';
import { from, lastValueFrom, toArray } from 'rxjs';
import { expectClose, operatorContract } from '@qsync/testing';
import { fitLorentzian } from './fit-lorentzian';
import { fitLorentzianOf } from './fit-lorentzian-of';
import { realValue } from './test-support/frames';
import { testScheduler } from './test-support/test-scheduler';

const omega = Float64Array.from({ length: 201 }, (_, i) => -10 + 0.1 * i);
const line = (center: number, gamma: number, area: number, b = 0): Float64Array =>
  omega.map((w) => (area * 2 * gamma) / ((w - center) ** 2 + gamma * gamma) + b);
const spectrumFrame = (t: number, density: Float64Array, names = ['omega', 'density']): Frame => ({
  t,
  channels: {
    [names[0]]: arrayChannel(omega, [omega.length]),
    [names[1]]: arrayChannel(density, [density.length]),
  },
});

describe('fitLorentzianOf', () => {
  it('maps a spectrum frame to the fit, channel by channel (doc example)', async () => {
    const [f] = await lastValueFrom(
      from([spectrumFrame(2, line(1, 0.5, 3))]).pipe(fitLorentzianOf(), toArray()),
    );
    expect(f.t).toBe(2);
    expectClose(
      [realValue(f, 'center'), realValue(f, 'halfWidth'), realValue(f, 'area')],
      [1, 0.5, 3],
      { rtol: 1e-9 },
    );
    expect(Object.keys(f.channels).sort()).toEqual(
      [
        'area',
        'areaError',
        'center',
        'centerError',
        'halfWidth',
        'halfWidthError',
        'residualRms',
      ].sort(),
    );
  });

  it('equals fitLorentzian with the same options, background and channel names included', async () => {
    const density = line(-2, 0.8, 1.5, 0.3);
    for (let i = 0; i < density.length; i++) density[i] += 0.01 * Math.sin(7 * i); // not exact
    const config = { background: true, range: [-6, 2] as [number, number] };
    const ref = fitLorentzian(omega, density, config);
    const [f] = await lastValueFrom(
      from([spectrumFrame(0, density, ['w', 'S'])]).pipe(
        fitLorentzianOf({ ...config, omegaChannel: 'w', densityChannel: 'S' }),
        toArray(),
      ),
    );
    expect(f.channels).toEqual({
      center: realChannel(ref.center),
      halfWidth: realChannel(ref.halfWidth),
      area: realChannel(ref.area),
      centerError: realChannel(ref.uncertainties.center),
      halfWidthError: realChannel(ref.uncertainties.halfWidth),
      areaError: realChannel(ref.uncertainties.area),
      residualRms: realChannel(ref.residualRms),
      background: realChannel(ref.background ?? NaN),
      backgroundError: realChannel(ref.uncertainties.background ?? NaN),
    });
  });

  it('marbles: one fit per spectrum, when it arrives; completion and teardown pass through', () => {
    const a = spectrumFrame(0, line(0, 1, 1));
    const fit = fitLorentzian(omega, line(0, 1, 1));
    const x = {
      t: 0,
      channels: {
        center: realChannel(fit.center),
        halfWidth: realChannel(fit.halfWidth),
        area: realChannel(fit.area),
        centerError: realChannel(fit.uncertainties.center),
        halfWidthError: realChannel(fit.uncertainties.halfWidth),
        areaError: realChannel(fit.uncertainties.area),
        residualRms: realChannel(fit.residualRms),
      },
    };
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const src = cold<Frame>('-a-a-|', { a });
      expectObservable(src.pipe(fitLorentzianOf())).toBe('-x-x-|', { x });
      expectSubscriptions(src.subscriptions).toBe('^----!');
    });
  });

  it('errors the stream on a missing or non-real-array channel, or a failing fit', async () => {
    const run = (f: Frame) => lastValueFrom(from([f]).pipe(fitLorentzianOf()));
    await expect(run({ t: 1, channels: { omega: arrayChannel(omega, [201]) } })).rejects.toThrow(
      "fitLorentzianOf: channel 'density' (option 'densityChannel') is missing in the frame at t = 1; known channels: 'omega'",
    );
    await expect(
      run({ t: 1, channels: { omega: realChannel(1), density: arrayChannel(omega, [201]) } }),
    ).rejects.toThrow(
      "fitLorentzianOf: channel 'omega' (option 'omegaChannel') must be a real array channel, got kind 'real' at t = 1",
    );
    await expect(
      run({
        t: 1,
        channels: {
          omega: arrayChannel(omega, [201]),
          density: arrayChannel(new Float64Array(402), [201], { complex: true }),
        },
      }),
    ).rejects.toThrow(
      "fitLorentzianOf: channel 'density' (option 'densityChannel') must be a real array channel, got a complex array at t = 1",
    );
    await expect(run(spectrumFrame(0, new Float64Array(201)))).rejects.toThrow(
      "fitLorentzian: argument 'density' has no peak to start from",
    );
  });

  it('rejects bad channel names when the operator is made', () => {
    expect(() => fitLorentzianOf({ omegaChannel: '' })).toThrow(
      "fitLorentzianOf: option 'omegaChannel' must be a non-empty channel name, got ",
    );
    expect(() => fitLorentzianOf({ densityChannel: 1 as unknown as string })).toThrow(
      "fitLorentzianOf: option 'densityChannel' must be a non-empty channel name, got 1",
    );
    expect(() => fitLorentzianOf('x' as unknown as object)).toThrow(
      "fitLorentzianOf: argument 'config' must be an object, got x",
    );
  });
});

operatorContract('fitLorentzianOf', { operator: () => fitLorentzianOf(), sample: spectrumFrame(0, line(0, 1, 1)) });
