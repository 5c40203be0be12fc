import { createDormandPrince } from '@qsync/integrators';
import { csrMatvecInto } from '@qsync/linalg';
import type { Lindbladian, Operator } from '@qsync/operators';
import type { Correlation } from './correlation';
import { checkRegressionArguments, regressionProblem, type RegressionOptions } from './regression-problem';

/** Options of {@link steadyStateCorrelation}. */
export interface SteadyStateCorrelationConfig extends RegressionOptions {
  /** Relative tolerance of the Dormand–Prince steps (default 1e-10). */
  rtol?: number;
  /** Absolute tolerance, in units of ρ (default 1e-13). */
  atol?: number;
}

/**
 * The steady-state two-time correlation ⟨A(t+τ)B(t)⟩, t → ∞, at the lags τ ≥ 0, by the quantum
 * regression theorem: Tr[A X(τ)] with Ẋ = L X, X(0) = Bρ_ss (the integrand of thesis Eqs. 4.12
 * and 4.46). As QuTiP 4.7's `correlation_2op_1t(H, None, taulist, c_ops, a_op, b_op)`: the full
 * correlation, ⟨A⟩⟨B⟩ not subtracted. X is evolved by Dormand–Prince 5(4) on the blocks of L
 * that Bρ_ss lives in only (exact: L is block diagonal there).
 *
 * @param l the generator, from `lindbladian` of @qsync/operators
 * @param tau lags, ascending, ≥ 0
 * @param a the operator A (e.g. a†, σ+)
 * @param b the operator B (e.g. a, σ−)
 * @param config tolerances, a known steady state
 * @returns `{ tau, g }`, g interleaved complex: g(τ_k) = ⟨A(t+τ_k)B(t)⟩
 * @example
 * // one spin-1/2 (Eq. 4.26), ω₀ = 2, γ+ = 0.5, γ− = 1: ⟨σ+(τ)σ−⟩ = (1/3)e^{(iω₀ − Γ/2)τ}, Γ = 1.5
 * const s = spinHalfSpace();
 * const l = lindbladian(sigmaZ(s), [{ rate: 0.5, jump: sigmaPlus(s) }, { rate: 1, jump: sigmaMinus(s) }]);
 * const { g } = steadyStateCorrelation(l, [0, 1], sigmaPlus(s), sigmaMinus(s));
 * g[0]; // ≈ 0.3333333333 — ⟨σ+σ−⟩ = γ+/Γ
 * [g[2], g[3]]; // ≈ [-0.0655246, 0.1431739] — (1/3)e^{−0.75}(cos 2, sin 2)
 */
export function steadyStateCorrelation(
  l: Lindbladian,
  tau: Float64Array | readonly number[],
  a: Operator,
  b: Operator,
  config: SteadyStateCorrelationConfig = {},
): Correlation {
  const fn = 'steadyStateCorrelation';
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
  const { block, x0, w } = regressionProblem(fn, l, a, b, false, config);
  const m = block.rows;
  const g = new Float64Array(2 * t.length);
  if (m === 0) return { tau: t, g };
  const stepper = createDormandPrince(
    (out, y) => {
      csrMatvecInto(out, block, y);
    },
    x0,
    0,
    { rtol, atol, maxSteps: 10_000_000 },
  );
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
  }
  return { tau: t, g };
}
