/**
 * The averaged windowed periodogram behind `periodogram`, `welch` and `welchOf`.
 * Internal to the library (not in index.ts). One code path for the array functions and
 * the streaming operator, so that both give the same numbers bit for bit.
 */
import type FFT from 'fft.js';
import { angularFrequencies, fftPlan, fftshiftScaledInto } from './fft-internal';
import { sumOfSquares } from './resolve-window';

/**
 * Sum of |DFT(w·x)|² over added segments of `window.length` samples each, zero-padded to
 * `nfft` (a power of two ≥ window.length); `density()` turns it into the two-sided PSD
 * S(ω_j) = dt·⟨|Σ_n x_n w_n e^{−iω_j n dt}|²⟩ / Σw_n².
 */
export class SegmentAccumulator {
  readonly nfft: number;
  readonly length: number;
  private readonly plan: FFT;
  private readonly input: Float64Array;
  private readonly output: Float64Array;
  private readonly power: Float64Array;
  private readonly sumW2: number;
  count = 0;

  constructor(
    private readonly window: Float64Array,
    nfft: number,
  ) {
    this.nfft = nfft;
    this.length = window.length;
    this.plan = fftPlan(nfft);
    this.input = new Float64Array(2 * nfft);
    this.output = new Float64Array(2 * nfft);
    this.power = new Float64Array(nfft);
    this.sumW2 = sumOfSquares(window);
  }

  /**
   * Adds the periodogram of samples `offset … offset + length − 1` of `x`
   * (interleaved complex when `complex`, else real; of x* when `conjugate`).
   */
  add(x: Float64Array, offset: number, complex: boolean, conjugate = false): void {
    const { input, output, power, window, length } = this;
    if (complex && conjugate) {
      for (let k = 0; k < length; k++) {
        const w = window[k];
        input[2 * k] = w * x[2 * (offset + k)];
        input[2 * k + 1] = -(w * x[2 * (offset + k) + 1]);
      }
    } else if (complex) {
      for (let k = 0; k < length; k++) {
        const w = window[k];
        input[2 * k] = w * x[2 * (offset + k)];
        input[2 * k + 1] = w * x[2 * (offset + k) + 1];
      }
    } else {
      for (let k = 0; k < length; k++) {
        input[2 * k] = window[k] * x[offset + k];
        input[2 * k + 1] = 0;
      }
    }
    // zero padding beyond `length` stays zero: it is never written
    this.plan.transform(output, input);
    for (let m = 0; m < this.nfft; m++) {
      const re = output[2 * m];
      const im = output[2 * m + 1];
      power[m] += re * re + im * im;
    }
    this.count++;
  }

  /** The averaged density on the ascending grid of `omega(dt)` (a new array). */
  density(dt: number): Float64Array {
    const out = new Float64Array(this.nfft);
    fftshiftScaledInto(out, this.power, dt / (this.sumW2 * this.count));
    return out;
  }

  /** The angular frequencies of `density` (a new array). */
  omega(dt: number): Float64Array {
    return angularFrequencies(this.nfft, dt);
  }
}
