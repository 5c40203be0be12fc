import {
  arg,
  assertAscending,
  assertBoolean,
  assertFloat64Array,
  assertInteger,
  assertObject,
  opt,
} from './assert';
import { inverseDiagonal, solveSmallInto } from './small-solve';

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

/** Relative step below which the iteration has converged. */
const STEP_TOL = 1e-10;
/** Damping above which no step lowers the cost any more: the optimum within rounding. */
const LAMBDA_MAX = 1e16;

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
  assertAscending(fn, arg('omega'), omega);
  assertFloat64Array(fn, arg('density'), density);
  assertObject(fn, arg('config'), config);
  const len = omega.length;
  if (density.length !== len) {
    throw new Error(
      `${fn}: argument 'density' must have the length of 'omega' (${len}), got ${density.length}`,
    );
  }
  for (let i = 0; i < len; i++) {
    if (!Number.isFinite(density[i])) {
      throw new Error(
        `${fn}: argument 'density' must hold finite numbers, got ${density[i]} at index ${i}`,
      );
    }
  }
  const withBackground = config.background ?? false;
  assertBoolean(fn, opt('background'), withBackground);
  const maxIterations = config.maxIterations ?? 200;
  assertInteger(fn, opt('maxIterations'), maxIterations, 1);
  const weights = config.weights;
  if (weights !== undefined) {
    assertFloat64Array(fn, opt('weights'), weights);
    if (weights.length !== len) {
      throw new Error(
        `${fn}: option 'weights' must have the length of 'omega' (${len}), got ${weights.length}`,
      );
    }
    for (let i = 0; i < len; i++) {
      if (!(weights[i] >= 0) || !Number.isFinite(weights[i])) {
        throw new Error(
          `${fn}: option 'weights' must hold finite numbers ≥ 0, got ${weights[i]} at index ${i}`,
        );
      }
    }
  }
  let lo = -Infinity;
  let hi = Infinity;
  if (config.range !== undefined) {
    const r = config.range;
    if (
      !Array.isArray(r) ||
      r.length !== 2 ||
      !(r[0] < r[1]) ||
      Number.isNaN(r[0]) ||
      Number.isNaN(r[1])
    ) {
      throw new Error(
        `${fn}: option 'range' must be [low, high] with low < high, got ${String(r)}`,
      );
    }
    [lo, hi] = r;
  }

  // samples to fit
  const p = withBackground ? 4 : 3;
  const idx: number[] = [];
  for (let i = 0; i < len; i++) {
    if (omega[i] >= lo && omega[i] <= hi && (weights === undefined || weights[i] > 0)) idx.push(i);
  }
  const n = idx.length;
  if (n < p + 1) {
    throw new Error(
      `${fn}: need at least ${p + 1} samples (with positive weight, inside 'range') to fit ` +
        `${p} parameters, got ${n}`,
    );
  }
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const w = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    x[j] = omega[idx[j]];
    y[j] = density[idx[j]];
    w[j] = weights === undefined ? 1 : weights[idx[j]];
  }

  const weighting = config.weighting ?? 'uniform';
  if (weighting !== 'uniform' && weighting !== 'relative') {
    throw new Error(`${fn}: option 'weighting' must be 'uniform' or 'relative', got ${String(weighting)}`);
  }
  const params = initialGuess(fn, x, y, withBackground, config.initial);
  let fit = levenbergMarquardt(fn, x, y, w, params, p, maxIterations);
  if (weighting === 'relative') {
    const base = Float64Array.from(w);
    for (let pass = 0; pass < 2; pass++) {
      for (let j = 0; j < n; j++) {
        const d = x[j] - params[0];
        const model = (2 * params[2] * params[1]) / (d * d + params[1] * params[1]) + (withBackground ? params[3] : 0);
        w[j] = base[j] / (model * model);
      }
      fit = levenbergMarquardt(fn, x, y, w, params, p, maxIterations);
    }
  }

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

function costOf(
  x: Float64Array,
  y: Float64Array,
  w: Float64Array,
  params: Float64Array,
  jac: Float64Array,
): number {
  let c = 0;
  for (let j = 0; j < x.length; j++) {
    const r = y[j] - modelAndGradient(x[j], params, jac);
    c += w[j] * r * r;
  }
  return c;
}

/** JᵀWJ (p×p) and JᵀW r at `params`; returns the cost Σ w r². */
function normalEquations(
  x: Float64Array,
  y: Float64Array,
  w: Float64Array,
  params: Float64Array,
  p: number,
  jtj: Float64Array,
  jtr: Float64Array,
  jac: Float64Array,
): number {
  jtj.fill(0);
  jtr.fill(0);
  let cost = 0;
  for (let j = 0; j < x.length; j++) {
    const r = y[j] - modelAndGradient(x[j], params, jac);
    const wj = w[j];
    cost += wj * r * r;
    for (let a = 0; a < p; a++) {
      const wa = wj * jac[a];
      jtr[a] += wa * r;
      for (let b = 0; b <= a; b++) jtj[a * p + b] += wa * jac[b];
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) jtj[b * p + a] = jtj[a * p + b];
  return cost;
}

/** Levenberg–Marquardt on `params` (updated in place); returns cost, standard errors and iterations. */
function levenbergMarquardt(
  fn: string,
  x: Float64Array,
  y: Float64Array,
  w: Float64Array,
  params: Float64Array,
  p: number,
  maxIterations: number,
): { cost: number; errors: Float64Array; iterations: number } {
  const jtj = new Float64Array(p * p);
  const jtr = new Float64Array(p);
  const jac = new Float64Array(4);
  const damped = new Float64Array(p * p);
  const step = new Float64Array(p);
  const trial = new Float64Array(4);
  let lambda = 1e-3;
  let iterations = 0;
  let converged = false;
  let yScale = 0;
  for (let j = 0; j < y.length; j++) yScale = Math.max(yScale, Math.abs(y[j]));

  while (!converged) {
    if (iterations === maxIterations) {
      throw new Error(
        `${fn}: no convergence after ${maxIterations} iterations (option 'maxIterations'); ` +
          `last parameters center ${params[0]}, halfWidth ${params[1]}, area ${params[2]}`,
      );
    }
    iterations++;
    const cost = normalEquations(x, y, w, params, p, jtj, jtr, jac);
    let maxDiag = 0;
    for (let a = 0; a < p; a++) maxDiag = Math.max(maxDiag, jtj[a * p + a]);
    for (;;) {
      damped.set(jtj);
      for (let a = 0; a < p; a++) damped[a * p + a] += lambda * (jtj[a * p + a] + 1e-12 * maxDiag);
      trial.set(params);
      let ok = solveSmallInto(step, damped, jtr, p);
      if (ok) {
        for (let a = 0; a < p; a++) trial[a] += step[a];
        const c = costOf(x, y, w, trial, jac);
        ok = Number.isFinite(c) && c <= cost;
      }
      if (ok) {
        const gScale = Math.abs(params[1]);
        converged =
          Math.abs(step[0]) <= STEP_TOL * gScale &&
          Math.abs(step[1]) <= STEP_TOL * gScale &&
          Math.abs(step[2]) <= STEP_TOL * Math.abs(params[2]) &&
          (p < 4 || Math.abs(step[3]) <= STEP_TOL * Math.max(Math.abs(params[3]), yScale));
        params.set(trial);
        lambda = Math.max(lambda / 10, 1e-12);
        break;
      }
      lambda *= 10;
      if (lambda > LAMBDA_MAX) {
        converged = true; // no step lowers the cost: at the optimum within rounding
        break;
      }
    }
  }

  const cost = normalEquations(x, y, w, params, p, jtj, jtr, jac);
  const s2 = cost / (x.length - p);
  const diag = inverseDiagonal(jtj, p);
  const errors = new Float64Array(p);
  for (let a = 0; a < p; a++)
    errors[a] = diag === null ? NaN : Math.sqrt(s2 * Math.max(diag[a], 0));
  return { cost, errors, iterations };
}
