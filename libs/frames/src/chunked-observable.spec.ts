import { lastValueFrom, take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { chunkedObservable } from './chunked-observable';
import type { ChunkedComputation, ChunkedEvent, Progress } from './chunked-observable';
import { tapProgress } from './tap-progress';
import { testScheduler } from './test-support/test-scheduler';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Counts k = 1…n, one value and one progress report per chunk; records its lifecycle. */
function counting(n: number, log: { steps: number; disposed: number }): ChunkedComputation<number> {
  return function* (ctx) {
    try {
      for (let k = 1; k <= n; k++) {
        log.steps++;
        ctx.emit(k);
        yield { done: k, total: n };
      }
    } finally {
      log.disposed++;
    }
  };
}

/** Never ends; each chunk is one step. */
function endless(log: { steps: number; disposed: number }): ChunkedComputation<number> {
  return function* (ctx) {
    try {
      for (;;) {
        log.steps++;
        ctx.emit(log.steps);
        yield;
      }
    } finally {
      log.disposed++;
    }
  };
}

describe('chunkedObservable', () => {
  it('runs the doc example: values in order, then complete', async () => {
    const values: number[] = [];
    const done = new Promise<void>((resolve) => {
      chunkedObservable<number>(function* (ctx) {
        for (let k = 1; k <= 3; k++) {
          ctx.emit(k);
          yield { done: k, total: 3 };
        }
      }).subscribe({ next: (v) => values.push(v), complete: () => (values.push(0), resolve()) });
    });
    expect(values).toEqual([]); // the first slice is scheduled, not run inside subscribe
    await done;
    expect(values).toEqual([1, 2, 3, 0]);
  });

  it('marbles (virtual scheduler): emits every chunk’s values and completes', () => {
    const ts = testScheduler();
    ts.run(({ expectObservable }) => {
      const log = { steps: 0, disposed: 0 };
      const src = chunkedObservable(counting(3, log), { scheduler: ts, yieldEvery: 0 });
      expectObservable(src).toBe('(abc|)', { a: 1, b: 2, c: 3 });
    });
  });

  it('an empty computation completes without values', () => {
    const ts = testScheduler();
    ts.run(({ expectObservable }) => {
      const src = chunkedObservable<number>(
        function* () {
          /* nothing to do */
        },
        { scheduler: ts },
      );
      expectObservable(src).toBe('|');
    });
  });

  it('is cold: nothing runs before subscribe; two subscribers run two computations', async () => {
    const log = { steps: 0, disposed: 0 };
    let started = 0;
    const src = chunkedObservable<number>((ctx) => {
      started++;
      return counting(4, log)(ctx);
    });
    await sleep(5);
    expect(started).toBe(0);
    expect(log.steps).toBe(0);
    const a: number[] = [];
    const b: number[] = [];
    await Promise.all([
      new Promise<void>((resolve) => src.subscribe({ next: (v) => a.push(v), complete: resolve })),
      new Promise<void>((resolve) => src.subscribe({ next: (v) => b.push(v), complete: resolve })),
    ]);
    expect(started).toBe(2);
    expect(log.steps).toBe(8);
    expect(log.disposed).toBe(2); // finally ran on completion of each
    expect(a).toEqual([1, 2, 3, 4]);
    expect(b).toEqual([1, 2, 3, 4]);
  });

  it('delivers an error thrown in chunk k after the values of chunks 1…k−1, and disposes', () => {
    const ts = testScheduler();
    let disposed = 0;
    const boom = new Error('chunk 3 failed');
    ts.run(({ expectObservable }) => {
      const src = chunkedObservable<number>(
        function* (ctx) {
          try {
            for (let k = 1; ; k++) {
              if (k === 3) throw boom;
              ctx.emit(k);
              yield;
            }
          } finally {
            disposed++;
          }
        },
        { scheduler: ts, yieldEvery: 0 },
      );
      expectObservable(src).toBe('(ab#)', { a: 1, b: 2 }, boom);
    });
    expect(disposed).toBe(1);
  });

  it('unsubscribe in the middle stops the computation: the step count stops growing', async () => {
    const log = { steps: 0, disposed: 0 };
    const sub = chunkedObservable(endless(log), { yieldEvery: 1 }).subscribe();
    await sleep(30);
    sub.unsubscribe();
    const stepsAtUnsubscribe = log.steps;
    expect(stepsAtUnsubscribe).toBeGreaterThan(0);
    expect(log.disposed).toBe(1); // generator closed: its finally ran
    await sleep(30);
    expect(log.steps).toBe(stepsAtUnsubscribe);
  });

  it('unsubscribe synchronously inside a chunk (take) ends the chunk and closes the generator', async () => {
    const log = { steps: 0, disposed: 0 };
    let emittedAfterClose = 0;
    const values: number[] = [];
    let completed = false;
    const src = chunkedObservable<number>(function* (ctx) {
      try {
        for (let chunk = 0; ; chunk++) {
          // one chunk = a synchronous loop of 100 emissions that checks ctx.closed
          for (let i = 0; i < 100; i++) {
            if (ctx.closed) {
              emittedAfterClose++;
              break;
            }
            log.steps++;
            ctx.emit(chunk * 100 + i);
          }
          yield;
        }
      } finally {
        log.disposed++;
      }
    });
    src.pipe(take(5)).subscribe({ next: (v) => values.push(v), complete: () => (completed = true) });
    await sleep(20);
    expect(values).toEqual([0, 1, 2, 3, 4]);
    expect(completed).toBe(true);
    expect(log.steps).toBe(5); // the inner loop saw ctx.closed right after the 5th value
    expect(emittedAfterClose).toBe(1);
    expect(log.disposed).toBe(1);
    await sleep(20);
    expect(log.steps).toBe(5);
  });

  it('drops values emitted after the subscriber left (ignoring ctx.closed)', async () => {
    const values: number[] = [];
    let disposed = 0;
    chunkedObservable<number>(function* (ctx) {
      try {
        for (let i = 0; i < 10; i++) ctx.emit(i);
        yield;
        values.push(-1); // must never run: no chunk after unsubscribe
      } finally {
        disposed++;
      }
    })
      .pipe(take(2))
      .subscribe((v) => values.push(v));
    await sleep(20);
    expect(values).toEqual([0, 1]);
    expect(disposed).toBe(1);
  });

  it('reports progress in-band with withProgress(); it reaches total', async () => {
    const seen: Progress[] = [];
    const log = { steps: 0, disposed: 0 };
    const values = await lastValueFrom(
      chunkedObservable(counting(50, log), { yieldEvery: 0 })
        .withProgress()
        .pipe(tapProgress((p) => seen.push(p)), toArray()),
    );
    expect(values).toEqual(Array.from({ length: 50 }, (_, k) => k + 1));
    expect(seen.at(-1)).toEqual({ done: 50, total: 50 });
    expect(seen).toHaveLength(50); // one slice per chunk with yieldEvery 0, no duplicates
    for (let k = 1; k < seen.length; k++) expect(seen[k].done).toBeGreaterThan(seen[k - 1].done);
  });

  it('throttles progress to time slices with the default budget', async () => {
    const seen: Progress[] = [];
    const log = { steps: 0, disposed: 0 };
    await lastValueFrom(
      chunkedObservable(counting(1000, log))
        .withProgress()
        .pipe(tapProgress((p) => seen.push(p)), toArray()),
    );
    // 1000 trivial chunks fit in very few 16 ms slices
    expect(seen.length).toBeLessThan(20);
    expect(seen.at(-1)).toEqual({ done: 1000, total: 1000 });
  });

  it('marbles: withProgress() interleaves value and progress events', () => {
    const ts = testScheduler();
    ts.run(({ expectObservable }) => {
      const log = { steps: 0, disposed: 0 };
      const src = chunkedObservable(counting(2, log), { scheduler: ts, yieldEvery: 0 }).withProgress();
      const v = (value: number): ChunkedEvent<number> => ({ kind: 'value', value });
      const p = (done: number): ChunkedEvent<number> => ({ kind: 'progress', done, total: 2 });
      expectObservable(src).toBe('(aAbB|)', { a: v(1), A: p(1), b: v(2), B: p(2) });
    });
  });

  it('progress is per subscription: two subscribers see their own computation only', async () => {
    // the computation reports done = k·(its own subscription number), so reports cannot be mixed up
    let subscriptions = 0;
    const src = chunkedObservable<number>(
      function* (ctx) {
        const id = ++subscriptions;
        for (let k = 1; k <= 5; k++) {
          ctx.emit(id);
          yield { done: k * id, total: 5 * id };
        }
      },
      { yieldEvery: 0 },
    );
    const a: Progress[] = [];
    const b: Progress[] = [];
    const plain: number[] = [];
    await Promise.all([
      lastValueFrom(src.withProgress().pipe(tapProgress((p) => a.push(p)), toArray())),
      lastValueFrom(src.withProgress().pipe(tapProgress((p) => b.push(p)), toArray())),
      lastValueFrom(src.pipe(toArray())).then((v) => plain.push(...v)),
    ]);
    expect(subscriptions).toBe(3);
    expect(a).toEqual([1, 2, 3, 4, 5].map((k) => ({ done: k, total: 5 })));
    expect(b).toEqual([1, 2, 3, 4, 5].map((k) => ({ done: 2 * k, total: 10 })));
    expect(plain).toEqual([3, 3, 3, 3, 3]); // the plain form carries values only
  });

  it('an error thrown by the progress callback ends the stream with that error and disposes', async () => {
    const log = { steps: 0, disposed: 0 };
    const error = await new Promise<unknown>((resolve) =>
      chunkedObservable(counting(5, log), { yieldEvery: 0 })
        .withProgress()
        .pipe(
          tapProgress((p) => {
            if (p.done === 2) throw new Error('bad callback');
          }),
        )
        .subscribe({ error: resolve }),
    );
    expect(error).toEqual(new Error('bad callback'));
    expect(log.steps).toBe(2);
    expect(log.disposed).toBe(1);
  });

  it('unsubscribing from withProgress() stops the computation', async () => {
    const log = { steps: 0, disposed: 0 };
    const sub = chunkedObservable(endless(log), { yieldEvery: 1 }).withProgress().subscribe();
    await sleep(30);
    sub.unsubscribe();
    const steps = log.steps;
    expect(log.disposed).toBe(1);
    await sleep(30);
    expect(log.steps).toBe(steps);
  });

  it('rejects a negative or NaN yieldEvery, naming it', () => {
    const log = { steps: 0, disposed: 0 };
    expect(() => chunkedObservable(counting(1, log), { yieldEvery: -1 })).toThrow(
      "chunkedObservable: option 'yieldEvery' must be a number of ms ≥ 0, got -1",
    );
    expect(() => chunkedObservable(counting(1, log), { yieldEvery: NaN })).toThrow(/got NaN/);
  });
});
