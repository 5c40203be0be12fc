import { chunkedObservable } from '@qsync/frames';
import type { ChunkedObservable } from '@qsync/frames';
import type { DensityMatrix } from '@qsync/operators';
import { compileMeanFieldRhs } from './compile-mean-field-rhs';
import { createDormandPrince } from './create-dormand-prince';
import { checkState } from './mean-field-support';
import type { MeanFieldMasterEquation } from './mean-field-types';

/** Options of {@link meanFieldSteadyState}. */
export interface MeanFieldSteadyStateConfig {
  /** Stop once ‖ρ̇‖_F ≤ tol (default 1e-9). */
  tol?: number;
  /** Time between two residual checks, in the model's time unit (default 1). */
  interval?: number;
  /** Give up (with an error) when not converged by this time (default 1e4). */
  tMax?: number;
  /**
   * Dormand–Prince tolerances (defaults 1e-10, 1e-12). Near the fixed point an explicit method takes the
   * largest steps stability allows and its local errors keep ‖ρ̇‖ at about 10·atol·(rates): `tol` must lie above.
   */
  rtol?: number;
  atol?: number;
  /** Wall-clock budget (ms) of one slice of work before yielding to the event loop (default 16). */
  yieldEvery?: number;
}

/** What {@link meanFieldSteadyState} finds. */
export interface MeanFieldSteadyStateResult {
  /** the stationary state reached */
  readonly rho: DensityMatrix;
  /** ‖ρ̇‖_F there */
  readonly residual: number;
  /** the time it took to get there from ρ0 */
  readonly t: number;
  readonly rhsEvaluations: number;
}

/**
 * A stationary state of a nonlinear master equation of mean-field form (Eqs. 4.19–4.20), found by
 * integrating it from ρ0 (Dormand–Prince) until ‖ρ̇‖_F ≤ tol. Which stationary state is reached depends
 * on ρ0: the incoherent state (H_mf = 0) is stationary at every coupling, so start from a state with a
 * nonzero mean field to find a synchronized one. A cold Observable that emits the result once and
 * completes, in slices that yield to the event loop (`withProgress()`: time reached of `tMax`);
 * unsubscribing stops it. Near a continuous transition the approach is slow (critical slowing down):
 * raise `tMax` there.
 *
 * @param equation L0 and the mean-field terms
 * @param rho0 the state to start from
 * @throws Error (in the stream) naming tol, tMax and the residual reached when it does not converge
 * @example
 * // Eq. 4.19 at κ1 = 1, κ2 = 1, V = 8: the synchronized state from a weak coherent start
 * const s = fockSpace(10);
 * const a = destroy(s);
 * const eq = {
 *   lindbladian: lindbladian(scaled(num(s), 0), [{ rate: 1, jump: create(s) }, { rate: 1, jump: power(a, 2) }, { rate: 8, jump: a }]),
 *   terms: [{ c: { re: 0, im: 4 }, x: a, y: create(s) }],
 * };
 * const ss = await lastValueFrom(meanFieldSteadyState(eq, pureState(coherentKet(s, { re: 0.1, im: 0 }))));
 * ss.residual <= 1e-9; // true
 * expect(a, ss.rho).re; // ≈ 0.5619 — |A|, the order parameter (arg A = 0, the start's phase)
 */
export function meanFieldSteadyState(
  equation: MeanFieldMasterEquation,
  rho0: DensityMatrix,
  config: MeanFieldSteadyStateConfig = {},
): ChunkedObservable<MeanFieldSteadyStateResult> {
  const rhs = compileMeanFieldRhs(equation);
  const n = rhs.n;
  const dims = equation.lindbladian.dims;
  checkState('meanFieldSteadyState', 'rho0', rho0, dims, n);
  const tol = config.tol ?? 1e-9;
  const interval = config.interval ?? 1;
  const tMax = config.tMax ?? 1e4;
  for (const [name, v] of [['tol', tol], ['interval', interval], ['tMax', tMax]] as const) {
    if (!(typeof v === 'number' && v > 0 && Number.isFinite(v))) {
      throw new Error(`meanFieldSteadyState: option '${name}' must be a finite number > 0, got ${String(v)}`);
    }
  }
  const tolerances = { rtol: config.rtol ?? 1e-10, atol: config.atol ?? 1e-12 };
  const apply = (out: Float64Array, y: Float64Array) => rhs.applyInto(out, y);
  const y0 = Float64Array.from(rho0.matrix.data);
  createDormandPrince(apply, y0, 0, tolerances); // refuses bad tolerances at the call

  return chunkedObservable<MeanFieldSteadyStateResult>(
    function* (ctx) {
      const y = Float64Array.from(y0);
      const f = new Float64Array(y.length);
      const stepper = createDormandPrince(apply, y, 0, { ...tolerances, tStop: tMax });
      let t = 0;
      for (;;) {
        rhs.applyInto(f, y);
        let r2 = 0;
        for (let k = 0; k < f.length; k++) r2 += f[k] * f[k];
        const residual = Math.sqrt(r2);
        if (!Number.isFinite(residual)) throw new Error(`meanFieldSteadyState: the state became non-finite at t = ${t}`);
        if (residual <= tol) {
          ctx.emit({ rho: { dims: [...dims], matrix: { rows: n, cols: n, data: y } }, residual, t, rhsEvaluations: stepper.stats.rhsEvaluations });
          return;
        }
        if (t >= tMax) {
          throw new Error(
            `meanFieldSteadyState: not stationary by tMax = ${tMax}: ‖ρ̇‖ = ${residual.toExponential(3)} > tol = ${tol} ` +
              '(near a transition the approach is slow: raise tMax, or start closer)',
          );
        }
        t = Math.min(t + interval, tMax);
        stepper.advanceTo(t, y);
        yield { done: t, total: tMax };
      }
    },
    config.yieldEvery !== undefined ? { yieldEvery: config.yieldEvery } : {},
  );
}
