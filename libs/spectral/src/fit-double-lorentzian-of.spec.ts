import { describe, expect, it } from 'vitest';
import type { Frame } from '@qsync/frames';
import { arrayChannel, realChannel } from '@qsync/frames';
import { from, lastValueFrom, toArray } from 'rxjs';
import { expectClose, operatorContract } from '@qsync/testing';
import { fitDoubleLorentzian } from './fit-double-lorentzian';
import { fitDoubleLorentzianOf } from './fit-double-lorentzian-of';
import { realValue } from './test-support/frames';
import { testScheduler } from './test-support/test-scheduler';

const omega = Float64Array.from({ length: 501 }, (_, i) => -5 + 0.02 * i);
/** Eq. 7.12 written out. */
const pair = (a: number, dv: number, d: number, b = 0): Float64Array =>
  omega.map((w) => (a / Math.PI) * (dv / (dv * dv + (w - d) ** 2) + dv / (dv * dv + (w + d) ** 2)) + b);
const spectrumFrame = (t: number, density: Float64Array, names = ['omega', 'density']): Frame => ({
  t,
  channels: {
    [names[0]]: arrayChannel(omega, [omega.length]),
    [names[1]]: arrayChannel(density, [density.length]),
  },
});

describe('fitDoubleLorentzianOf', () => {
  it('maps each spectrum frame to its fit, at the same t (a shift that shrinks over time)', async () => {
    const frames = [0, 1, 2].map((t) => spectrumFrame(t, pair(1, 0.2, 1.5 * Math.exp(-t / 2))));
    const fits = await lastValueFrom(from(frames).pipe(fitDoubleLorentzianOf(), toArray()));
    expect(fits.map((f) => f.t)).toEqual([0, 1, 2]);
    fits.forEach((f, t) =>
      expectClose(
        [realValue(f, 'amplitude'), realValue(f, 'linewidth'), realValue(f, 'shift')],
        [1, 0.2, 1.5 * Math.exp(-t / 2)],
        { rtol: 1e-9 },
      ),
    );
    expect(Object.keys(fits[0].channels).sort()).toEqual(
      ['amplitude', 'amplitudeError', 'linewidth', 'linewidthError', 'residualRms', 'shift', 'shiftError'].sort(),
    );
  });

  it('equals fitDoubleLorentzian with the same options, background and channel names included', async () => {
    const density = pair(0.7, 0.3, 1.1, 0.02);
    for (let i = 0; i < density.length; i++) density[i] += 0.001 * Math.sin(7 * i);
    const config = { background: true, range: [-4, 4] as [number, number] };
    const ref = fitDoubleLorentzian(omega, density, config);
    const [f] = await lastValueFrom(
      from([spectrumFrame(0, density, ['w', 'S'])]).pipe(
        fitDoubleLorentzianOf({ ...config, omegaChannel: 'w', densityChannel: 'S' }),
        toArray(),
      ),
    );
    expect(f.channels).toEqual({
      amplitude: realChannel(ref.amplitude),
      linewidth: realChannel(ref.linewidth),
      shift: realChannel(ref.shift),
      amplitudeError: realChannel(ref.uncertainties.amplitude),
      linewidthError: realChannel(ref.uncertainties.linewidth),
      shiftError: realChannel(ref.uncertainties.shift),
      residualRms: realChannel(ref.residualRms),
      background: realChannel(ref.background ?? NaN),
      backgroundError: realChannel(ref.uncertainties.background ?? NaN),
    });
  });

  it('marbles: one fit per spectrum, when it arrives; completion and teardown pass through', () => {
    const a = spectrumFrame(0, pair(1, 0.3, 1));
    const fit = fitDoubleLorentzian(omega, pair(1, 0.3, 1));
    const x = {
      t: 0,
      channels: {
        amplitude: realChannel(fit.amplitude),
        linewidth: realChannel(fit.linewidth),
        shift: realChannel(fit.shift),
        amplitudeError: realChannel(fit.uncertainties.amplitude),
        linewidthError: realChannel(fit.uncertainties.linewidth),
        shiftError: realChannel(fit.uncertainties.shift),
        residualRms: realChannel(fit.residualRms),
      },
    };
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const src = cold<Frame>('-a-a-|', { a });
      expectObservable(src.pipe(fitDoubleLorentzianOf())).toBe('-x-x-|', { x });
      expectSubscriptions(src.subscriptions).toBe('^----!');
    });
  });

  it('errors the stream on a missing channel or a failing fit, and rejects bad channel names', async () => {
    const run = (f: Frame) => lastValueFrom(from([f]).pipe(fitDoubleLorentzianOf()));
    await expect(run({ t: 1, channels: { omega: arrayChannel(omega, [501]) } })).rejects.toThrow(
      "fitDoubleLorentzianOf: channel 'density' (option 'densityChannel') is missing in the frame at t = 1; known channels: 'omega'",
    );
    await expect(run(spectrumFrame(0, new Float64Array(501)))).rejects.toThrow(
      "fitDoubleLorentzian: argument 'density' has no peak to start from",
    );
    expect(() => fitDoubleLorentzianOf({ omegaChannel: '' })).toThrow(
      "fitDoubleLorentzianOf: option 'omegaChannel' must be a non-empty channel name, got ",
    );
    expect(() => fitDoubleLorentzianOf('x' as unknown as object)).toThrow(
      "fitDoubleLorentzianOf: argument 'config' must be an object, got x",
    );
  });
});

operatorContract('fitDoubleLorentzianOf', { operator: () => fitDoubleLorentzianOf(), sample: spectrumFrame(0, pair(1, 0.3, 1)) });
