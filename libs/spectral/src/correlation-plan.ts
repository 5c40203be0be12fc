import { createDormandPrince } from '@qsync/integrators';
import { csrMatvecInto } from '@qsync/linalg';
import type { Progress } from '@qsync/frames';
import type { Lindbladian, Operator } from '@qsync/operators';
import type { Correlation } from './correlation';
import { checkRegressionArguments, regressionProblem } from './regression-problem';
import type { SteadyStateCorrelationConfig } from './steady-state-correlation-config';

/**
 * Checks the arguments of the steady-state correlation and sets up its computation (internal):
 * the result arrays and the generator that fills them, one chunk per requested lag (at most a
 * few hundred Dormand–Prince steps each). Everything that can be refused is refused here.
 */
export function correlationPlan(
  fn: string,
  l: Lindbladian,
  tau: Float64Array | readonly number[],
  a: Operator,
  b: Operator,
  config: SteadyStateCorrelationConfig,
): { correlation: Correlation; run: () => Generator<Progress, void> } {
  if (config === null || typeof config !== 'object') {
    throw new Error(`${fn}: argument 'config' must be an object, got ${String(config)}`);
  }
  if (!(tau instanceof Float64Array) && !Array.isArray(tau)) {
    throw new Error(`${fn}: argument 'tau' must be a Float64Array or an array of numbers`);
  }
  const t = Float64Array.from(tau as ArrayLike<number>);
  if (t.length === 0) throw new Error(`${fn}: argument 'tau' must hold at least one lag`);
  for (let k = 0; k < t.length; k++) {
    if (!(Number.isFinite(t[k]) && t[k] >= 0)) throw new Error(`${fn}: argument 'tau' must hold finite lags ≥ 0, got ${String(tau[k])} at ${k}`);
    if (k > 0 && t[k] < t[k - 1]) throw new Error(`${fn}: argument 'tau' must be ascending, but tau[${k}] < tau[${k - 1}]`);
  }
  const rtol = config.rtol ?? 1e-10;
  const atol = config.atol ?? 1e-13;
  for (const [name, v] of [['rtol', rtol], ['atol', atol]] as const) {
    if (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v)) {
      throw new Error(`${fn}: option '${name}' must be a finite number > 0, got ${String(v)}`);
    }
  }
  checkRegressionArguments(fn, l, a, b, config);
  const g = new Float64Array(2 * t.length);
  return {
    correlation: { tau: t, g },
    run: function* () {
      const { block, x0, w } = regressionProblem(fn, l, a, b, false, config);
      const m = block.rows;
      if (m === 0) {
        yield { done: t.length, total: t.length };
        return;
      }
      const stepper = createDormandPrince((out, y) => csrMatvecInto(out, block, y), x0, 0, { rtol, atol, maxSteps: 10_000_000 });
      const x = new Float64Array(2 * m);
      for (let k = 0; k < t.length; k++) {
        if (t[k] === 0) x.set(x0);
        else stepper.advanceTo(t[k], x);
        let re = 0;
        let im = 0;
        for (let q = 0; q < m; q++) {
          re += w[2 * q] * x[2 * q] - w[2 * q + 1] * x[2 * q + 1];
          im += w[2 * q] * x[2 * q + 1] + w[2 * q + 1] * x[2 * q];
        }
        g[2 * k] = re;
        g[2 * k + 1] = im;
        yield { done: k + 1, total: t.length };
      }
    },
  };
}
