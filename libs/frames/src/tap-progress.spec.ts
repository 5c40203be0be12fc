import { lastValueFrom, take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { chunkedObservable } from './chunked-observable';
import type { ChunkedEvent, Progress } from './chunked-observable';
import { tapProgress } from './tap-progress';
import { countingSource } from '@qsync/testing';
import { testScheduler } from './test-support/test-scheduler';

const v = (value: number): ChunkedEvent<number> => ({ kind: 'value', value });
const p = (done: number, total = 9): ChunkedEvent<number> => ({ kind: 'progress', done, total });

describe('tapProgress', () => {
  it('runs the doc example', async () => {
    const seen: number[] = [];
    const values = await lastValueFrom(
      chunkedObservable<number>(
        function* (ctx) {
          for (let k = 1; k <= 3; k++) {
            ctx.emit(10 * k);
            yield { done: k, total: 3 };
          }
        },
        { yieldEvery: 0 },
      )
        .withProgress()
        .pipe(tapProgress((p) => seen.push(p.done)), toArray()),
    );
    expect([values, seen]).toEqual([
      [10, 20, 30],
      [1, 2, 3],
    ]);
  });

  it('marbles: values pass unwrapped, progress goes to the callback; empty, never-completing, erroring sources', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const seen: Progress[] = [];
      const src = cold('-aAbB|', { a: v(1), A: p(1), b: v(2), B: p(2) });
      expectObservable(src.pipe(tapProgress((q) => seen.push(q)))).toBe('-a-b-|', { a: 1, b: 2 });
      expectSubscriptions(src.subscriptions).toBe('^----!');

      const empty = cold<ChunkedEvent<number>>('|');
      expectObservable(empty.pipe(tapProgress(() => undefined))).toBe('|');

      const never = cold('-a--', { a: v(7) });
      expectObservable(never.pipe(tapProgress(() => undefined)), '^---!').toBe('-a--', { a: 7 });
      expectSubscriptions(never.subscriptions).toBe('^---!');

      const failing = cold('-a#', { a: v(1) }, new Error('boom'));
      expectObservable(failing.pipe(tapProgress(() => undefined))).toBe('-a#', { a: 1 }, new Error('boom'));
      expectSubscriptions(failing.subscriptions).toBe('^-!');
    });
    // after the run: the progress of the first source reached the callback
  });

  it('calls the callback with { done, total } in order', () => {
    const seen: Progress[] = [];
    testScheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold('aAB|', { a: v(1), A: p(3), B: p(4) }).pipe(tapProgress((q) => seen.push(q)))).toBe('a--|', { a: 1 });
    });
    expect(seen).toEqual([
      { done: 3, total: 9 },
      { done: 4, total: 9 },
    ]);
  });

  it('an error thrown by the callback ends the stream and unsubscribes the source', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const src = cold('-aA-b|', { a: v(1), A: p(1), b: v(2) });
      const op = tapProgress<number>(() => {
        throw new Error('bad callback');
      });
      expectObservable(src.pipe(op)).toBe('-a#', { a: 1 }, new Error('bad callback'));
      expectSubscriptions(src.subscriptions).toBe('^-!');
    });
  });

  it('unsubscribing mid-stream stops a synchronous source', () => {
    const events: ChunkedEvent<number>[] = [];
    for (let k = 0; k < 100; k++) events.push(v(k), p(k));
    const { source, produced } = countingSource(events);
    const out: number[] = [];
    source.pipe(tapProgress(() => undefined), take(3)).subscribe((x) => out.push(x));
    expect(out).toEqual([0, 1, 2]);
    expect(produced()).toBe(5); // v0 p0 v1 p1 v2
  });

  it('rejects a callback that is not a function', () => {
    expect(() => tapProgress(42 as never)).toThrow(
      "tapProgress: argument 'onProgress' must be a function ({ done, total }) => void, got 42",
    );
  });
});
