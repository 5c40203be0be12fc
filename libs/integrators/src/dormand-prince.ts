import { createDormandPrince, resolveDormandPrinceConfig } from './create-dormand-prince';
import type { DormandPrinceConfig } from './create-dormand-prince';
import { assertInitialState } from './ode-guards';
import type { OdeRhs, OdeStats } from './ode-types';

/** Options of {@link dormandPrince}: those of `createDormandPrince` but tStop, plus a callback. */
export interface DormandPrinceSolveConfig extends Omit<DormandPrinceConfig, 'tStop'> {
  /**
   * Called at every output time with t and y(t), in order. `y` is the row of the result
   * (`result.y[k]`), not a work array: it stays valid, but do not write into it.
   */
  onOutput?: (t: number, y: Float64Array) => void;
}

/** Result of {@link dormandPrince}. */
export interface OdeSolution {
  /** the output times (a copy of `times`) */
  t: Float64Array;
  /** y[k] = y(t[k]); rows are views into one Float64Array of length t.length·dim */
  y: Float64Array[];
  /** work counters of the run */
  stats: OdeStats;
}

const FN = 'dormandPrince';

/**
 * Solves y' = f(y, t), y(times[0]) = y0 with the adaptive Dormand–Prince 5(4) method and
 * returns y at every requested time (by dense output: the requested times do not shorten
 * the steps, and no step goes beyond the last time). See `createDormandPrince` for the
 * method, the error norm and the failures it reports.
 *
 * @param rhs - f as `rhs(out, y, t)`, writing f(y, t) into `out` (both arrays are reused)
 * @param y0 - initial state at times[0] (length ≥ 1)
 * @param times - strictly increasing finite output times; times[0] is the initial time.
 *   Empty: nothing is integrated and the result is empty.
 * @param config - rtol (1e-6), atol (1e-8), h0, hMax, maxSteps (per output interval), onOutput
 * @returns `{ t, y, stats }` with y[k] = y(times[k]) (y[0] = y0)
 * @example
 * const decay = (out: Float64Array, y: Float64Array) => { out[0] = -2 * y[0]; };
 * const sol = dormandPrince(decay, new Float64Array([1]), [0, 0.5, 1], { rtol: 1e-10, atol: 1e-12 });
 * sol.y.map((row) => row[0]); // → [1, 0.3678794411…, 0.1353352832…]  (≈ e^{-2t})
 */
export function dormandPrince(
  rhs: OdeRhs,
  y0: Float64Array,
  times: ArrayLike<number>,
  config: DormandPrinceSolveConfig = {},
): OdeSolution {
  if (typeof rhs !== 'function') {
    throw new Error(`${FN}: argument 'rhs' must be a function (out, y, t) => void`);
  }
  assertInitialState(FN, y0);
  const m = times.length;
  if (typeof m !== 'number') {
    throw new Error(`${FN}: argument 'times' must be an array of numbers`);
  }
  for (let k = 0; k < m; k++) {
    if (!Number.isFinite(times[k])) {
      throw new Error(`${FN}: argument 'times' must be finite, got times[${k}] = ${times[k]}`);
    }
    if (k > 0 && !(times[k] > times[k - 1])) {
      throw new Error(
        `${FN}: argument 'times' must be strictly increasing, got times[${k - 1}] = ` +
          `${times[k - 1]}, times[${k}] = ${times[k]}`,
      );
    }
  }
  const n = y0.length;
  const t = Float64Array.from(times);
  const buffer = new Float64Array(m * n);
  const y: Float64Array[] = [];
  for (let k = 0; k < m; k++) y.push(buffer.subarray(k * n, (k + 1) * n));
  if (m === 0) {
    // still check the options, so that a bad configuration fails the same way for any times
    resolveDormandPrinceConfig(FN, stepperConfig(config), 0);
    return { t, y, stats: { steps: 0, rejected: 0, rhsEvaluations: 0 } };
  }
  resolveDormandPrinceConfig(FN, stepperConfig(config), t[0]); // errors named after dormandPrince
  const stepper = createDormandPrince(rhs, y0, t[0], {
    ...stepperConfig(config),
    tStop: t[m - 1],
  });
  for (let k = 0; k < m; k++) {
    stepper.advanceTo(t[k], y[k]);
    config.onOutput?.(t[k], y[k]);
  }
  return { t, y, stats: { ...stepper.stats } };
}

function stepperConfig(config: DormandPrinceSolveConfig): DormandPrinceConfig {
  const { rtol, atol, h0, hMax, maxSteps } = config;
  return { rtol, atol, h0, hMax, maxSteps };
}
