import { Observable, asyncScheduler } from 'rxjs';
import type { SchedulerAction, SchedulerLike, Subscriber } from 'rxjs';

/** How far a long computation has come: `done` of `total` units (the producer picks the unit). */
export interface Progress {
  readonly done: number;
  readonly total: number;
}

/** What a running {@link ChunkedComputation} may use: emit values, see whether anyone still listens. */
export interface ChunkContext<T> {
  /** Delivers a value to the subscriber now; a no-op once the subscriber has unsubscribed. */
  emit(value: T): void;
  /** True once the subscriber has gone (unsubscribed, or the stream ended): stop early. */
  readonly closed: boolean;
}

/**
 * A long computation cut into chunks, written as a generator function:
 *
 * ```ts
 * const squares: ChunkedComputation<number> = function* (ctx) {
 *   const work = new Float64Array(1000);          // buffers live in the generator
 *   try {
 *     for (let k = 0; k < 10; k++) {
 *       ctx.emit(k * k);                          // emit any number of values per chunk
 *       yield { done: k + 1, total: 10 };         // each `yield` ends a chunk (progress optional)
 *     }
 *   } finally {
 *     // runs on completion, on error and on unsubscribe: free buffers here
 *   }
 * };
 * ```
 *
 * Each `yield` ends a chunk; a chunk should do a bounded amount of work (a few ms at
 * most). Yield `{ done, total }` to report progress or nothing (`yield;`) to only mark
 * the boundary. Returning ends the stream (`complete`), throwing ends it with `error`.
 * When the subscriber unsubscribes, the generator is not resumed again; it is closed
 * with `return()`, which runs its `finally` blocks — that is the dispose hook (it must
 * not throw). The function is called once per subscription, on subscribe.
 */
export type ChunkedComputation<T> = (ctx: ChunkContext<T>) => Iterator<Progress | void, void>;

/** A value or a progress report: what {@link ChunkedObservable.withProgress} emits. */
export type ChunkedEvent<T> =
  | { readonly kind: 'value'; readonly value: T }
  | { readonly kind: 'progress'; readonly done: number; readonly total: number };

/**
 * A cold Observable of a chunked computation's values that can also report its progress,
 * per subscription: `withProgress()` is the same computation with its progress reports
 * in-band. Each subscription (of either form) runs its own computation, so each subscriber
 * sees its own progress and no other — there is no callback shared by subscribers.
 */
export interface ChunkedObservable<T> extends Observable<T> {
  /**
   * The values wrapped as `{ kind: 'value', value }`, interleaved with
   * `{ kind: 'progress', done, total }` whenever the computation yields to the event loop and
   * once more before completion (only when it changed). Read it with `tapProgress(onProgress)`.
   */
  withProgress(): Observable<ChunkedEvent<T>>;
}

/** Options of {@link chunkedObservable}. */
export interface ChunkedObservableConfig {
  /**
   * Wall-clock budget of one time slice in ms (default 16): chunks run back to back until
   * the budget is spent, then the computation yields to the event loop. 0 yields after
   * every chunk (deterministic; useful in tests).
   */
  yieldEvery?: number;
  /**
   * Scheduler that runs the time slices (default `asyncScheduler`, a macrotask, so I/O and
   * timers run in between). Pass a `TestScheduler` for virtual-time tests.
   */
  scheduler?: SchedulerLike;
}

/**
 * Turns a chunked computation into a cold Observable that yields to the event loop
 * between time slices.
 *
 * Nothing runs until subscribe; each subscription runs its own computation (`run` is
 * called per subscriber). The first slice is scheduled, so `subscribe` returns at once.
 * Unsubscribing stops the computation: no further chunk runs and the generator is closed
 * (its `finally` blocks run), also when the unsubscription happens synchronously inside a
 * chunk (e.g. a downstream `take`) — then the current chunk finishes, its later emissions
 * are dropped, and the generator is closed right after. An error thrown by a chunk goes
 * to the subscriber's `error`. Progress reaches a subscriber of `withProgress()` in-band.
 *
 * @param run - the computation, see {@link ChunkedComputation}
 * @param config - time-slice budget (ms), scheduler
 * @returns a {@link ChunkedObservable}: the values, and `withProgress()` for values and progress
 * @throws Error naming `yieldEvery` when it is negative or NaN
 * @example
 * const source = chunkedObservable<number>(function* (ctx) {
 *   for (let k = 1; k <= 3; k++) { ctx.emit(k); yield { done: k, total: 3 }; }
 * });
 * await lastValueFrom(source.pipe(toArray())); // [1, 2, 3] — one value per chunk, the event loop runs in between
 */
export function chunkedObservable<T>(
  run: ChunkedComputation<T>,
  config: ChunkedObservableConfig = {},
): ChunkedObservable<T> {
  const yieldEvery = config.yieldEvery ?? 16;
  if (!(yieldEvery >= 0)) {
    throw new Error(
      `chunkedObservable: option 'yieldEvery' must be a number of ms ≥ 0, got ${yieldEvery}`,
    );
  }
  const scheduler = config.scheduler ?? asyncScheduler;
  const values = new Observable<T>((subscriber) => start(run, subscriber, false, yieldEvery, scheduler));
  const withProgress = (): Observable<ChunkedEvent<T>> =>
    new Observable<ChunkedEvent<T>>((subscriber) => start(run, subscriber, true, yieldEvery, scheduler));
  return Object.assign(values, { withProgress });
}

/** Runs one subscription's computation; returns its teardown. */
function start<T>(
  run: ChunkedComputation<T>,
  subscriber: Subscriber<T> | Subscriber<ChunkedEvent<T>>,
  asEvents: boolean,
  yieldEvery: number,
  scheduler: SchedulerLike,
): () => void {
  // one of the two, by `asEvents`
  const out = subscriber as Subscriber<T | ChunkedEvent<T>>;
  // Latest progress yielded by the computation, and the last one reported.
  let hasLatest = false;
  let latestDone = 0;
  let latestTotal = 0;
  let reportedDone = NaN;
  let reportedTotal = NaN;
  let running = false; // true while iterator.next() executes
  let finished = false; // the iterator is done or closed

  const report = (): void => {
    if (!asEvents || !hasLatest || (latestDone === reportedDone && latestTotal === reportedTotal)) return;
    reportedDone = latestDone;
    reportedTotal = latestTotal;
    if (!out.closed) out.next({ kind: 'progress', done: latestDone, total: latestTotal });
  };

  const ctx: ChunkContext<T> = {
    emit(value: T): void {
      if (out.closed) return;
      out.next(asEvents ? { kind: 'value', value } : value);
    },
    get closed(): boolean {
      return out.closed;
    },
  };

  const iterator = run(ctx);

  const close = (): void => {
    if (finished) return;
    finished = true;
    iterator.return?.();
  };

  /** Runs chunks until the slice budget is spent; returns true when more work remains. */
  const slice = (): boolean => {
    const begin = performance.now();
    for (;;) {
      let result: IteratorResult<Progress | void, void>;
      running = true;
      try {
        result = iterator.next();
      } catch (err) {
        finished = true; // a generator that threw is closed already
        out.error(err);
        return false;
      } finally {
        running = false;
      }
      if (result.done === true) {
        finished = true;
        if (out.closed) return false;
        report();
        out.complete();
        return false;
      }
      if (out.closed) {
        // Unsubscribed synchronously during this chunk: the teardown could not close
        // a running generator, so close it now.
        close();
        return false;
      }
      const p = result.value;
      if (p !== undefined) {
        hasLatest = true;
        latestDone = p.done;
        latestTotal = p.total;
      }
      if (performance.now() - begin >= yieldEvery) break;
    }
    report();
    if (out.closed) close();
    return !out.closed;
  };

  out.add(
    scheduler.schedule(function (this: SchedulerAction<unknown>) {
      if (slice()) this.schedule();
    }),
  );

  return () => {
    // If a chunk is running (we are inside its emit), the slice loop closes it afterwards.
    if (!running) close();
  };
}
