import { chunkedObservable, type ChunkedObservable } from '@qsync/frames';
import type { DensityMatrix, DickeLindbladian, DickeState, Lindbladian } from '@qsync/operators';
import type { SteadyStateConfig, SteadyStateResult } from './steady-state';
import { steadyStateSteps } from './steady-state-steps';

/** Options of {@link steadyStateChunked}: those of `steadyState` and the time slice. */
export interface SteadyStateChunkedConfig extends SteadyStateConfig {
  /** Wall-clock budget (ms) of one slice of work before yielding to the event loop (default 16). */
  yieldEvery?: number;
}

/**
 * `steadyState` as a cold Observable (`ChunkedObservable` of `@qsync/frames`): nothing
 * runs until subscribed; the work (building the population block, the band LU column by column,
 * each inverse-iteration sweep, each GMRES restart cycle) runs in slices that yield to the event
 * loop; unsubscribing stops it; the one value is the `SteadyStateResult`, then completion.
 * `withProgress()` adds progress {done, total} of each subscription (read it with `tapProgress`):
 * for the direct method in columns of the band LU plus one per inverse-iteration sweep, for the
 * iterative one in GMRES iterations out of `maxIterations` (it completes early on convergence).
 * Bad options throw at the call, not on subscription.
 *
 * @param l the generator, from `lindbladian` or `dickeLindbladian` of `@qsync/operators`
 * @param config as `steadyState`, plus `yieldEvery` (ms per slice, default 16)
 * @example
 * const seen: number[] = [];
 * const l = dickeLindbladian(dickeSpace(40), null, [{ rate: 0.1, jump: dickeSpin(dickeSpace(40), '-') }], { gain: 1, loss: 0.2 });
 * const r = await lastValueFrom(steadyStateChunked(l).withProgress().pipe(tapProgress((p) => seen.push(p.done / p.total))));
 * [r.blockSize, seen[seen.length - 1]]; // [441, 1] — Σ_j (2j+1) populations for N = 40; the last report is "all done"
 */
export function steadyStateChunked(l: Lindbladian, config?: SteadyStateChunkedConfig): ChunkedObservable<SteadyStateResult<DensityMatrix>>;
export function steadyStateChunked(l: DickeLindbladian, config?: SteadyStateChunkedConfig): ChunkedObservable<SteadyStateResult<DickeState>>;
export function steadyStateChunked(
  l: Lindbladian | DickeLindbladian,
  config: SteadyStateChunkedConfig = {},
): ChunkedObservable<SteadyStateResult<DensityMatrix> | SteadyStateResult<DickeState>> {
  const solve = steadyStateSteps('steadyStateChunked', l, config);
  return chunkedObservable<SteadyStateResult<DensityMatrix> | SteadyStateResult<DickeState>>(
    function* (ctx) {
      const result = yield* solve();
      ctx.emit(result);
    },
    config.yieldEvery !== undefined ? { yieldEvery: config.yieldEvery } : {},
  );
}
