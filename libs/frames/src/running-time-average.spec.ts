import { from } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { expectClose, operatorContract } from '@qsync/testing';
import { complexChannel, realChannel } from './frame';
import type { Frame } from './frame';
import { runningTimeAverage } from './running-time-average';
import { testScheduler } from './test-support/test-scheduler';

const fx = (t: number, x: number, y = 0): Frame => ({
  t,
  channels: { x: realChannel(x, 'κ'), y: realChannel(y), z: complexChannel(x, y) },
});

function collect(frames: Frame[], config?: Parameters<typeof runningTimeAverage>[0]): Frame[] {
  const out: Frame[] = [];
  let error: unknown;
  from(frames)
    .pipe(runningTimeAverage(config))
    .subscribe({ next: (f) => out.push(f), error: (e: unknown) => (error = e) });
  if (error !== undefined) throw error;
  return out;
}

describe('runningTimeAverage', () => {
  it('gives the trapezoidal running average (doc example)', () => {
    const out = collect([fx(0, 0), fx(1, 2), fx(2, 2)]);
    expect(out.map((f) => f.t)).toEqual([0, 1, 2]);
    // exact dyadic arithmetic: (0+2)/2·1 / 1 = 1, then (1 + 2) / 2 = 1.5
    expect(out.map((f) => (f.channels.x.kind === 'real' ? f.channels.x.value : NaN))).toEqual([
      0, 1, 1.5,
    ]);
    // unit kept, complex channel dropped
    expect(out[1].channels.x).toEqual({ kind: 'real', value: 1, unit: 'κ' });
    expect(Object.keys(out[1].channels)).toEqual(['x', 'y']);
  });

  it('integrates exactly (trapezoid) on unequal steps: x = t is averaged to t/2 from t₀ = 1', () => {
    // x(t) = t is linear, so the trapezoidal rule is exact: x̄(t) = (t² − 1)/(2(t − 1)) = (t + 1)/2.
    const times = [1, 1.1, 1.7, 2, 3.25, 10];
    const out = collect(times.map((t) => fx(t, t)));
    const avg = out.map((f) => (f.channels.x.kind === 'real' ? f.channels.x.value : NaN));
    // tolerance: a few roundings per step of a sum of ≤ 6 terms
    expectClose(avg, [1, ...times.slice(1).map((t) => (t + 1) / 2)], { rtol: 1e-14 });
  });

  it('converges to the time average of sin² (=1/2) on a fine grid', () => {
    const frames: Frame[] = [];
    const n = 2000;
    const T = 20 * Math.PI; // ten periods of sin²
    for (let k = 0; k <= n; k++) frames.push(fx((k * T) / n, Math.sin((k * T) / n) ** 2));
    const out = collect(frames);
    const last = out[n].channels.x;
    // trapezoid on a whole number of periods of a smooth periodic function is spectrally exact
    expectClose(last.kind === 'real' ? last.value : NaN, 0.5, { rtol: 1e-12 });
  });

  it('averages only the requested channels', () => {
    const out = collect([fx(0, 1, 4), fx(2, 3, 8)], { channels: ['y'] });
    expect(out[1].channels).toEqual({ y: { kind: 'real', value: 6 } });
  });

  it('keeps state per subscription', () => {
    const src = from([fx(0, 0), fx(1, 2)]).pipe(runningTimeAverage());
    const a: number[] = [];
    const b: number[] = [];
    src.subscribe((f) => a.push(f.channels.x.kind === 'real' ? f.channels.x.value : NaN));
    src.subscribe((f) => b.push(f.channels.x.kind === 'real' ? f.channels.x.value : NaN));
    expect(a).toEqual([0, 1]);
    expect(b).toEqual([0, 1]);
  });

  it('marbles: one output per input, completion and teardown pass through', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const src = cold('-a-b-|', { a: fx(0, 4), b: fx(2, 0) });
      expectObservable(src.pipe(runningTimeAverage({ channels: ['x'] }))).toBe('-a-b-|', {
        a: { t: 0, channels: { x: realChannel(4, 'κ') } },
        b: { t: 2, channels: { x: realChannel(2, 'κ') } },
      });
      expectSubscriptions(src.subscriptions).toBe('^----!');
    });
  });

  it('errors when t decreases, naming both times', () => {
    expect(() => collect([fx(0, 1), fx(2, 1), fx(1, 1)])).toThrow(
      'runningTimeAverage: frame times must not decrease, got t = 1 after t = 2',
    );
  });
  it('errors on a non-finite time', () => {
    expect(() => collect([fx(NaN, 1)])).toThrow(/frame time must be finite, got t = NaN/);
  });
  it('errors when a channel is missing, naming it', () => {
    expect(() => collect([fx(0, 1), { t: 1, channels: { y: realChannel(0) } }])).toThrow(
      "runningTimeAverage: channel 'x' is missing in the frame at t = 1",
    );
    expect(() => collect([fx(0, 1)], { channels: ['w'] })).toThrow(/channel 'w' is missing/);
  });
  it('errors when a requested channel is not real, naming it', () => {
    expect(() => collect([fx(0, 1)], { channels: ['z'] })).toThrow(
      "runningTimeAverage: channel 'z' must be real, got kind 'complex' at t = 0",
    );
  });
});

operatorContract('runningTimeAverage', { operator: () => runningTimeAverage(), sample: fx(0, 1) });
