/**
 * Input checks and sample selection shared by the line fits (`fitLorentzian`,
 * `fitDoubleLorentzian`). Internal (not in index.ts).
 */
import {
  arg,
  assertAscending,
  assertBoolean,
  assertFloat64Array,
  assertInteger,
  assertObject,
  opt,
} from './assert';

/** The options every line fit accepts. */
export interface LineFitOptions {
  weights?: Float64Array;
  weighting?: 'uniform' | 'relative';
  range?: readonly [number, number];
  background?: boolean;
  maxIterations?: number;
}

/** The samples to fit, with their weights, and the checked options. */
export interface LineFitSamples {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly w: Float64Array;
  readonly withBackground: boolean;
  readonly maxIterations: number;
  readonly weighting: 'uniform' | 'relative';
}

/**
 * Checks `omega`, `density` and the options, and returns the samples inside `range` with
 * positive weight. `shapeParameters` is the number of parameters without the background; the
 * messages name `fn` and the parameter at fault.
 */
export function lineFitSamples(
  fn: string,
  omega: Float64Array,
  density: Float64Array,
  config: LineFitOptions,
  shapeParameters: number,
): LineFitSamples {
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

  const p = shapeParameters + (withBackground ? 1 : 0);
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
    throw new Error(
      `${fn}: option 'weighting' must be 'uniform' or 'relative', got ${String(weighting)}`,
    );
  }
  return { x, y, w, withBackground, maxIterations, weighting };
}
