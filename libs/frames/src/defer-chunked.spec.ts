import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { chunkedObservable } from './chunked-observable';
import type { Progress } from './chunked-observable';
import { deferChunked } from './defer-chunked';
import { tapProgress } from './tap-progress';

describe('deferChunked', () => {
  it('runs the doc example: the factory runs once per subscription of either form', async () => {
    let built = 0;
    const one = deferChunked(
      () => (
        built++,
        chunkedObservable<number>(function* (ctx) {
          ctx.emit(1);
          yield;
        })
      ),
    );
    expect(built).toBe(0); // cold
    await lastValueFrom(one);
    await lastValueFrom(one.withProgress());
    expect(built).toBe(2);
  });

  it('replays fresh state per subscription, values and progress alike', async () => {
    // each subscription gets a new counter starting at 0: both runs see 0, 1, 2
    const counted = deferChunked(() => {
      let n = 0;
      return chunkedObservable<number>(
        function* (ctx) {
          for (let k = 0; k < 3; k++) {
            ctx.emit(n++);
            yield { done: k + 1, total: 3 };
          }
        },
        { yieldEvery: 0 },
      );
    });
    const seen: Progress[] = [];
    expect(await lastValueFrom(counted.pipe(toArray()))).toEqual([0, 1, 2]);
    expect(await lastValueFrom(counted.withProgress().pipe(tapProgress((p) => seen.push(p)), toArray()))).toEqual([0, 1, 2]);
    expect(seen.map((p) => p.done)).toEqual([1, 2, 3]);
  });

  it('rejects a factory that is not a function', () => {
    expect(() => deferChunked(null as never)).toThrow(
      "deferChunked: argument 'factory' must be a function () => ChunkedObservable, got null",
    );
  });
});
