import { describe, expect, it } from 'vitest';
import type { Frame } from '@qsync/frames';
import { realChannel } from '@qsync/frames';
import { Subject, from, lastValueFrom, take, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { expectClose } from '@qsync/testing';
import {
  arrayData,
  countingSource,
  ensembleFrames,
  realValue,
  scalarFrames,
} from './test-support/frames';
import { complexTone, complexWhiteNoise, realWhiteNoise } from './test-support/signals';
import { welch } from './welch';
import { welchSpectrum } from './welch-spectrum';

const testScheduler = (): TestScheduler =>
  new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

const collect = (
  frames: readonly Frame[],
  op: ReturnType<typeof welchSpectrum>,
): Promise<Frame[]> => lastValueFrom(from(frames).pipe(op, toArray()));

describe('welchSpectrum', () => {
  it('emits the running average after each segment (doc example)', async () => {
    const frames = scalarFrames(complexTone(8, Math.PI / 2, 1), 1, true);
    const out = await collect(
      frames,
      welchSpectrum({ channel: 'x', segmentLength: 4, overlap: 0, window: 'rectangular' }),
    );
    expect(out.map((f) => f.t)).toEqual([3, 7]);
    expect(out.map((f) => realValue(f, 'segments'))).toEqual([1, 2]);
    for (const f of out) {
      expectClose(arrayData(f, 'omega'), [-Math.PI, -Math.PI / 2, 0, Math.PI / 2], { rtol: 1e-15 });
      expectClose(arrayData(f, 'density'), [0, 0, 0, 4], { atol: 1e-14 }); // 4-term sums
    }
  });

  it('equals welch on the samples seen so far, bit for bit (array channel of complex realizations)', async () => {
    const R = 3;
    const N = 150;
    const L = 32;
    const dt = 0.25; // frame times k·0.25 are exact, so Δt from the frames is exact too
    const x = complexWhiteNoise(R * N, 1, 77);
    const out = await collect(
      ensembleFrames(x, R, N, dt, true),
      welchSpectrum({ channel: 'x', segmentLength: L }),
    );
    // hop 16: segments end at samples 32, 48, …, 144 → 8 emissions
    expect(out.length).toBe(8);
    for (const f of out) {
      const n = Math.round(f.t / dt) + 1; // samples seen when this frame was emitted
      const prefix = new Float64Array(2 * R * n);
      for (let r = 0; r < R; r++) prefix.set(x.subarray(2 * r * N, 2 * (r * N + n)), 2 * r * n);
      const ref = welch(prefix, { dt, segmentLength: L, realizations: R });
      expect(realValue(f, 'segments')).toBe(ref.segments);
      expect(Array.from(arrayData(f, 'density'))).toEqual(Array.from(ref.density));
      expect(Array.from(arrayData(f, 'omega'))).toEqual(Array.from(ref.omega));
    }
  });

  it('accepts a real scalar channel (equals welch with complex: false) and an explicit dt', async () => {
    const x = realWhiteNoise(100, 1, 78);
    const op = welchSpectrum({
      channel: 'x',
      segmentLength: 16,
      overlap: 0.75,
      window: 'blackman',
      dt: 0.1,
    });
    const out = await collect(scalarFrames(x, 0.1, false), op);
    const ref = welch(x, {
      dt: 0.1,
      segmentLength: 16,
      overlap: 0.75,
      window: 'blackman',
      complex: false,
    });
    const last = out[out.length - 1];
    expect(realValue(last, 'segments')).toBe(ref.segments);
    expectClose(arrayData(last, 'density'), ref.density, { rtol: 1e-15 });
  });

  it('completes without emitting on an empty source, and on one shorter than a segment', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const src = cold<Frame>('|');
      expectObservable(src.pipe(welchSpectrum({ channel: 'x', segmentLength: 2 }))).toBe('|');
      expectSubscriptions(src.subscriptions).toBe('(^!)');
      const [a] = scalarFrames(Float64Array.of(1, 0), 1, true);
      expectObservable(
        cold<Frame>('a|', { a }).pipe(welchSpectrum({ channel: 'x', segmentLength: 2 })),
      ).toBe('-|');
    });
  });

  it('emits on the frame that completes a segment, forwards an error and unsubscribes', () => {
    const [a, b, c] = scalarFrames(Float64Array.of(1, 0, 0, 1, -1, 0), 1, true);
    const expected = welch(Float64Array.of(1, 0, 0, 1), { dt: 1, segmentLength: 2, overlap: 0 });
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const src = cold<Frame>('-a-b-c-#', { a, b, c }, new Error('boom'));
      const out = src.pipe(welchSpectrum({ channel: 'x', segmentLength: 2, overlap: 0 }));
      expectObservable(out).toBe(
        '---s---#',
        {
          s: {
            t: 1,
            channels: {
              omega: { kind: 'array', data: expected.omega, shape: [2], complex: false },
              density: { kind: 'array', data: expected.density, shape: [2], complex: false },
              segments: realChannel(1),
            },
          },
        },
        new Error('boom'),
      );
      expectSubscriptions(src.subscriptions).toBe('^------!');
    });
  });

  it('never completes when the source does not, and unsubscribes on demand', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const [a] = scalarFrames(Float64Array.of(1, 0), 1, true);
      const src = cold<Frame>('-a--', { a });
      expectObservable(src.pipe(welchSpectrum({ channel: 'x', segmentLength: 4 })), '^---!').toBe(
        '----',
      );
      expectSubscriptions(src.subscriptions).toBe('^---!');
    });
  });

  it('stops a synchronous source loop when the consumer unsubscribes', () => {
    const frames = scalarFrames(complexWhiteNoise(1000, 1, 1), 1, true);
    const { source, produced } = countingSource(frames);
    const out: Frame[] = [];
    source
      .pipe(welchSpectrum({ channel: 'x', segmentLength: 8 }), take(2))
      .subscribe((f) => out.push(f));
    expect(out.map((f) => f.t)).toEqual([7, 11]);
    expect(produced()).toBe(12); // the loop saw `closed` right after the frame at t = 11
  });

  it('keeps state per subscription', async () => {
    const frames = scalarFrames(complexWhiteNoise(16, 1, 2), 1, true);
    const stream = from(frames).pipe(welchSpectrum({ channel: 'x', segmentLength: 8 }), toArray());
    const a = await lastValueFrom(stream);
    const b = await lastValueFrom(stream);
    expect(b).toEqual(a);
    expect(a.length).toBe(3);
  });

  it('errors the stream when the channel is missing, changes, or frames are unevenly spaced', async () => {
    const op = () => welchSpectrum({ channel: 'x', segmentLength: 4 });
    const ok = scalarFrames(Float64Array.of(1, 0, 2, 0), 1, true);
    await expect(collect([{ t: 0, channels: { y: realChannel(1) } }], op())).rejects.toThrow(
      "welchSpectrum: channel 'x' (option 'channel') is missing in the frame at t = 0; known channels: 'y'",
    );
    await expect(collect([ok[0], { t: 1, channels: { x: realChannel(1) } }], op())).rejects.toThrow(
      "welchSpectrum: channel 'x' changed from complex to real at t = 1",
    );
    await expect(collect([ok[0], ok[1], { ...ok[1], t: 2.5 }], op())).rejects.toThrow(
      'welchSpectrum: frames must be equally spaced in t with Δt = 1 (the first two frames), got t = 2.5 after t = 1',
    );
    await expect(
      collect([ok[0], ok[1]], welchSpectrum({ channel: 'x', segmentLength: 4, dt: 0.5 })),
    ).rejects.toThrow(
      "welchSpectrum: frames must be equally spaced in t with Δt = 0.5 (option 'dt'), got t = 1 after t = 0",
    );
    await expect(collect([ok[1], ok[0]], op())).rejects.toThrow(
      'welchSpectrum: frame times must increase, got t = 0 after t = 1',
    );
    await expect(collect([{ ...ok[0], t: NaN }], op())).rejects.toThrow(
      'welchSpectrum: frame time must be finite, got t = NaN',
    );
    const ens = ensembleFrames(new Float64Array(4), 2, 1, 1, true)[0];
    const ens3 = ensembleFrames(new Float64Array(6), 3, 1, 1, true)[0];
    await expect(collect([ens, { ...ens3, t: 1 }], op())).rejects.toThrow(
      "welchSpectrum: channel 'x' changed from complex array of 2 to complex array of 3 at t = 1",
    );
    const empty = ensembleFrames(new Float64Array(0), 0, 1, 1, true)[0];
    await expect(collect([empty], op())).rejects.toThrow(
      "welchSpectrum: channel 'x' is an empty array at t = 0; need ≥ 1 realization",
    );
  });

  it('rejects bad options when the operator is made, naming the option', () => {
    expect(() =>
      welchSpectrum(undefined as unknown as { channel: string; segmentLength: number }),
    ).toThrow("welchSpectrum: argument 'config' must be an object, got undefined");
    expect(() => welchSpectrum({ channel: '', segmentLength: 4 })).toThrow(
      "welchSpectrum: option 'channel' must be a non-empty channel name, got ",
    );
    expect(() => welchSpectrum({ channel: 'x', segmentLength: 5 })).toThrow(
      "welchSpectrum: option 'segmentLength' must be a power of two ≥ 2, got 5",
    );
    expect(() => welchSpectrum({ channel: 'x', segmentLength: 4, overlap: -0.5 })).toThrow(
      "welchSpectrum: option 'overlap' must be a number in [0, 1), got -0.5",
    );
    expect(() =>
      welchSpectrum({ channel: 'x', segmentLength: 4, window: new Float64Array(2) }),
    ).toThrow(
      "welchSpectrum: option 'window' must have length 4 (one weight per sample), got length 2",
    );
    expect(() => welchSpectrum({ channel: 'x', segmentLength: 4, dt: 0 })).toThrow(
      "welchSpectrum: option 'dt' must be a finite number > 0, got 0",
    );
  });

  it('feeds from a Subject as samples arrive', () => {
    const subject = new Subject<Frame>();
    const out: Frame[] = [];
    subject
      .pipe(welchSpectrum({ channel: 'x', segmentLength: 2, overlap: 0.5 }))
      .subscribe((f) => out.push(f));
    for (const f of scalarFrames(complexTone(4, 1, 0.5), 0.5, true)) subject.next(f);
    expect(out.map((f) => realValue(f, 'segments'))).toEqual([1, 2, 3]);
    subject.complete();
  });
});
