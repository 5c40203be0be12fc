import { Observable, from, take } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { createRng } from '@qsync/linalg';
import { arrayChannel, complexChannel, realChannel } from '@qsync/frames';
import type { Frame } from '@qsync/frames';
import { longTimeAverage } from './long-time-average';
import { longTimeAverageOf } from './long-time-average-of';
import type { LongTimeAverageOfConfig } from './long-time-average-of';
import { ar1Series } from './test-support/samplers';

const testScheduler = (): TestScheduler => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

const fx = (t: number, x: number): Frame => ({ t, channels: { x: realChannel(x, 'κ'), y: realChannel(-x) } });

function collect(frames: Frame[], config: LongTimeAverageOfConfig): Frame[] {
  const out: Frame[] = [];
  let error: unknown;
  from(frames)
    .pipe(longTimeAverageOf(config))
    .subscribe({ next: (f) => out.push(f), error: (e: unknown) => (error = e) });
  if (error !== undefined) throw error;
  return out;
}

const real = (f: Frame, name: string): number => {
  const c = f.channels[name];
  return c.kind === 'real' ? c.value : NaN;
};

describe('longTimeAverageOf', () => {
  it('runs the doc example', () => {
    const out = collect([fx(0, 9), fx(1, 1), fx(2, 3), fx(3, 2)], { channel: 'x', tStart: 1 });
    expect(out.map((f) => f.t)).toEqual([1, 2, 3]);
    expect(out.map((f) => real(f, 'mean'))).toEqual([1, 2, 2]);
    expect(out.map((f) => real(f, 'samples'))).toEqual([1, 2, 3]);
    expect(real(out[0], 'standardError')).toBeNaN();
    // kept 1, 3, 2: s² = 1, error √(1/3)
    expect(real(out[2], 'standardError')).toBe(Math.sqrt(1 / 3));
    expect(out[2].channels.mean).toEqual({ kind: 'real', value: 2, unit: 'κ' });
    expect(out[2].channels.standardError).toMatchObject({ unit: 'κ' });
    expect(Object.keys(out[2].channels)).toEqual(['mean', 'standardError', 'samples']);
  });

  it('equals longTimeAverage over the frames seen so far, bit for bit', () => {
    const n = 300;
    const x = ar1Series(createRng(4), n, 0.7);
    const times = Float64Array.from({ length: n }, (_, k) => 0.1 * k);
    const frames = Array.from(x, (v, k) => fx(times[k], v));
    const tStart = 2.05; // between samples: frames from k = 21 on are kept
    const out = collect(frames, { channel: 'x', tStart, batches: 4 });
    expect(out).toHaveLength(n - 21);
    for (let j = 0; j < out.length; j++) {
      const k = 21 + j;
      const r = longTimeAverage(times.subarray(0, k + 1), x.subarray(0, k + 1), { tStart, batches: 4 });
      expect([out[j].t, real(out[j], 'mean'), real(out[j], 'standardError'), real(out[j], 'samples')]).toEqual([
        times[k],
        r.mean,
        r.standardError,
        r.samples,
      ]);
    }
  });

  it('keeps state per subscription', () => {
    const src = from([fx(0, 1), fx(1, 3)]).pipe(longTimeAverageOf({ channel: 'x' }));
    const a: number[] = [];
    const b: number[] = [];
    src.subscribe((f) => a.push(real(f, 'mean')));
    src.subscribe((f) => b.push(real(f, 'mean')));
    expect(a).toEqual([1, 2]);
    expect(b).toEqual([1, 2]);
  });

  it('marbles: skips the transient, passes completion and teardown', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const src = cold('-a-b-c-|', { a: fx(0, 5), b: fx(1, 2), c: fx(2, 4) });
      const e = (mean: number, se: number, samples: number, t: number): Frame => ({
        t,
        channels: { mean: realChannel(mean, 'κ'), standardError: realChannel(se, 'κ'), samples: realChannel(samples) },
      });
      expectObservable(src.pipe(longTimeAverageOf({ channel: 'x', tStart: 1 }))).toBe('---b-c-|', {
        b: e(2, NaN, 1, 1),
        c: e(3, 1, 2, 2),
      });
      expectSubscriptions(src.subscriptions).toBe('^------!');
    });
  });

  it('completes on an empty source', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const src = cold<Frame>('|');
      expectObservable(src.pipe(longTimeAverageOf({ channel: 'x' }))).toBe('|');
      expectSubscriptions(src.subscriptions).toBe('(^!)');
    });
  });

  it('never completes when the source never completes', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const src = cold('-a--', { a: fx(0, 1) });
      expectObservable(src.pipe(longTimeAverageOf({ channel: 'x' })), '^---!').toBe('-a--', {
        a: { t: 0, channels: { mean: realChannel(1, 'κ'), standardError: realChannel(NaN, 'κ'), samples: realChannel(1) } },
      });
      expectSubscriptions(src.subscriptions).toBe('^---!');
    });
  });

  it('forwards an error', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const src = cold<Frame>('--#', undefined, new Error('boom'));
      expectObservable(src.pipe(longTimeAverageOf({ channel: 'x' }))).toBe('--#', undefined, new Error('boom'));
      expectSubscriptions(src.subscriptions).toBe('^-!');
    });
  });

  it('stops a synchronous source loop when the consumer unsubscribes', () => {
    let produced = 0;
    const src = new Observable<Frame>((sub) => {
      for (let i = 0; i < 1000 && !sub.closed; i++) {
        produced++;
        sub.next(fx(i, i));
      }
      sub.complete();
    });
    const out: Frame[] = [];
    src.pipe(longTimeAverageOf({ channel: 'x', tStart: 5 }), take(3)).subscribe((f) => out.push(f));
    expect(out.map((f) => f.t)).toEqual([5, 6, 7]);
    expect(produced).toBe(8); // frames 0…4 skipped, 5, 6, 7 emitted, then the loop saw `closed`
  });

  it('errors on bad frames, naming the channel or the times', () => {
    const cfg = { channel: 'x' };
    expect(() => collect([fx(0, 1), { t: 1, channels: { y: realChannel(0) } }], cfg)).toThrow(
      "longTimeAverageOf: channel 'x' is missing in the frame at t = 1; known channels: 'y'",
    );
    expect(() => collect([{ t: 0, channels: { x: complexChannel(1, 0) } }], cfg)).toThrow(
      "longTimeAverageOf: channel 'x' must be real or a real array, got kind 'complex' at t = 0",
    );
    expect(() => collect([{ t: 0, channels: { x: arrayChannel(new Float64Array(2), [2]) } }], cfg)).toThrow(
      "longTimeAverageOf: channel 'x' must be a real scalar, got an array at t = 0",
    );
    expect(() => collect([fx(0, NaN)], cfg)).toThrow("longTimeAverageOf: channel 'x' must be finite, got NaN at t = 0");
    expect(() => collect([fx(0, 1), fx(2, 1), fx(1, 1)], cfg)).toThrow(
      'longTimeAverageOf: frame times must not decrease, got t = 1 after t = 2',
    );
    // decreasing times are caught inside the transient too
    expect(() => collect([fx(0, 1), fx(-1, 1)], { channel: 'x', tStart: 5 })).toThrow(/must not decrease/);
    expect(() => collect([fx(Infinity, 1)], cfg)).toThrow('longTimeAverageOf: frame time must be finite, got t = Infinity');
  });

  it('rejects bad options, naming them', () => {
    expect(() => longTimeAverageOf(undefined as unknown as LongTimeAverageOfConfig)).toThrow(
      "longTimeAverageOf: argument 'config' must be an object { channel, tStart?, batches? }, got undefined",
    );
    expect(() => longTimeAverageOf({ channel: '' })).toThrow("longTimeAverageOf: option 'channel' must be a non-empty string, got ");
    expect(() => longTimeAverageOf({ channel: 'x', tStart: NaN })).toThrow(
      "longTimeAverageOf: option 'tStart' must be a finite number, got NaN",
    );
    expect(() => longTimeAverageOf({ channel: 'x', batches: 0 })).toThrow(
      "longTimeAverageOf: option 'batches' must be an integer ≥ 2, got 0",
    );
  });
});
