import { realChannel } from '@qsync/frames';
import type { Frame } from '@qsync/frames';
import { map } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import { arg, assertObject } from './assert';
import { dominantFrequency } from './dominant-frequency';
import { assertChannelName, readSpectrum } from './stream-internal';

/** Options of {@link dominantFrequencyOf}. */
export interface DominantFrequencyOfConfig {
  /** real array channel of angular frequencies; default `'omega'` */
  omegaChannel?: string;
  /** real array channel of the density; default `'density'` */
  densityChannel?: string;
}

/**
 * The peak of every spectrum frame of a stream (e.g. the output of `welchOf`): the
 * operator form of `dominantFrequency`. Each frame becomes a frame at the same t with real
 * channels `peakOmega` (rad per time unit, parabolic refinement) and `peakDensity`.
 *
 * @param config - `{ omegaChannel = 'omega', densityChannel = 'density' }`
 * @returns an operator Frame → Frame; the stream errors when a channel is missing or not a real
 *   array, or holds an invalid spectrum (the message of `dominantFrequency`)
 * @throws Error naming `omegaChannel` or `densityChannel` when they are not channel names
 * @example
 * const spectrum = { t: 0, channels: { omega: arrayChannel(Float64Array.of(0, 1, 2, 3), [4]), density: arrayChannel(Float64Array.of(0, 3, 4, 1), [4]) } };
 * const peak = await lastValueFrom(of(spectrum).pipe(dominantFrequencyOf()));
 * [channelValue(peak, 'peakOmega', 'real').value, channelValue(peak, 'peakDensity', 'real').value]; // [1.75, 4.125] — the parabola through (1, 3), (2, 4), (3, 1)
 */
export function dominantFrequencyOf(
  config: DominantFrequencyOfConfig = {},
): OperatorFunction<Frame, Frame> {
  const fn = 'dominantFrequencyOf';
  assertObject(fn, arg('config'), config);
  const { omegaChannel = 'omega', densityChannel = 'density' } = config;
  assertChannelName(fn, 'omegaChannel', omegaChannel);
  assertChannelName(fn, 'densityChannel', densityChannel);
  return map((frame: Frame): Frame => {
    const { omega, density } = readSpectrum(fn, frame, omegaChannel, densityChannel);
    const peak = dominantFrequency(omega, density);
    return {
      t: frame.t,
      channels: { peakOmega: realChannel(peak.omega), peakDensity: realChannel(peak.density) },
    };
  });
}
