import { chunkedObservable, type ChunkedObservable } from '@qsync/frames';
import type { Lindbladian, Operator } from '@qsync/operators';
import type { Correlation } from './correlation';
import { correlationPlan } from './correlation-plan';
import type { SteadyStateCorrelationConfig } from './steady-state-correlation-config';

/**
 * {@link steadyStateCorrelation} as a cold, cancellable Observable: nothing runs until it is
 * subscribed; then it integrates lag by lag (one chunk per requested τ), yields to the event
 * loop between chunks, reports progress (lags done of all) through `withProgress()`, stops when
 * unsubscribed, and emits the finished correlation once. Arguments are checked when it is called.
 *
 * @param l the generator, from `lindbladian` of @qsync/operators
 * @param tau lags, ascending, ≥ 0
 * @param a the operator A (e.g. a†, σ+)
 * @param b the operator B (e.g. a, σ−)
 * @param config tolerances, a known steady state, `yieldEvery`
 * @example
 * // one spin-1/2 (Eq. 4.26), ω₀ = 2, γ+ = 0.5, γ− = 1: |⟨σ+(τ)σ−⟩| = (1/3)e^{−Γτ/2}, Γ = 1.5
 * const s = spinHalfSpace();
 * const l = lindbladian(sigmaZ(s), [{ rate: 0.5, jump: sigmaPlus(s) }, { rate: 1, jump: sigmaMinus(s) }]);
 * const done: number[] = [];
 * const c = await lastValueFrom(
 *   steadyStateCorrelationChunked(l, [0, 1, 2], sigmaPlus(s), sigmaMinus(s), { yieldEvery: 0 }).withProgress().pipe(tapProgress((p) => done.push(p.done))),
 * );
 * done; // [1, 2, 3]
 * Math.hypot(c.g[4], c.g[5]); // ≈ 0.0743767 — (1/3)e^{−1.5}
 */
export function steadyStateCorrelationChunked(
  l: Lindbladian,
  tau: Float64Array | readonly number[],
  a: Operator,
  b: Operator,
  config: SteadyStateCorrelationConfig = {},
): ChunkedObservable<Correlation> {
  const fn = 'steadyStateCorrelationChunked';
  correlationPlan(fn, l, tau, a, b, config);
  return chunkedObservable<Correlation>(function* (ctx) {
    const plan = correlationPlan(fn, l, tau, a, b, config);
    yield* plan.run();
    ctx.emit(plan.correlation);
  }, config.yieldEvery === undefined ? {} : { yieldEvery: config.yieldEvery });
}
