import { filter } from 'rxjs';
import type { MonoTypeOperatorFunction } from 'rxjs';

/**
 * Keeps every `n`-th value of a stream: the first, the (n+1)-th, the (2n+1)-th, …
 * Counting restarts for every subscription. Completion and errors pass through.
 *
 * @param n - decimation factor, an integer ≥ 1 (1 keeps everything)
 * @throws Error naming `n` when it is not an integer ≥ 1
 * @example
 * await lastValueFrom(of(0, 1, 2, 3, 4, 5, 6).pipe(decimate(3), toArray())); // [0, 3, 6]
 */
export function decimate<T>(n: number): MonoTypeOperatorFunction<T> {
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`decimate: argument 'n' must be an integer ≥ 1, got ${n}`);
  }
  return filter((_value: T, index: number) => index % n === 0);
}
