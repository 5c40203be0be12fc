import { Observable, of, take } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { decimate } from './decimate';
import { testScheduler } from './test-support/test-scheduler';

describe('decimate', () => {
  it('keeps the first and every n-th value after it (doc example)', () => {
    const out: number[] = [];
    of(0, 1, 2, 3, 4, 5, 6).pipe(decimate(3)).subscribe((v) => out.push(v));
    expect(out).toEqual([0, 3, 6]);
  });

  it('keeps timing, completion and teardown (marbles)', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const src = cold('-a-b-c-d-e-|');
      const subs = '    ^----------!';
      expectObservable(src.pipe(decimate(2))).toBe('-a---c---e-|');
      expectSubscriptions(src.subscriptions).toBe(subs);
    });
  });

  it('n = 1 passes everything', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold('abc|').pipe(decimate(1))).toBe('abc|');
    });
  });

  it('completes on an empty source', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const src = cold('|');
      expectObservable(src.pipe(decimate(2))).toBe('|');
      expectSubscriptions(src.subscriptions).toBe('(^!)');
    });
  });

  it('never completes when the source never completes', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const src = cold('-a-b-c-');
      expectObservable(src.pipe(decimate(2)), '^------!').toBe('-a---c-');
      expectSubscriptions(src.subscriptions).toBe('^------!');
    });
  });

  it('forwards an error', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const src = cold('-a-b-#', undefined, new Error('boom'));
      expectObservable(src.pipe(decimate(2))).toBe('-a---#', undefined, new Error('boom'));
      expectSubscriptions(src.subscriptions).toBe('^----!');
    });
  });

  it('stops a synchronous source loop when the consumer unsubscribes', () => {
    let produced = 0;
    const src = new Observable<number>((sub) => {
      for (let i = 0; i < 1000 && !sub.closed; i++) {
        produced++;
        sub.next(i);
      }
      sub.complete();
    });
    const out: number[] = [];
    src.pipe(decimate(3), take(2)).subscribe((v) => out.push(v));
    expect(out).toEqual([0, 3]);
    expect(produced).toBe(4); // 0,1,2,3 — the loop saw `closed` right after 3
  });

  it('restarts counting for each subscription', () => {
    const src = of(0, 1, 2, 3).pipe(decimate(2));
    const a: number[] = [];
    const b: number[] = [];
    src.subscribe((v) => a.push(v));
    src.subscribe((v) => b.push(v));
    expect(a).toEqual([0, 2]);
    expect(b).toEqual([0, 2]);
  });

  it('rejects n that is not an integer ≥ 1, naming n', () => {
    expect(() => decimate(0)).toThrow("decimate: argument 'n' must be an integer ≥ 1, got 0");
    expect(() => decimate(2.5)).toThrow(/'n'.*got 2.5/);
    expect(() => decimate(NaN)).toThrow(/'n'.*got NaN/);
  });
});
