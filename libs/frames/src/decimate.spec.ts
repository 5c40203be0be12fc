import { of } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { operatorContract } from '@qsync/testing';
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

operatorContract('decimate', { operator: () => decimate(2), sample: 1 });
