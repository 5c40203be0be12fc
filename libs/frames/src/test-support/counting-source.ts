/**
 * A synchronous source that stops when its subscriber leaves, for the "unsubscribing stops the
 * computation" specs of @qsync/frames (not exported).
 */
import { Observable } from 'rxjs';

/** Emits `values` in a loop, checking `closed` before each, then completes; counts what it produced. */
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
