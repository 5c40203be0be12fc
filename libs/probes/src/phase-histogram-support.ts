/**
 * Shared internals of the phase histograms: the binning of [−π, π), the options guard, and the
 * normalisation. Not part of the public entry.
 */
import { wrapPhase } from './wrap-phase';

const PI = Math.PI;
const TWO_PI = 2 * Math.PI;

/** A normalised histogram of phases on [−π, π); see {@link phaseHistogram}. */
export interface PhaseHistogram {
  /** bin centers −π + (k + ½)·Δφ, Δφ = 2π/bins, radians */
  readonly centers: Float64Array;
  /** estimated density P(φ) in each bin, 1/rad: count/(samples·Δφ), so Σ density·Δφ = 1 */
  readonly density: Float64Array;
  /** number of phases counted */
  readonly samples: number;
}

/** Checks the `bins` option (an integer ≥ 1) of a histogram config and returns it. */
export function binsOption(fn: string, config: unknown, shape = '{ bins }'): number {
  if (config == null || typeof config !== 'object') {
    throw new Error(`${fn}: argument 'config' must be an object ${shape}, got ${String(config)}`);
  }
  const bins = (config as { bins?: unknown }).bins;
  if (typeof bins !== 'number' || !Number.isSafeInteger(bins) || bins < 1) {
    throw new Error(`${fn}: option 'bins' must be an integer ≥ 1, got ${String(bins)}`);
  }
  return bins;
}

/** Bin of a finite phase: bin k holds wrapPhase(φ) ∈ [−π + kΔφ, −π + (k + 1)Δφ). */
export function phaseBin(phi: number, bins: number): number {
  const k = Math.floor(((wrapPhase(phi) + PI) * bins) / TWO_PI);
  // rounding can push a phase just below +π to k = bins
  return k >= bins ? bins - 1 : k < 0 ? 0 : k;
}

/** Throws unless `a` is an array-like (not checking the entries). */
export function assertArrayLike(fn: string, name: string, a: unknown): asserts a is ArrayLike<number> {
  const arr = a as ArrayLike<unknown> | null | undefined;
  if (arr == null || typeof arr !== 'object' || typeof arr.length !== 'number') {
    throw new Error(`${fn}: argument '${name}' must be an array of phases, got ${String(a)}`);
  }
}

/** Bin centers −π + (k + ½)·2π/bins. */
export function binCenters(bins: number): Float64Array {
  const out = new Float64Array(bins);
  for (let k = 0; k < bins; k++) out[k] = -PI + ((k + 0.5) * TWO_PI) / bins;
  return out;
}

/** Density count/(samples·Δφ) of integer counts, a new array. */
export function densityOf(counts: Float64Array, samples: number): Float64Array {
  const bins = counts.length;
  const scale = bins / (TWO_PI * samples);
  const out = new Float64Array(bins);
  for (let k = 0; k < bins; k++) out[k] = counts[k] * scale;
  return out;
}
