/**
 * Levenberg–Marquardt least squares for the few-parameter line fits of this library (p ≤ 4):
 * `fitLorentzian` and `fitDoubleLorentzian` share it. Internal (not in index.ts).
 */
import { inverseDiagonal, solveSmallInto } from './small-solve';

/** Writes the model's derivatives by each parameter into `jac` and returns its value at `x`. */
export type LineModel = (x: number, params: Float64Array, jac: Float64Array) => number;

/** A line model with what the iteration needs to know about its parameters. */
export interface LineModelSpec {
  readonly model: LineModel;
  /** parameter names, for the message when the iteration does not converge */
  readonly names: readonly string[];
  /**
   * Scale against which a step of parameter `a` counts as converged (relative step 1e-10):
   * `yScale` is the largest |y| of the data, for an additive background.
   */
  readonly stepScale: (params: Float64Array, a: number, yScale: number) => number;
}

/** Result of {@link levenbergMarquardt}: cost Σ w r², standard errors, iterations. */
export interface LevenbergMarquardtResult {
  readonly cost: number;
  readonly errors: Float64Array;
  readonly iterations: number;
}

/** Relative step below which the iteration has converged. */
const STEP_TOL = 1e-10;
/** Damping above which no step lowers the cost any more: the optimum within rounding. */
const LAMBDA_MAX = 1e16;

function costOf(
  spec: LineModelSpec,
  x: Float64Array,
  y: Float64Array,
  w: Float64Array,
  params: Float64Array,
  jac: Float64Array,
): number {
  let c = 0;
  for (let j = 0; j < x.length; j++) {
    const r = y[j] - spec.model(x[j], params, jac);
    c += w[j] * r * r;
  }
  return c;
}

/** JᵀWJ (p×p) and JᵀW r at `params`; returns the cost Σ w r². */
function normalEquations(
  spec: LineModelSpec,
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
    const r = y[j] - spec.model(x[j], params, jac);
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

/**
 * Minimises Σ w_j (y_j − model(x_j))² over the first `p` entries of `params` (updated in place;
 * `params` has room for every parameter the model reads, those beyond p stay fixed) by
 * Levenberg–Marquardt with Marquardt's scaling λ·diag(JᵀWJ), until a step changes every
 * parameter by less than 1e-10 of its `stepScale`, or no step lowers the cost. Standard errors
 * are √diag(s²(JᵀWJ)⁻¹) with s² = Σ w r²/(n − p) (NaN when JᵀWJ is singular).
 * Throws, naming `fn` and the option 'maxIterations', without convergence.
 */
export function levenbergMarquardt(
  fn: string,
  spec: LineModelSpec,
  x: Float64Array,
  y: Float64Array,
  w: Float64Array,
  params: Float64Array,
  p: number,
  maxIterations: number,
): LevenbergMarquardtResult {
  const jtj = new Float64Array(p * p);
  const jtr = new Float64Array(p);
  const jac = new Float64Array(params.length);
  const damped = new Float64Array(p * p);
  const step = new Float64Array(p);
  const trial = new Float64Array(params.length);
  let lambda = 1e-3;
  let iterations = 0;
  let converged = false;
  let yScale = 0;
  for (let j = 0; j < y.length; j++) yScale = Math.max(yScale, Math.abs(y[j]));

  while (!converged) {
    if (iterations === maxIterations) {
      const last = spec.names
        .slice(0, Math.min(p, 3))
        .map((name, a) => `${name} ${params[a]}`)
        .join(', ');
      throw new Error(
        `${fn}: no convergence after ${maxIterations} iterations (option 'maxIterations'); ` +
          `last parameters ${last}`,
      );
    }
    iterations++;
    const cost = normalEquations(spec, x, y, w, params, p, jtj, jtr, jac);
    let maxDiag = 0;
    for (let a = 0; a < p; a++) maxDiag = Math.max(maxDiag, jtj[a * p + a]);
    for (;;) {
      damped.set(jtj);
      for (let a = 0; a < p; a++) damped[a * p + a] += lambda * (jtj[a * p + a] + 1e-12 * maxDiag);
      trial.set(params);
      let ok = solveSmallInto(step, damped, jtr, p);
      if (ok) {
        for (let a = 0; a < p; a++) trial[a] += step[a];
        const c = costOf(spec, x, y, w, trial, jac);
        ok = Number.isFinite(c) && c <= cost;
      }
      if (ok) {
        converged = true;
        for (let a = 0; a < p; a++) {
          if (!(Math.abs(step[a]) <= STEP_TOL * spec.stepScale(params, a, yScale))) converged = false;
        }
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

  const cost = normalEquations(spec, x, y, w, params, p, jtj, jtr, jac);
  const s2 = cost / (x.length - p);
  const diag = inverseDiagonal(jtj, p);
  const errors = new Float64Array(p);
  for (let a = 0; a < p; a++)
    errors[a] = diag === null ? NaN : Math.sqrt(s2 * Math.max(diag[a], 0));
  return { cost, errors, iterations };
}

/**
 * {@link levenbergMarquardt} with the library's weighting modes: 'uniform' fits once with `w`;
 * 'relative' then makes two more passes with weights w/S_fit(x)², for estimated spectra whose
 * scatter grows in proportion to S (iteratively reweighted least squares). `w` is overwritten
 * with the weights of the last pass.
 */
export function fitLineModel(
  fn: string,
  spec: LineModelSpec,
  x: Float64Array,
  y: Float64Array,
  w: Float64Array,
  params: Float64Array,
  p: number,
  maxIterations: number,
  weighting: 'uniform' | 'relative',
): LevenbergMarquardtResult {
  let fit = levenbergMarquardt(fn, spec, x, y, w, params, p, maxIterations);
  if (weighting === 'relative') {
    const base = Float64Array.from(w);
    const jac = new Float64Array(params.length);
    for (let pass = 0; pass < 2; pass++) {
      for (let j = 0; j < x.length; j++) {
        const model = spec.model(x[j], params, jac);
        w[j] = base[j] / (model * model);
      }
      fit = levenbergMarquardt(fn, spec, x, y, w, params, p, maxIterations);
    }
  }
  return fit;
}
