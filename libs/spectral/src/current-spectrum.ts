import { arg, assertObject, assertPositive, opt } from './assert';
import { CurrentSpectrumAccumulator } from './current-spectrum-accumulator';
import type { CurrentSpectrum } from './current-spectrum-accumulator';
import { currentSpectrumSetup } from './current-spectrum-options';
import type { CurrentSpectrumOptions } from './current-spectrum-options';
import { readSignal } from './signal-input';
import type { SignalInput } from './signal-input';

/** Options of {@link currentSpectrum}. */
export interface CurrentSpectrumConfig extends CurrentSpectrumOptions {
  /** sample spacing Δt > 0 of the current */
  dt: number;
}

/**
 * The measured spectrum of a complex detector current with its noise floor (thesis Eq. 4.16):
 * S^m(ω) = ∫dτ e^{−iωτ}E[I*(t+τ)I(t)], which for the heterodyne current
 * I = √κ⟨a⟩ + √(1/2)(dW_x + i dW_y)/dt is κS(ω) + 1, S(ω) the spectrum of Eq. (4.12).
 *
 * Estimated by Welch averaging of non-overlapping segments (so the segments are independent and
 * their spread gives the error): each segment of L samples is tapered and its periodogram of I*
 * taken, S_s(ω) = Δt|Σ_n w_n I*_n e^{−iωnΔt}|²/Σw_n², two-sided, angular, with the sign and
 * frequency conventions of QuTiP's `spectrum` (as `steadyStateSpectrum`: a mode rotating as
 * e^{−iω₀t} in ⟨a⟩ gives a peak at +ω₀). With this normalisation the detector's white noise
 * (E|I_n|² = 1/Δt per sample) gives exactly 1 at every ω. The noise floor is the mean of S^m
 * over the band |ω| ≥ floorFrom, its error from the spread of the per-segment band means; the
 * signal estimate is then (density − floor)/κ. Errors are standard errors of the mean over the
 * segments (the per-bin relative error is ≈ 1/√segments). A tail shorter than a segment is dropped.
 *
 * @param current - the current: interleaved (re, im) Float64Array, or a complex scalar block column
 * @param config - `{ dt, segmentLength, window = 'hann', floorFrom = π/(2Δt) }`
 * @returns `{ omega, density, densityError, floor, floorError, floorBins, segments }`
 * @throws Error naming `current`, `config`, `dt`, `segmentLength`, `window` or `floorFrom` when not
 *   as described, or when the current is shorter than one segment or not finite
 * @example
 * // 8 samples of I = e^{−iπn/2}/√Δt (Δt = 1, rectangular window, L = 4): a line at ω = +π/2
 * const x = Float64Array.of(1, 0, 0, -1, -1, 0, 0, 1, 1, 0, 0, -1, -1, 0, 0, 1);
 * const s = currentSpectrum(x, { dt: 1, segmentLength: 4, window: 'rectangular', floorFrom: Math.PI });
 * s.omega; // [-Math.PI, -Math.PI / 2, 0, Math.PI / 2]
 * s.density; // [0, 0, 0, 4]
 * [s.segments, s.floor, s.floorBins]; // [2, 0, 1]
 */
export function currentSpectrum(current: SignalInput, config: CurrentSpectrumConfig): CurrentSpectrum {
  const fn = 'currentSpectrum';
  assertObject(fn, arg('config'), config);
  assertPositive(fn, opt('dt'), config.dt);
  const { data, complex, samples } = readSignal(fn, arg('current'), current, current instanceof Float64Array ? true : undefined);
  if (!complex) throw new Error(`${fn}: argument 'current' must be complex (a column of kind 'complex'), got a real column`);
  const { window, floorFrom } = currentSpectrumSetup(fn, config, config.dt);
  const L = config.segmentLength;
  if (samples < L) {
    throw new Error(`${fn}: option 'segmentLength' (${L}) must not exceed the samples of 'current' (${samples})`);
  }
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) throw new Error(`${fn}: argument 'current' must be finite, got ${data[i]} at sample ${i >> 1}`);
  }
  const acc = new CurrentSpectrumAccumulator(window, config.dt, floorFrom);
  for (let start = 0; start + L <= samples; start += L) acc.add(data, start);
  return acc.result();
}
