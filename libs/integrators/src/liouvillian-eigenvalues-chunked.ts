import { chunkedObservable, type ChunkedObservable } from '@qsync/frames';
import type { DickeLindbladian, Lindbladian } from '@qsync/operators';
import type { LiouvillianEigenvaluesConfig, LiouvillianEigenvaluesResult } from './liouvillian-eigenvalues';
import { liouvillianEigenvaluesSteps } from './liouvillian-eigenvalues-steps';

/** Options of {@link liouvillianEigenvaluesChunked}: those of `liouvillianEigenvalues` and the time slice. */
export interface LiouvillianEigenvaluesChunkedConfig extends LiouvillianEigenvaluesConfig {
  /** Wall-clock budget (ms) of one slice of work before yielding to the event loop (default 16). */
  yieldEvery?: number;
}

/**
 * `liouvillianEigenvalues` as a cold Observable (`ChunkedObservable` of `@qsync/frames`): nothing
 * runs until subscribed; the band LU of L − σ (a few columns per slice) and the Arnoldi run (one
 * Krylov vector per slice; the Ritz values are tested at dimensions 40, 80, 160, … as in the
 * blocking call) yield to the event loop; unsubscribing stops the work; the one value is the
 * `LiouvillianEigenvaluesResult`, then completion. `withProgress()` adds progress {done, total}:
 * columns of the factorization plus Arnoldi steps, out of block size + maxKrylov (the last report
 * is total/total, also when it converges early). The block is built and the options are checked
 * at the call, so bad options throw there, not on subscription.
 *
 * @param l the generator (`lindbladian` or `dickeLindbladian` of `@qsync/operators`)
 * @param config as `liouvillianEigenvalues`, plus `yieldEvery` (ms per slice, default 16)
 * @example
 * const seen: number[] = [];
 * const l = dickeLindbladian(dickeSpace(40), null, [{ rate: 0.1, jump: dickeSpin(dickeSpace(40), '-') }], { gain: 1, loss: 0.2 });
 * const r = await lastValueFrom(liouvillianEigenvaluesChunked(l, { count: 2 }).withProgress().pipe(tapProgress((p) => seen.push(p.done / p.total))));
 * [r.blockSize, Math.abs(r.eigenvalues[0]) < 1e-10, seen[seen.length - 1]]; // [441, true, 1] — λ = 0 is the steady state
 */
export function liouvillianEigenvaluesChunked(
  l: Lindbladian | DickeLindbladian,
  config: LiouvillianEigenvaluesChunkedConfig = {},
): ChunkedObservable<LiouvillianEigenvaluesResult> {
  const search = liouvillianEigenvaluesSteps('liouvillianEigenvaluesChunked', l, config);
  return chunkedObservable<LiouvillianEigenvaluesResult>(
    function* (ctx) {
      const result = yield* search();
      ctx.emit(result);
    },
    config.yieldEvery !== undefined ? { yieldEvery: config.yieldEvery } : {},
  );
}
