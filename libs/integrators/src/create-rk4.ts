import {
  assertFinite,
  assertInitialState,
  assertOutput,
  assertPositive,
  firstNonFinite,
} from './ode-guards';
import type { OdeRhs, OdeStats, OdeStepper } from './ode-types';

/** Options of {@link createRk4}. */
export interface Rk4Config {
  /** step size, > 0, in the model's time unit */
  dt: number;
}

const FN = 'createRk4';

/**
 * Creates a classical fixed-step Runge–Kutta integrator (order 4) for y' = f(y, t),
 * y(t0) = y0, advanced with `advanceTo(tOut, yOut)`: steps of `dt` from the current time,
 * the last one shortened to land exactly on tOut (a remainder up to 1e-10·dt longer than
 * dt is taken as one step rather than leaving a sliver). Four right-hand-side calls per
 * step; all work arrays are allocated here, a step allocates nothing.
 *
 * @param rhs - f as `rhs(out, y, t)`, writing f(y, t) into `out` (both arrays are reused)
 * @param y0 - initial state (copied; length ≥ 1)
 * @param t0 - initial time, in the model's time unit
 * @param config - `{ dt }`, the step size > 0
 * @returns the stepper; `advanceTo` requires tOut ≥ the previous tOut (≥ t0) and throws,
 *   naming t, when y becomes non-finite
 * @example
 * const oscillator = (out: Float64Array, y: Float64Array) => { out[0] = y[1]; out[1] = -y[0]; };
 * const stepper = createRk4(oscillator, new Float64Array([1, 0]), 0, { dt: 0.01 });
 * const y = new Float64Array(2);
 * stepper.advanceTo(Math.PI, y);
 * y[0]; // → -0.999999999998  (≈ cos π = −1; error ≈ 2e-12)
 */
export function createRk4(
  rhs: OdeRhs,
  y0: Float64Array,
  t0: number,
  config: Rk4Config,
): OdeStepper {
  if (typeof rhs !== 'function') {
    throw new Error(`${FN}: argument 'rhs' must be a function (out, y, t) => void`);
  }
  assertInitialState(FN, y0);
  assertFinite(FN, 't0', t0);
  const dt = config.dt;
  assertPositive(FN, 'dt', dt);

  const n = y0.length;
  const y = Float64Array.from(y0);
  const yStage = new Float64Array(n);
  const k1 = new Float64Array(n);
  const k2 = new Float64Array(n);
  const k3 = new Float64Array(n);
  const k4 = new Float64Array(n);
  const stats: OdeStats = { steps: 0, rejected: 0, rhsEvaluations: 0 };
  let t = t0;

  function step(h: number, tNew: number): void {
    const half = 0.5 * h;
    rhs(k1, y, t);
    for (let i = 0; i < n; i++) yStage[i] = y[i] + half * k1[i];
    rhs(k2, yStage, t + half);
    for (let i = 0; i < n; i++) yStage[i] = y[i] + half * k2[i];
    rhs(k3, yStage, t + half);
    for (let i = 0; i < n; i++) yStage[i] = y[i] + h * k3[i];
    rhs(k4, yStage, tNew);
    const h6 = h / 6;
    for (let i = 0; i < n; i++) y[i] += h6 * (k1[i] + 2 * (k2[i] + k3[i]) + k4[i]);
    stats.rhsEvaluations += 4;
    stats.steps++;
    const bad = firstNonFinite(y);
    if (bad >= 0) {
      throw new Error(
        `${FN}: y became non-finite in the step from t = ${t} to t = ${tNew} ` +
          `(y[${bad}] = ${y[bad]}): the solution blows up or dt = ${dt} is too large`,
      );
    }
    t = tNew;
  }

  function advanceTo(tOut: number, yOut: Float64Array): void {
    if (!(tOut >= t) || tOut === Infinity) {
      throw new Error(
        `${FN}: advanceTo: argument 'tOut' must be finite and ≥ the current time ${t}, ` +
          `got ${tOut}`,
      );
    }
    assertOutput(`${FN}: advanceTo`, yOut, n);
    while (t < tOut) {
      const remaining = tOut - t;
      if (remaining <= dt * (1 + 1e-10)) step(remaining, tOut);
      else step(dt, t + dt);
    }
    yOut.set(y);
  }

  return {
    dim: n,
    get t() {
      return t;
    },
    stats,
    advanceTo,
  };
}
