/**
 * The options shared by `currentSpectrum` and `currentSpectrumOf`, and their checks.
 * Internal to the library (not in index.ts).
 */
import { assertPositive, assertPowerOfTwo, opt } from './assert';
import { resolveWindow } from './resolve-window';
import type { WindowName } from './window-function';

/** Options common to {@link currentSpectrum} and {@link currentSpectrumOf}. */
export interface CurrentSpectrumOptions {
  /** samples per segment L, a power of two ≥ 2; segments do not overlap (independent errors) */
  segmentLength: number;
  /** taper: a window name (periodic form) or L weights; default 'hann' */
  window?: WindowName | Float64Array;
  /**
   * lower edge ω_f > 0 of the floor band |ω| ≥ ω_f (rad per time unit) where the signal κS(ω)
   * is negligible against the detector noise; default π/(2Δt), the outer half of the band
   */
  floorFrom?: number;
}

/** The checked window and floor edge of the options (given the spacing dt). */
export function currentSpectrumSetup(
  fn: string,
  options: CurrentSpectrumOptions,
  dt: number,
): { window: Float64Array; floorFrom: number } {
  const L = options.segmentLength;
  assertPowerOfTwo(fn, opt('segmentLength'), L);
  const window = resolveWindow(fn, options.window ?? 'hann', L);
  const floorFrom = options.floorFrom ?? Math.PI / (2 * dt);
  assertPositive(fn, opt('floorFrom'), floorFrom);
  if (floorFrom > Math.PI / dt) {
    throw new Error(
      `${fn}: option 'floorFrom' (${floorFrom}) must not exceed the Nyquist frequency π/Δt = ${Math.PI / dt}: the floor band would be empty`,
    );
  }
  return { window, floorFrom };
}
