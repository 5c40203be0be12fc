import { filter, map, tap } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import type { ChunkedEvent, Progress } from './chunked-observable';

/**
 * Reads a stream of {@link ChunkedEvent}s (from `withProgress()`): calls `onProgress` with each
 * progress report of this subscription and passes the values on, unwrapped. Placed in a
 * subscriber's own pipe, it gives each subscriber the progress of its own computation.
 * An error thrown by `onProgress` ends the stream with that error (the source is unsubscribed).
 *
 * @param onProgress - called with `{ done, total }` for every progress event
 * @returns an operator ChunkedEvent<T> → T
 * @throws Error naming `onProgress` when it is not a function
 * @example
 * const seen: number[] = [];
 * const values = await lastValueFrom(
 *   chunkedObservable<number>(function* (ctx) {
 *     for (let k = 1; k <= 3; k++) { ctx.emit(10 * k); yield { done: k, total: 3 }; }
 *   }, { yieldEvery: 0 }).withProgress().pipe(tapProgress((p) => seen.push(p.done)), toArray()),
 * );
 * [values, seen];
 * // → [[10, 20, 30], [1, 2, 3]]
 */
export function tapProgress<T>(onProgress: (p: Progress) => void): OperatorFunction<ChunkedEvent<T>, T> {
  if (typeof onProgress !== 'function') {
    throw new Error(`tapProgress: argument 'onProgress' must be a function ({ done, total }) => void, got ${String(onProgress)}`);
  }
  return (source) =>
    source.pipe(
      tap((event) => {
        if (event.kind === 'progress') onProgress({ done: event.done, total: event.total });
      }),
      filter((event): event is { readonly kind: 'value'; readonly value: T } => event.kind === 'value'),
      map((event) => event.value),
    );
}
