/**
 * A synchronous source for the "unsubscribing stops the computation" specs of stream operators.
 */
import { Observable } from 'rxjs';

/**
 * A synchronous source that emits `values` in one loop, checking `subscriber.closed` before each
 * value (as every emitting loop must), then completes; `produced()` counts the values it emitted,
 * so a spec sees where an unsubscription stopped the loop.
 *
 * @param values - the values, emitted in order on each subscription
 * @returns `{ source, produced }`: the source and the number of values it has emitted so far
 * @example
 * import { take } from 'rxjs';
 * const { source, produced } = countingSource([1, 2, 3, 4, 5]);
 * source.pipe(take(2)).subscribe();
 * produced(); // 2 — take(2) unsubscribed after the second value, and the loop saw `closed`
 */
export function countingSource<T>(values: readonly T[]): { source: Observable<T>; produced: () => number } {
  let produced = 0;
  const source = new Observable<T>((subscriber) => {
    for (let i = 0; i < values.length && !subscriber.closed; i++) {
      produced++;
      subscriber.next(values[i]);
    }
    subscriber.complete();
  });
  return { source, produced: () => produced };
}
