// Small pieces shared by the figure recipes (not exported from the library). The statistics they
// use (meanWithError, jackknife, meanSquaredT, hotellingT2, weightedSlope) live in @qsync/probes.
import { channelValue, type Frame } from '@qsync/frames';

/** n equally spaced points from lo to hi (both included; n = 1 gives [lo]). */
export function linspace(lo: number, hi: number, n: number): Float64Array {
  if (n === 1) return Float64Array.of(lo);
  return Float64Array.from({ length: n }, (_, k) => lo + ((hi - lo) * k) / (n - 1));
}

/** The data of an array channel of a frame (not a copy). */
export function arrayData(frame: Frame, name: string): Float64Array {
  return channelValue(frame, name, 'array').data;
}
