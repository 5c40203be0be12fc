import { fitLineModel } from './levenberg-marquardt';
import type { LineModelSpec } from './levenberg-marquardt';
import { lineFitSamples } from './line-fit-samples';
import { inverseDiagonal } from './small-solve';

/** Starting values for {@link fitDoubleLorentzian}; each one given replaces the automatic guess. */
export interface DoubleLorentzianInitial {
  amplitude?: number;
  linewidth?: number;
  shift?: number;
  background?: number;
}

/** Options of {@link fitDoubleLorentzian}. */
export interface FitDoubleLorentzianConfig {
  /**
   * starting values; default from the data: δ = |ω| of the highest sample, Δν its half-maximum
   * distance on the side away from ω = 0, A from the height there. With no `initial`, a second
   * start at δ = Δν/2 (two merged lines) is tried as well and the lower cost wins.
   */
  initial?: DoubleLorentzianInitial;
  /** weights w_i ≥ 0 of the squared residuals, one per sample (as in `fitLorentzian`); default all 1 */
  weights?: Float64Array;
  /** 'uniform' (default) or 'relative' (weights ∝ 1/S_fit², for estimated spectra; as in `fitLorentzian`) */
  weighting?: 'uniform' | 'relative';
  /** fit only samples with range[0] ≤ ω ≤ range[1]; default all */
  range?: readonly [number, number];
  /** true: add a constant background B to the model; default false */
  background?: boolean;
  /** largest number of Levenberg–Marquardt iterations per start; default 200 */
  maxIterations?: number;
}

/** Parameter standard errors of a {@link DoubleLorentzianFit}. */
export interface DoubleLorentzianUncertainties {
  readonly amplitude: number;
  readonly linewidth: number;
  /** Infinity when the fitted shift is exactly 0 (S depends on δ² there; the other errors then hold δ fixed) */
  readonly shift: number;
  /** present when the background was fitted */
  readonly background?: number;
}

/** Result of {@link fitDoubleLorentzian}. */
export interface DoubleLorentzianFit {
  /** A of Eq. 7.12: each line holds A, so ∫ (S − B) dω = 2A */
  readonly amplitude: number;
  /** Δν > 0 of Eq. 7.12: the half width at half maximum of each line */
  readonly linewidth: number;
  /** δ ≥ 0 of Eq. 7.12: the lines sit at ω = ±δ */
  readonly shift: number;
  /** constant background B, present when fitted */
  readonly background?: number;
  /** standard errors √diag(s²(JᵀWJ)⁻¹), s² = Σw r²/(n − p) */
  readonly uncertainties: DoubleLorentzianUncertainties;
  /** √(Σ w_i r_i² / Σ w_i) at the optimum */
  readonly residualRms: number;
  /** Levenberg–Marquardt iterations of the start that won */
  readonly iterations: number;
}

/**
 * Least-squares fit of the double-peaked Lorentzian of thesis Eq. 7.12 to a sampled spectrum,
 *
 *   S(ω) = (A/π)·[Δν/(Δν² + (ω − δ)²) + Δν/(Δν² + (ω + δ)²)] (+ B),
 *
 * two lines of equal amplitude A and half width Δν at ±δ about ω = 0 (the bare frequency): the
 * two traveling-wave states of the superradiant laser with undriven atoms, whose shift δ and
 * linewidth Δν Fig. 7.3(d, e) show. A single line at ω = 0 gives δ = 0. Each line has area A
 * (∫ dω, not dω/2π as in `fitLorentzian`). Same Levenberg–Marquardt iteration, stopping rule
 * (relative step < 1e-10; δ and Δν relative to Δν), weights, 'relative' weighting and standard
 * errors as `fitLorentzian`. The sign symmetries of (7.12) are folded out: (A, Δν) → (−A, −Δν)
 * and δ → −δ leave S unchanged, so the result has Δν > 0 and δ ≥ 0.
 *
 * @param omega - angular frequencies, strictly ascending
 * @param density - S(ω) at `omega`, same length
 * @param config - `{ initial, weights, weighting = 'uniform', range, background = false, maxIterations = 200 }`
 * @returns the fitted amplitude, linewidth, shift (and background), their standard errors, the
 *   RMS residual and the iteration count
 * @throws Error naming `omega`, `density`, `weights`, `weighting`, `range`, `initial`,
 *   `background` or `maxIterations` when they are not as described, when fewer than p + 1 samples
 *   are left to fit (p = 3, or 4 with background), when the data has no peak, or without
 *   convergence
 * @example
 * // A = 2, Δν = 0.3, δ = 1.5 on −5, −4.98, …, 5
 * const omega = Float64Array.from({ length: 501 }, (_, i) => -5 + 0.02 * i);
 * const line = (w: number) => 0.3 / (0.09 + w * w);
 * const density = omega.map((w) => (2 / Math.PI) * (line(w - 1.5) + line(w + 1.5)));
 * const fit = fitDoubleLorentzian(omega, density);
 * [fit.amplitude, fit.linewidth, fit.shift]; // ≈ [2.00000000, 0.30000000, 1.50000000]
 */
export function fitDoubleLorentzian(
  omega: Float64Array,
  density: Float64Array,
  config: FitDoubleLorentzianConfig = {},
): DoubleLorentzianFit {
  const fn = 'fitDoubleLorentzian';
  const { x, y, w, withBackground, maxIterations, weighting } = lineFitSamples(
    fn,
    omega,
    density,
    config,
    3,
  );
  const p = withBackground ? 4 : 3;
  const starts = initialGuesses(fn, x, y, withBackground, config.initial);
  let best: { params: Float64Array; w: Float64Array; cost: number; errors: Float64Array; iterations: number } | null = null;
  let firstError: unknown = null;
  for (const params of starts) {
    const wk = Float64Array.from(w);
    let fit;
    try {
      fit = fitLineModel(fn, DOUBLE_LORENTZIAN, x, y, wk, params, p, maxIterations, weighting);
    } catch (error) {
      // a start that wanders off does not spoil the others; the first failure is reported when all fail
      firstError ??= error;
      continue;
    }
    // compare the starts on the same (the given) weights
    const cost = weighting === 'uniform' ? fit.cost : costAt(x, y, w, params);
    if (best === null || cost < best.cost) best = { params, w: wk, cost, errors: fit.errors, iterations: fit.iterations };
  }
  if (best === null) throw firstError;
  const { params } = best;
  // at δ = 0 S depends on δ² only and JᵀWJ is singular: the other errors come without δ
  const errors = Number.isNaN(best.errors[0]) ? errorsWithoutShift(x, y, best.w, params, p) : best.errors;

  let amplitude = params[0];
  let linewidth = params[1];
  if (linewidth < 0) {
    linewidth = -linewidth;
    amplitude = -amplitude;
  }
  const shift = Math.abs(params[2]);
  const uncertainties: DoubleLorentzianUncertainties = withBackground
    ? { amplitude: errors[0], linewidth: errors[1], shift: errors[2], background: errors[3] }
    : { amplitude: errors[0], linewidth: errors[1], shift: errors[2] };
  let sumW = 0;
  let cost = 0;
  const jac = new Float64Array(4);
  for (let j = 0; j < x.length; j++) {
    sumW += best.w[j];
    const r = y[j] - modelAndGradient(x[j], params, jac);
    cost += best.w[j] * r * r;
  }
  const common = { amplitude, linewidth, shift, uncertainties };
  const tail = { residualRms: Math.sqrt(cost / sumW), iterations: best.iterations };
  return withBackground ? { ...common, background: params[3], ...tail } : { ...common, ...tail };
}

/**
 * Standard errors with δ held fixed: √diag(s²(JᵀWJ)⁻¹) over the other parameters, s² with
 * n − (p − 1) degrees of freedom; δ's own error is Infinity (or NaN when even that fails).
 */
function errorsWithoutShift(
  x: Float64Array,
  y: Float64Array,
  w: Float64Array,
  params: Float64Array,
  p: number,
): Float64Array {
  const kept = p === 4 ? [0, 1, 3] : [0, 1];
  const q = kept.length;
  const jtj = new Float64Array(q * q);
  const jac = new Float64Array(4);
  let cost = 0;
  for (let j = 0; j < x.length; j++) {
    const r = y[j] - modelAndGradient(x[j], params, jac);
    cost += w[j] * r * r;
    for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) jtj[a * q + b] += w[j] * jac[kept[a]] * jac[kept[b]];
  }
  const diag = inverseDiagonal(jtj, q);
  const s2 = cost / (x.length - q);
  const errors = new Float64Array(p).fill(NaN);
  if (diag === null) return errors;
  kept.forEach((k, a) => (errors[k] = Math.sqrt(s2 * Math.max(diag[a], 0))));
  errors[2] = Infinity;
  return errors;
}

/** Σ w r² of the model at `params`. */
function costAt(x: Float64Array, y: Float64Array, w: Float64Array, params: Float64Array): number {
  const jac = new Float64Array(4);
  let c = 0;
  for (let j = 0; j < x.length; j++) {
    const r = y[j] - modelAndGradient(x[j], params, jac);
    c += w[j] * r * r;
  }
  return c;
}

/**
 * Starting points [A, Δν, δ, B]: from the highest sample (δ = its |ω|, Δν its half-maximum
 * distance on the outer side, A from its height) and, when no `initial` is given, the same
 * width split into two merged lines (δ = Δν = half of it). `initial` overrides.
 */
function initialGuesses(
  fn: string,
  x: Float64Array,
  y: Float64Array,
  withBackground: boolean,
  initial: DoubleLorentzianInitial | undefined,
): Float64Array[] {
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
    initial?.amplitude === undefined ||
    initial.linewidth === undefined ||
    initial.shift === undefined;
  if (auto && !(height > 0)) {
    throw new Error(
      `${fn}: argument 'density' has no peak to start from (largest value ${y[top]} is not above ` +
        `${withBackground ? 'the smallest' : '0'}); pass 'initial'`,
    );
  }
  const half = b0 + height / 2;
  const peak = x[top];
  // the outer flank (away from ω = 0) belongs to one line alone; the inner one may merge with the other
  const outward = peak >= 0 ? 1 : -1;
  let crossing = NaN;
  for (let j = top; j + outward >= 0 && j + outward < n; j += outward) {
    const k = j + outward;
    if (y[k] <= half) {
      crossing = x[k] + ((half - y[k]) / (y[j] - y[k])) * (x[j] - x[k]);
      break;
    }
  }
  let width = Math.abs(crossing - peak);
  if (!(width > 0) || !Number.isFinite(width)) width = (x[n - 1] - x[0]) / 4;
  const amplitudeFor = (dv: number, d: number): number =>
    (Math.PI * height) / (1 / dv + dv / (dv * dv + 4 * d * d));
  const first = Float64Array.of(amplitudeFor(width, Math.abs(peak)), width, Math.abs(peak), b0);
  const starts = [first];
  if (initial === undefined) {
    const dv = width / 2;
    starts.push(Float64Array.of(amplitudeFor(dv, dv), dv, dv, b0));
  } else {
    if (initial === null || typeof initial !== 'object') {
      throw new Error(
        `${fn}: option 'initial' must be an object { amplitude?, linewidth?, shift?, background? }`,
      );
    }
    const keys = ['amplitude', 'linewidth', 'shift', 'background'] as const;
    for (let k = 0; k < 4; k++) {
      const v = initial[keys[k]];
      if (v === undefined) continue;
      if (typeof v !== 'number' || !Number.isFinite(v) || (k === 1 && !(v > 0)) || (k === 2 && !(v >= 0))) {
        const bound = k === 1 ? ' > 0' : k === 2 ? ' ≥ 0' : '';
        throw new Error(
          `${fn}: option 'initial.${keys[k]}' must be a finite number${bound}, got ${String(v)}`,
        );
      }
      first[k] = v;
    }
  }
  if (!withBackground) for (const s of starts) s[3] = 0;
  return starts;
}

/** (7.12) at x and, into `jac`, its derivatives by A, Δν, δ, B. */
function modelAndGradient(xv: number, params: Float64Array, jac: Float64Array): number {
  const a = params[0];
  const g = params[1];
  const d1 = xv - params[2];
  const d2 = xv + params[2];
  const den1 = g * g + d1 * d1;
  const den2 = g * g + d2 * d2;
  const l1 = g / den1;
  const l2 = g / den2;
  const k = a / Math.PI;
  jac[0] = (l1 + l2) / Math.PI;
  jac[1] = k * ((d1 * d1 - g * g) / (den1 * den1) + (d2 * d2 - g * g) / (den2 * den2));
  jac[2] = 2 * k * g * (d1 / (den1 * den1) - d2 / (den2 * den2));
  jac[3] = 1;
  return k * (l1 + l2) + params[3];
}

/** The model of (7.12): steps of A converge relative to A, of Δν and δ relative to Δν. */
const DOUBLE_LORENTZIAN: LineModelSpec = {
  model: modelAndGradient,
  names: ['amplitude', 'linewidth', 'shift'],
  stepScale: (params, a, yScale) =>
    a === 0 ? Math.abs(params[0]) : a < 3 ? Math.abs(params[1]) : Math.max(Math.abs(params[3]), yScale),
};
