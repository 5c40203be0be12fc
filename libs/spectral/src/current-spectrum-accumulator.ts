/**
 * The segment statistics behind `currentSpectrum` and `currentSpectrumOf`: per non-overlapping
 * segment the tapered periodogram of I* (thesis Eq. 4.16: S^m(ω) = ∫dτ e^{−iωτ}E[I*(t+τ)I(t)]),
 * summed with its squares per frequency, and the segment's mean over the floor band with its
 * square. Internal to the library (not in index.ts); one code path for array and stream.
 */
import type FFT from 'fft.js';
import { angularFrequencies, fftPlan, fftshiftScaledInto } from './fft-internal';
import { sumOfSquares } from './resolve-window';

/** What the accumulator reports; see `currentSpectrum`. */
export interface CurrentSpectrum {
  /** angular frequencies, ascending, two-sided (rad per time unit), length L */
  readonly omega: Float64Array;
  /** S^m(ω): mean over segments of the tapered periodogram of I*, length L */
  readonly density: Float64Array;
  /** standard error of each density value: segment standard deviation/√segments */
  readonly densityError: Float64Array;
  /** the noise-floor estimate: mean of S^m over the floor band |ω| ≥ floorFrom */
  readonly floor: number;
  /** its standard error, from the spread of the per-segment band means */
  readonly floorError: number;
  /** number of frequencies in the floor band */
  readonly floorBins: number;
  /** number of segments averaged */
  readonly segments: number;
}

export class CurrentSpectrumAccumulator {
  private readonly plan: FFT;
  private readonly input: Float64Array;
  private readonly output: Float64Array;
  private readonly sum: Float64Array;
  private readonly sumSquares: Float64Array;
  /** 1 for FFT bins in the floor band, else 0 (DFT order) */
  private readonly band: Uint8Array;
  private readonly scale: number;
  private floorSum = 0;
  private floorSumSquares = 0;
  readonly floorBins: number;
  count = 0;

  constructor(
    private readonly window: Float64Array,
    private readonly dt: number,
    floorFrom: number,
  ) {
    const L = window.length;
    this.plan = fftPlan(L);
    this.input = new Float64Array(2 * L);
    this.output = new Float64Array(2 * L);
    this.sum = new Float64Array(L);
    this.sumSquares = new Float64Array(L);
    this.band = new Uint8Array(L);
    // Δt/Σw²: white noise of E|I_n|² = 1/Δt (the thesis's √(1/2)(dW_x + i dW_y)/dt) gives 1
    this.scale = dt / sumOfSquares(window);
    const dw = (2 * Math.PI) / (L * dt);
    let bins = 0;
    for (let m = 0; m < L; m++) {
      const omega = (m < L / 2 ? m : m - L) * dw;
      // a relative margin so that floorFrom on a grid point counts that point
      if (Math.abs(omega) >= floorFrom * (1 - 1e-12)) {
        this.band[m] = 1;
        bins++;
      }
    }
    this.floorBins = bins;
  }

  /** Adds the segment of `window.length` complex samples of `x` starting at sample `offset`. */
  add(x: Float64Array, offset: number): void {
    const { input, output, window, sum, sumSquares, band, scale } = this;
    const L = window.length;
    for (let k = 0; k < L; k++) {
      const w = window[k];
      // I*: the conjugate puts E[I*(t+τ)I(t)] in the periodogram's expectation (Eq. 4.16)
      input[2 * k] = w * x[2 * (offset + k)];
      input[2 * k + 1] = -(w * x[2 * (offset + k) + 1]);
    }
    this.plan.transform(output, input);
    let floor = 0;
    for (let m = 0; m < L; m++) {
      const re = output[2 * m];
      const im = output[2 * m + 1];
      const p = scale * (re * re + im * im);
      sum[m] += p;
      sumSquares[m] += p * p;
      if (band[m] === 1) floor += p;
    }
    floor /= this.floorBins;
    this.floorSum += floor;
    this.floorSumSquares += floor * floor;
    this.count++;
  }

  /** The statistics so far (new arrays); needs count ≥ 1 (errors are NaN-free: 0 for one segment). */
  result(): CurrentSpectrum {
    const L = this.window.length;
    const M = this.count;
    const mean = new Float64Array(L);
    const error = new Float64Array(L);
    for (let m = 0; m < L; m++) {
      const mu = this.sum[m] / M;
      mean[m] = mu;
      error[m] = standardError(this.sumSquares[m], mu, M);
    }
    const density = new Float64Array(L);
    const densityError = new Float64Array(L);
    fftshiftScaledInto(density, mean, 1);
    fftshiftScaledInto(densityError, error, 1);
    const floor = this.floorSum / M;
    return {
      omega: angularFrequencies(L, this.dt),
      density,
      densityError,
      floor,
      floorError: standardError(this.floorSumSquares, floor, M),
      floorBins: this.floorBins,
      segments: M,
    };
  }
}

/** √(sample variance/M) from Σx² and the mean of M values; 0 when M < 2. */
function standardError(sumSquares: number, mean: number, M: number): number {
  if (M < 2) return 0;
  const variance = Math.max(0, (sumSquares - M * mean * mean) / (M - 1));
  return Math.sqrt(variance / M);
}
