import { realChannel } from '@qsync/frames';
import type { Frame, RealChannel } from '@qsync/frames';
import { map } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import { arg, assertObject } from './assert';
import { fitDoubleLorentzian } from './fit-double-lorentzian';
import type { FitDoubleLorentzianConfig } from './fit-double-lorentzian';
import { assertChannelName, readSpectrum } from './stream-internal';

/** Options of {@link fitDoubleLorentzianOf}: those of `fitDoubleLorentzian` plus the input channel names. */
export interface FitDoubleLorentzianOfConfig extends FitDoubleLorentzianConfig {
  /** real array channel of angular frequencies; default `'omega'` */
  omegaChannel?: string;
  /** real array channel of the density; default `'density'` */
  densityChannel?: string;
}

/**
 * Fits the double Lorentzian of Eq. 7.12 to every spectrum frame of a stream (e.g. time-resolved
 * spectra S(t, ω), Eq. 7.16): the operator form of `fitDoubleLorentzian`. Each frame with real
 * array channels `omega` and `density` becomes a frame at the same t with real channels
 * `amplitude`, `linewidth`, `shift`, their standard errors `amplitudeError`, `linewidthError`,
 * `shiftError`, `residualRms`, and with `background: true` also `background` and `backgroundError`.
 *
 * @param config - options of `fitDoubleLorentzian` plus `{ omegaChannel = 'omega', densityChannel = 'density' }`
 * @returns an operator Frame → Frame; the stream errors when a channel is missing or not a real
 *   array, or when a fit fails (the message of `fitDoubleLorentzian`)
 * @throws Error naming `omegaChannel` or `densityChannel` when they are not channel names
 * @example
 * // lines of amplitude 2 and half width 0.3 at ±1.5, sampled on −5, −4.98, …, 5
 * const omega = Float64Array.from({ length: 501 }, (_, i) => -5 + 0.02 * i);
 * const line = (w: number) => 0.3 / (0.09 + w * w);
 * const density = omega.map((w) => (2 / Math.PI) * (line(w - 1.5) + line(w + 1.5)));
 * const spectrum = { t: 0, channels: { omega: arrayChannel(omega, [501]), density: arrayChannel(density, [501]) } };
 * const fit = await lastValueFrom(of(spectrum).pipe(fitDoubleLorentzianOf()));
 * ['amplitude', 'linewidth', 'shift'].map((c) => channelValue(fit, c, 'real').value); // ≈ [2.00000000, 0.30000000, 1.50000000]
 */
export function fitDoubleLorentzianOf(
  config: FitDoubleLorentzianOfConfig = {},
): OperatorFunction<Frame, Frame> {
  const fn = 'fitDoubleLorentzianOf';
  assertObject(fn, arg('config'), config);
  const { omegaChannel = 'omega', densityChannel = 'density', ...fitConfig } = config;
  assertChannelName(fn, 'omegaChannel', omegaChannel);
  assertChannelName(fn, 'densityChannel', densityChannel);
  return map((frame: Frame): Frame => {
    const { omega, density } = readSpectrum(fn, frame, omegaChannel, densityChannel);
    const fit = fitDoubleLorentzian(omega, density, fitConfig);
    const channels: Record<string, RealChannel> = {
      amplitude: realChannel(fit.amplitude),
      linewidth: realChannel(fit.linewidth),
      shift: realChannel(fit.shift),
      amplitudeError: realChannel(fit.uncertainties.amplitude),
      linewidthError: realChannel(fit.uncertainties.linewidth),
      shiftError: realChannel(fit.uncertainties.shift),
      residualRms: realChannel(fit.residualRms),
    };
    if (fit.background !== undefined && fit.uncertainties.background !== undefined) {
      channels.background = realChannel(fit.background);
      channels.backgroundError = realChannel(fit.uncertainties.background);
    }
    return { t: frame.t, channels };
  });
}
