import { Observable, from, take } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { arrayChannel, complexChannel, realChannel } from '@qsync/frames';
import type { Frame } from '@qsync/frames';
import { unwrapPhase } from './unwrap-phase';
import { unwrapPhaseOf } from './unwrap-phase-of';
import type { UnwrapPhaseOfConfig } from './unwrap-phase-of';

const PI = Math.PI;
const testScheduler = (): TestScheduler => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
const wrap = (p: number): number => Math.atan2(Math.sin(p), Math.cos(p));

const scalar = (t: number, phi: number): Frame => ({ t, channels: { phi: realChannel(phi, 'rad'), n: realChannel(t) } });
const vector = (t: number, phis: number[] | Float64Array, shape = [phis.length]): Frame => ({
  t,
  channels: { phi: arrayChannel(Float64Array.from(phis), shape) },
});

function collect(frames: Frame[], config: UnwrapPhaseOfConfig): Frame[] {
  const out: Frame[] = [];
  let error: unknown;
  from(frames)
    .pipe(unwrapPhaseOf(config))
    .subscribe({ next: (f) => out.push(f), error: (e: unknown) => (error = e) });
  if (error !== undefined) throw error;
  return out;
}

const real = (f: Frame, name: string): number => {
  const c = f.channels[name];
  return c.kind === 'real' ? c.value : NaN;
};
const data = (f: Frame, name: string): Float64Array => {
  const c = f.channels[name];
  return c.kind === 'array' ? c.data : new Float64Array(0);
};

describe('unwrapPhaseOf', () => {
  it('runs the doc example', () => {
    const out = collect([scalar(0, 3), scalar(1, -3), scalar(2, -1)], { channel: 'phi' });
    // one rounding each
    expectClose(out.map((f) => real(f, 'phi')), [3, 2 * PI - 3, 2 * PI - 1], { rtol: 1e-15 });
    // other channels and the unit pass through
    expect(out[2].channels.n).toEqual(realChannel(2));
    expect(out[2].channels.phi).toMatchObject({ kind: 'real', unit: 'rad' });
  });

  it('unwraps a wrapped ramp across frame boundaries, like unwrapPhase on the whole series', () => {
    const omega = -2.2;
    const dt = 0.1;
    const ramp = Float64Array.from({ length: 400 }, (_, k) => 1 + omega * k * dt);
    const wrapped = ramp.map(wrap);
    const out = collect(Array.from(wrapped, (p, k) => scalar(k * dt, p)), { channel: 'phi' });
    const got = out.map((f) => real(f, 'phi'));
    // same steps and the same turn counts as the array function: bit for bit
    expect(Float64Array.from(got)).toEqual(unwrapPhase(wrapped));
    // and the ramp itself, up to the ~1e−14 error of sin/cos of arguments up to 90 rad
    expectClose(got, ramp, { atol: 1e-12 });
  });

  it('unwraps an array channel element-wise, keeping its shape, into another channel', () => {
    const slopes = [1.5, -0.7, 2.9, 0, -3, 0.2]; // shape [2, 3], each element its own ramp
    const dt = 0.25;
    const steps = 120;
    const frames = Array.from({ length: steps }, (_, k) =>
      vector(k * dt, slopes.map((w, j) => wrap(j + w * k * dt)), [2, 3]),
    );
    const out = collect(frames, { channel: 'phi', out: 'theta' });
    for (let j = 0; j < slopes.length; j++) {
      const column = Float64Array.from(out, (f) => data(f, 'theta')[j]);
      const ramp = Float64Array.from({ length: steps }, (_, k) => wrap(j) + slopes[j] * k * dt);
      expectClose(column, ramp, { atol: 1e-12 }); // as above
    }
    expect(out[5].channels.theta).toMatchObject({ kind: 'array', shape: [2, 3], complex: false });
    // the wrapped input stays under its own name
    expect(out[5].channels.phi).toBe(frames[5].channels.phi);
  });

  it('keeps state per subscription', () => {
    const src = from([scalar(0, 3), scalar(1, -3)]).pipe(unwrapPhaseOf({ channel: 'phi' }));
    const a: number[] = [];
    const b: number[] = [];
    src.subscribe((f) => a.push(real(f, 'phi')));
    src.subscribe((f) => b.push(real(f, 'phi')));
    expect(a).toEqual([3, -3 + 2 * PI]);
    expect(b).toEqual(a);
  });

  it('marbles: one output per input, completion and teardown pass through', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const src = cold('-a-b-|', { a: vector(0, [3, 0]), b: vector(1, [-3, 0.5]) });
      expectObservable(src.pipe(unwrapPhaseOf({ channel: 'phi' }))).toBe('-a-b-|', {
        a: vector(0, [3, 0]),
        b: vector(1, [-3 + 2 * PI, 0.5]),
      });
      expectSubscriptions(src.subscriptions).toBe('^----!');
    });
  });

  it('completes on an empty source', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const src = cold<Frame>('|');
      expectObservable(src.pipe(unwrapPhaseOf({ channel: 'phi' }))).toBe('|');
      expectSubscriptions(src.subscriptions).toBe('(^!)');
    });
  });

  it('never completes when the source never completes', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const src = cold('-a--', { a: scalar(0, 1) });
      expectObservable(src.pipe(unwrapPhaseOf({ channel: 'phi' })), '^---!').toBe('-a--', { a: scalar(0, 1) });
      expectSubscriptions(src.subscriptions).toBe('^---!');
    });
  });

  it('forwards an error', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const src = cold<Frame>('--#', undefined, new Error('boom'));
      expectObservable(src.pipe(unwrapPhaseOf({ channel: 'phi' }))).toBe('--#', undefined, new Error('boom'));
      expectSubscriptions(src.subscriptions).toBe('^-!');
    });
  });

  it('stops a synchronous source loop when the consumer unsubscribes', () => {
    let produced = 0;
    const src = new Observable<Frame>((sub) => {
      for (let i = 0; i < 1000 && !sub.closed; i++) {
        produced++;
        sub.next(scalar(i, wrap(2 * i)));
      }
      sub.complete();
    });
    const out: number[] = [];
    src.pipe(unwrapPhaseOf({ channel: 'phi' }), take(3)).subscribe((f) => out.push(real(f, 'phi')));
    expectClose(out, [0, 2, 4], { atol: 1e-15 }); // steps of 2 < π: one rounding of 4 − 2π + 2π
    expect(produced).toBe(3);
  });

  it('errors on bad frames, naming the channel or the times', () => {
    const cfg = { channel: 'phi' };
    expect(() => collect([scalar(0, 1), { t: 1, channels: { x: realChannel(0) } }], cfg)).toThrow(
      "unwrapPhaseOf: channel 'phi' is missing in the frame at t = 1; known channels: 'x'",
    );
    expect(() => collect([{ t: 0, channels: { phi: complexChannel(0, 1) } }], cfg)).toThrow(
      "unwrapPhaseOf: channel 'phi' must be real or a real array, got kind 'complex' at t = 0",
    );
    expect(() => collect([scalar(0, NaN)], cfg)).toThrow("unwrapPhaseOf: channel 'phi' must be finite, got NaN at t = 0");
    expect(() => collect([vector(0, [0, 1]), vector(1, [0, -Infinity])], cfg)).toThrow(
      "unwrapPhaseOf: channel 'phi' must be finite, got -Infinity at index 1 at t = 1",
    );
    expect(() => collect([scalar(0, 1), vector(1, [1])], cfg)).toThrow(
      "unwrapPhaseOf: channel 'phi' changed from a real scalar to an array of 1 at t = 1",
    );
    expect(() => collect([vector(0, [1, 2]), vector(1, [1, 2, 3])], cfg)).toThrow(
      "unwrapPhaseOf: channel 'phi' changed from an array of 2 to an array of 3 at t = 1",
    );
    expect(() => collect([scalar(1, 0), scalar(0.5, 0)], cfg)).toThrow(
      'unwrapPhaseOf: frame times must not decrease, got t = 0.5 after t = 1',
    );
  });

  it('rejects bad options, naming them', () => {
    expect(() => unwrapPhaseOf('phi' as unknown as UnwrapPhaseOfConfig)).toThrow(
      "unwrapPhaseOf: argument 'config' must be an object { channel, out? }, got phi",
    );
    expect(() => unwrapPhaseOf({} as UnwrapPhaseOfConfig)).toThrow(
      "unwrapPhaseOf: option 'channel' must be a non-empty string, got undefined",
    );
    expect(() => unwrapPhaseOf({ channel: 'phi', out: '' })).toThrow(
      "unwrapPhaseOf: option 'out' must be a non-empty string, got ",
    );
  });
});
