import { fitLineModel } from './levenberg-marquardt';
import type { LineModelSpec } from './levenberg-marquardt';
import { lineFitSamples } from './line-fit-samples';

/** Starting values for {@link fitLorentzian}; each one given replaces the automatic guess. */
export interface LorentzianInitial {
  center?: number;
  halfWidth?: number;
  area?: number;
  background?: number;
}

/** Options of {@link fitLorentzian}. */
export interface FitLorentzianConfig {
  /** starting values; default from the data: the highest sample, its half-maximum width, area = height·γ/2 */
  initial?: LorentzianInitial;
  /**
   * Weights w_i ≥ 0 of the squared residuals, one per sample (1/σ_i² for known noise levels σ_i,
   * up to a common factor); default all 1. Samples of weight 0 are ignored.
   */
  weights?: Float64Array;
  /**
   * 'uniform' (default): residuals weighed by `weights` alone. 'relative': for estimated spectra
   * (periodograms, Welch, spectra from correlations), whose scatter grows in proportion to S(ω):
   * after a first fit, two more passes weigh each residual by `weights`/S_fit(ω)², so the noisy
   * top of the line no longer dominates the fit of the width (iteratively reweighted least squares).
   */
  weighting?: 'uniform' | 'relative';
  /** fit only samples with range[0] ≤ ω ≤ range[1]; default all */
  range?: readonly [number, number];
  /** true: add a constant background B to the model; default false */
  background?: boolean;
  /** largest number of Levenberg–Marquardt iterations; default 200 */
  maxIterations?: number;
}

/** Parameter standard errors of a {@link LorentzianFit}. */
export interface LorentzianUncertainties {
  readonly center: number;
  readonly halfWidth: number;
  readonly area: number;
  /** present when the background was fitted */
  readonly background?: number;
}

/** Result of {@link fitLorentzian}. */
export interface LorentzianFit {
  /** line centre ω₀ (rad per time unit) */
  readonly center: number;
  /** half width at half maximum γ > 0; the full width is 2γ (= 2D for phase diffusion D) */
  readonly halfWidth: number;
  /** area = ∫ (S − B) dω/2π: the power in the line */
  readonly area: number;
  /** constant background B, present when fitted */
  readonly background?: number;
  /** standard errors √diag(s²(JᵀWJ)⁻¹), s² = Σw r²/(n − p) */
  readonly uncertainties: LorentzianUncertainties;
  /** √(Σ w_i r_i² / Σ w_i) at the optimum (the plain RMS residual for unit weights) */
  readonly residualRms: number;
  /** Levenberg–Marquardt iterations (Jacobian evaluations) used */
  readonly iterations: number;
}

/**
 * Least-squares fit of a Lorentzian line to a sampled spectrum,
 *
 *   S(ω) = area · 2γ/((ω − ω₀)² + γ²) (+ B),
 *
 * the spectrum of g(τ) = area·e^{iω₀τ − γ|τ|} (thesis Eqs. 2.16, 2.28: phase diffusion D gives
 * γ = D, full width 2D), normalised so that ∫ (S − B) dω/2π = area. Minimises Σ w_i r_i² by
 * Levenberg–Marquardt (Marquardt's scaling λ·diag(JᵀWJ), analytic Jacobian) until a step
 * changes every parameter by less than 1e-10 relative (centre and width relative to γ).
 * Standard errors come from the covariance s²(JᵀWJ)⁻¹ with s² = Σ w r²/(n − p) estimated from
 * the residuals (weights are relative; correct when the noise is independent between samples
 * and the model fits). A negative width found on the way is folded back (γ, area) → (−γ, −area).
 *
 * @param omega - angular frequencies, strictly ascending
 * @param density - S(ω) at `omega`, same length
 * @param config - `{ initial, weights, weighting = 'uniform', range, background = false, maxIterations = 200 }`
 * @returns the fitted centre, half width, area (and background), their standard errors, the
 *   RMS residual and the iteration count
 * @throws Error naming `omega`, `density`, `weights`, `range`, `initial`, `background` or
 *   `maxIterations` when they are not as described, when fewer than p + 1 samples are left to
 *   fit (p = 3, or 4 with background), when the data has no peak, or without convergence
 * @example
 * const omega = Float64Array.from({ length: 201 }, (_, i) => -10 + 0.1 * i);
 * const density = omega.map((w) => (3 * 2 * 0.5) / ((w - 1) ** 2 + 0.25));
 * const fit = fitLorentzian(omega, density);
 * [fit.center, fit.halfWidth, fit.area]; // ≈ [1.00000000, 0.50000000, 3.00000000] — exact data: the fit converges to ~1e-9
 */
export function fitLorentzian(
  omega: Float64Array,
  density: Float64Array,
  config: FitLorentzianConfig = {},
): LorentzianFit {
  const fn = 'fitLorentzian';
  const { x, y, w, withBackground, maxIterations, weighting } = lineFitSamples(
    fn,
    omega,
    density,
    config,
    3,
  );
  const n = x.length;
  const p = withBackground ? 4 : 3;
  const params = initialGuess(fn, x, y, withBackground, config.initial);
  const fit = fitLineModel(fn, LORENTZIAN, x, y, w, params, p, maxIterations, weighting);

  const center = params[0];
  let gamma = params[1];
  let area = params[2];
  if (gamma < 0) {
    gamma = -gamma;
    area = -area;
  }
  const uncertainties: LorentzianUncertainties = withBackground
    ? {
        center: fit.errors[0],
        halfWidth: fit.errors[1],
        area: fit.errors[2],
        background: fit.errors[3],
      }
    : { center: fit.errors[0], halfWidth: fit.errors[1], area: fit.errors[2] };
  let sumW = 0;
  for (let j = 0; j < n; j++) sumW += w[j];
  const common = { center, halfWidth: gamma, area, uncertainties };
  const tail = { residualRms: Math.sqrt(fit.cost / sumW), iterations: fit.iterations };
  return withBackground ? { ...common, background: params[3], ...tail } : { ...common, ...tail };
}

/** [ω₀, γ, A, B] from the data's highest sample and its half-maximum crossings, overridden by `initial`. */
function initialGuess(
  fn: string,
  x: Float64Array,
  y: Float64Array,
  withBackground: boolean,
  initial: LorentzianInitial | undefined,
): Float64Array {
  const n = x.length;
  let top = 0;
  let bottom = Infinity;
  for (let j = 0; j < n; j++) {
    if (y[j] > y[top]) top = j;
    if (y[j] < bottom) bottom = y[j];
  }
  const b0 = withBackground ? bottom : 0;
  const height = y[top] - b0;
  const auto =
    initial?.center === undefined || initial.halfWidth === undefined || initial.area === undefined;
  if (auto && !(height > 0)) {
    throw new Error(
      `${fn}: argument 'density' has no peak to start from (largest value ${y[top]} is not above ` +
        `${withBackground ? 'the smallest' : '0'}); pass 'initial'`,
    );
  }
  const half = b0 + height / 2;
  let left = NaN;
  for (let j = top; j > 0; j--) {
    if (y[j - 1] <= half) {
      left = x[j - 1] + ((half - y[j - 1]) / (y[j] - y[j - 1])) * (x[j] - x[j - 1]);
      break;
    }
  }
  let right = NaN;
  for (let j = top; j < n - 1; j++) {
    if (y[j + 1] <= half) {
      right = x[j] + ((y[j] - half) / (y[j] - y[j + 1])) * (x[j + 1] - x[j]);
      break;
    }
  }
  const peak = x[top];
  let gamma: number;
  if (Number.isFinite(left) && Number.isFinite(right)) gamma = (right - left) / 2;
  else if (Number.isFinite(left)) gamma = peak - left;
  else if (Number.isFinite(right)) gamma = right - peak;
  else gamma = (x[n - 1] - x[0]) / 4;
  if (!(gamma > 0)) gamma = (x[n - 1] - x[0]) / (2 * n);

  const params = Float64Array.of(peak, gamma, (height * gamma) / 2, b0);
  if (initial !== undefined) {
    if (initial === null || typeof initial !== 'object') {
      throw new Error(
        `${fn}: option 'initial' must be an object { center?, halfWidth?, area?, background? }`,
      );
    }
    const keys = ['center', 'halfWidth', 'area', 'background'] as const;
    for (let k = 0; k < 4; k++) {
      const v = initial[keys[k]];
      if (v === undefined) continue;
      if (typeof v !== 'number' || !Number.isFinite(v) || (k === 1 && !(v > 0))) {
        throw new Error(
          `${fn}: option 'initial.${keys[k]}' must be a finite number${k === 1 ? ' > 0' : ''}, got ${String(v)}`,
        );
      }
      params[k] = v;
    }
  }
  if (!withBackground) params[3] = 0;
  return params;
}

/** Model value at x and, into `jac` (p entries), its derivatives by ω₀, γ, A, B. */
function modelAndGradient(xv: number, params: Float64Array, jac: Float64Array): number {
  const d = xv - params[0];
  const g = params[1];
  const a = params[2];
  const den = d * d + g * g;
  const shape = (2 * g) / den;
  const den2 = den * den;
  jac[0] = (4 * a * g * d) / den2;
  jac[1] = (2 * a * (d * d - g * g)) / den2;
  jac[2] = shape;
  jac[3] = 1;
  return a * shape + params[3];
}

/** The line of `fitLorentzian`: steps of ω₀ and γ converge relative to γ, of A relative to A. */
const LORENTZIAN: LineModelSpec = {
  model: modelAndGradient,
  names: ['center', 'halfWidth', 'area'],
  stepScale: (params, a, yScale) =>
    a < 2 ? Math.abs(params[1]) : a === 2 ? Math.abs(params[2]) : Math.max(Math.abs(params[3]), yScale),
};
