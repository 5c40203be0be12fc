import { defer } from 'rxjs';
import type { ChunkedObservable } from './chunked-observable';

/**
 * A {@link ChunkedObservable} that calls `factory` on every subscription (of its values or of
 * `withProgress()`) and subscribes to what it returns: `defer` for chunked computations, for a
 * producer that must build fresh state per subscription (e.g. a random source that every
 * subscriber replays from its seed).
 *
 * @param factory - builds the chunked Observable of one subscription
 * @returns a ChunkedObservable whose two forms both run `factory` per subscription
 * @example
 * let built = 0;
 * const one = deferChunked(() => (built++, chunkedObservable<number>(function* (ctx) { ctx.emit(1); yield; })));
 * await lastValueFrom(one);
 * await lastValueFrom(one.withProgress());
 * built;
 * // → 2
 */
export function deferChunked<T>(factory: () => ChunkedObservable<T>): ChunkedObservable<T> {
  if (typeof factory !== 'function') {
    throw new Error(`deferChunked: argument 'factory' must be a function () => ChunkedObservable, got ${String(factory)}`);
  }
  const values = defer(factory);
  return Object.assign(values, { withProgress: () => defer(() => factory().withProgress()) });
}
