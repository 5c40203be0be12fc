import { tapProgress } from '@qsync/frames';
import type { DensityMatrix, Lindbladian, Operator } from '@qsync/operators';
import { dominantFrequency, steadyStateSpectrumChunked, type SteadyStateSpectrumConfig } from '@qsync/spectral';
import type { FigureContext } from './figure-stream';

/**
 * Shared parts of the steady-state spectrum figures 4.4 and 4.9 (internal to the library): the
 * frequency grid, the spectra of one model and the checks that do not depend on the model.
 */

/**
 * ω on [−W, W] in 2h + 1 points with h a multiple of 4, so that the grid is symmetric about 0 and
 * holds ±W/4 (= ±δ/2 for W = 2δ) and the points mirrored about them.
 */
export function symmetricGrid(halfWidth: number, halfPoints: number): Float64Array {
  const h = 4 * Math.ceil(halfPoints / 4);
  return Float64Array.from({ length: 2 * h + 1 }, (_, k) => (halfWidth * (k - h)) / h);
}

/** S(ω) of one pair of operators on `omega`, as one stage of the figure (progress per chunk). */
export async function spectrumStage(
  ctx: FigureContext,
  stage: string,
  l: Lindbladian,
  rhoSS: DensityMatrix,
  omega: Float64Array,
  ops: readonly [Operator, Operator],
  config: SteadyStateSpectrumConfig = {},
): Promise<Float64Array> {
  const [s] = await ctx.collect(stage, (progress) =>
    steadyStateSpectrumChunked(l, omega, ops[0], ops[1], { ...config, rhoSS }).withProgress().pipe(tapProgress(progress)),
  );
  return s.density;
}

/** S_A and S_B of one model on `omega` (resolvent route), as two stages of the figure. */
export async function spectraAB(
  ctx: FigureContext,
  stage: string,
  l: Lindbladian,
  rhoSS: DensityMatrix,
  omega: Float64Array,
  a: readonly [Operator, Operator],
  b: readonly [Operator, Operator],
): Promise<{ sA: Float64Array; sB: Float64Array }> {
  return {
    sA: await spectrumStage(ctx, `${stage}, S_A`, l, rhoSS, omega, a),
    sB: await spectrumStage(ctx, `${stage}, S_B`, l, rhoSS, omega, b),
  };
}

/**
 * max_k |S_A(ω_k) − S_B(−ω_k)| / max S_A on a grid symmetric about 0. Both models are symmetric
 * under A ↔ B with δ → −δ, and δ → −δ conjugates L (every rate is real, H ∝ δ), which mirrors
 * ω → −ω: so S_B(ω) = S_A(−ω) at every coupling.
 */
export function mirrorDefect(sA: Float64Array, sB: Float64Array): number {
  const n = sA.length;
  let d = 0;
  let m = 0;
  for (let k = 0; k < n; k++) {
    d = Math.max(d, Math.abs(sA[k] - sB[n - 1 - k]));
    m = Math.max(m, Math.abs(sA[k]));
  }
  return d / m;
}

/**
 * max |S(c + x) − S(c − x)| / max S over the grid points mirrored about c (a grid point): the
 * uncoupled line of a U(1)-symmetric oscillator at frequency c is symmetric about c (in the frame
 * rotating at c the block of L that a ρ_ss lives in is real, so ⟨a†(τ)a⟩e^{−icτ} is real).
 */
export function symmetryDefect(omega: Float64Array, s: Float64Array, c: number): number {
  const step = omega[1] - omega[0];
  const j = Math.round((c - omega[0]) / step);
  if (Math.abs(omega[j] - c) > 1e-9 * step) throw new Error(`symmetryDefect: ${c} is not a grid point`);
  let d = 0;
  let m = 0;
  for (let k = 0; k < s.length; k++) m = Math.max(m, Math.abs(s[k]));
  for (let x = 1; j - x >= 0 && j + x < s.length; x++) d = Math.max(d, Math.abs(s[j + x] - s[j - x]));
  return d / m;
}

/** max |x − y| / max |y|. */
export function relativeToPeak(x: Float64Array, y: Float64Array): number {
  let d = 0;
  let m = 0;
  for (let k = 0; k < y.length; k++) {
    d = Math.max(d, Math.abs(x[k] - y[k]));
    m = Math.max(m, Math.abs(y[k]));
  }
  return d / m;
}

/** The peak frequency of each spectrum (`dominantFrequency`, parabolic refinement). */
export function peakOf(omega: Float64Array, s: Float64Array): number {
  return dominantFrequency(omega, s).omega;
}

/** How many times the peak separation grows from one coupling to the next (0 when it only shrinks). */
export function separationIncreases(separations: readonly number[]): number {
  let n = 0;
  for (let k = 1; k < separations.length; k++) if (separations[k] > separations[k - 1]) n++;
  return n;
}
