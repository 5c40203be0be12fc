import { realChannel } from '@qsync/frames';
import type { Frame, RealChannel } from '@qsync/frames';
import { map } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import { arg, assertObject } from './assert';
import { fitLorentzian } from './fit-lorentzian';
import type { FitLorentzianConfig } from './fit-lorentzian';
import { assertChannelName, readSpectrum } from './stream-internal';

/** Options of {@link fitLorentzianOf}: those of `fitLorentzian` plus the input channel names. */
export interface FitLorentzianOfConfig extends FitLorentzianConfig {
  /** real array channel of angular frequencies; default `'omega'` */
  omegaChannel?: string;
  /** real array channel of the density; default `'density'` */
  densityChannel?: string;
}

/**
 * Fits a Lorentzian to every spectrum frame of a stream (e.g. the output of `welchOf`):
 * the operator form of `fitLorentzian`. Each frame with real array channels `omega` and
 * `density` becomes a frame at the same t with real channels `center`, `halfWidth`, `area`,
 * their standard errors `centerError`, `halfWidthError`, `areaError`, `residualRms`, and with
 * `background: true` also `background` and `backgroundError`.
 *
 * @param config - options of `fitLorentzian` plus `{ omegaChannel = 'omega', densityChannel = 'density' }`
 * @returns an operator Frame → Frame; the stream errors when a channel is missing or not a real
 *   array, or when a fit fails (the message of `fitLorentzian`)
 * @throws Error naming `omegaChannel` or `densityChannel` when they are not channel names
 * @example
 * // a Lorentzian of area 3, center 1 and half width 0.5, sampled on −10, −9.9, …, 10
 * const omega = Float64Array.from({ length: 201 }, (_, i) => -10 + 0.1 * i);
 * const density = omega.map((w) => (3 * 2 * 0.5) / ((w - 1) ** 2 + 0.25));
 * const spectrum = { t: 0, channels: { omega: arrayChannel(omega, [201]), density: arrayChannel(density, [201]) } };
 * const fit = await lastValueFrom(of(spectrum).pipe(fitLorentzianOf()));
 * ['center', 'halfWidth', 'area'].map((c) => channelValue(fit, c, 'real').value); // ≈ [1.00000000, 0.50000000, 3.00000000]
 */
export function fitLorentzianOf(config: FitLorentzianOfConfig = {}): OperatorFunction<Frame, Frame> {
  const fn = 'fitLorentzianOf';
  assertObject(fn, arg('config'), config);
  const { omegaChannel = 'omega', densityChannel = 'density', ...fitConfig } = config;
  assertChannelName(fn, 'omegaChannel', omegaChannel);
  assertChannelName(fn, 'densityChannel', densityChannel);
  return map((frame: Frame): Frame => {
    const { omega, density } = readSpectrum(fn, frame, omegaChannel, densityChannel);
    const fit = fitLorentzian(omega, density, fitConfig);
    const channels: Record<string, RealChannel> = {
      center: realChannel(fit.center),
      halfWidth: realChannel(fit.halfWidth),
      area: realChannel(fit.area),
      centerError: realChannel(fit.uncertainties.center),
      halfWidthError: realChannel(fit.uncertainties.halfWidth),
      areaError: realChannel(fit.uncertainties.area),
      residualRms: realChannel(fit.residualRms),
    };
    if (fit.background !== undefined && fit.uncertainties.background !== undefined) {
      channels.background = realChannel(fit.background);
      channels.backgroundError = realChannel(fit.uncertainties.background);
    }
    return { t: frame.t, channels };
  });
}
