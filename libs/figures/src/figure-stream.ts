import type { Progress } from '@qsync/frames';
import { Observable, Subscription } from 'rxjs';
import type { FigureData, FigureEvent } from './figure-types';

/** What a figure's computation may use: run streams as named stages and report their progress. */
export interface FigureContext {
  /**
   * Subscribes to the stream `make(progress)` builds, forwards its progress as events of
   * `stage`, and resolves with every value it emitted once it completes. Stages may run one after
   * another or side by side (`Promise.all`); unsubscribing from the figure unsubscribes every stage
   * still running (their work stops) and settles nothing further.
   */
  collect<T>(stage: string, make: (progress: (p: Progress) => void) => Observable<T>): Promise<T[]>;
  /** Reports progress of work done outside a stream (e.g. a loop over grid points). */
  progress(stage: string, done: number, total: number): void;
  /** True once the subscriber has gone: stop early. */
  readonly closed: boolean;
}

/** Thrown inside a figure's computation when its subscriber has gone; never reaches anyone. */
class FigureCancelled extends Error {}

/**
 * Turns an async figure computation into a cold stream of {@link FigureEvent}s: progress events
 * of its stages, then one `data` event, then completion. Nothing runs until subscribed.
 *
 * @param compute - the figure's work, written with `await ctx.collect(stage, …)`
 * @example
 * const figure = figureStream(async (ctx) => {
 *   const values = await ctx.collect('count', () => of(1, 2, 3)); // a stage: a stream collected
 *   ctx.progress('sum', 1, 1); // progress of work outside a stream
 *   return { id: 'demo', title: `sum ${values.reduce((a, b) => a + b, 0)}`, parameters: {}, panels: [], checks: [] };
 * });
 * const events = await lastValueFrom(figure.pipe(toArray())); // nothing ran before this subscription
 * events.map((e) => e.kind); // ['progress', 'data']
 * events[1].kind === 'data' && events[1].data.title; // 'sum 6'
 */
export function figureStream(compute: (ctx: FigureContext) => Promise<FigureData>): Observable<FigureEvent> {
  return new Observable<FigureEvent>((subscriber) => {
    // every stage still running; a stage leaves when it completes or fails
    const running = new Subscription();
    let closed = false;
    const ctx: FigureContext = {
      get closed() {
        return closed;
      },
      progress(stage, done, total) {
        if (!closed) subscriber.next({ kind: 'progress', stage, done, total });
      },
      collect<T>(stage: string, make: (progress: (p: Progress) => void) => Observable<T>): Promise<T[]> {
        if (closed) return Promise.reject(new FigureCancelled());
        return new Promise<T[]>((resolve, reject) => {
          const values: T[] = [];
          const stream = make((p) => ctx.progress(stage, p.done, p.total));
          // added before subscribing: a stream that settles during subscribe() leaves it again at once
          const one = new Subscription();
          running.add(one);
          one.add(
            stream.subscribe({
              next: (v) => values.push(v),
              error: (e: unknown) => {
                running.remove(one);
                reject(e);
              },
              complete: () => {
                running.remove(one);
                resolve(values);
              },
            }),
          );
        });
      },
    };
    compute(ctx).then(
      (data) => {
        if (closed) return;
        subscriber.next({ kind: 'data', data });
        subscriber.complete();
      },
      (e: unknown) => {
        if (!closed && !(e instanceof FigureCancelled)) subscriber.error(e);
      },
    );
    return () => {
      closed = true;
      running.unsubscribe();
    };
  });
}
