import { describe, expect, it } from 'vitest';
import type { Frame, SampleRecord } from '@qsync/frames';
import { complexChannel, realChannel } from '@qsync/frames';
import { from, lastValueFrom, take, toArray } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import { countingSource, expectClose, operatorContract } from '@qsync/testing';
import { twoTimeCorrelationOf } from './two-time-correlation-of';
import type { TwoTimeCorrelationOfConfig } from './two-time-correlation-of';
import {
  arrayData,
  ensembleFrames,
  realValue,
  scalarFrames,
} from './test-support/frames';
import { prefixOf, sampleStream } from './test-support/sample-stream';
import { complexTone, complexWhiteNoise, realWhiteNoise } from './test-support/signals';
import { twoTimeCorrelation } from './two-time-correlation';
import { testScheduler } from './test-support/test-scheduler';

const collect = (
  records: readonly (Frame | SampleRecord)[],
  op: OperatorFunction<Frame | SampleRecord, Frame>,
): Promise<Frame[]> => lastValueFrom(from(records).pipe(op, toArray()));

describe('twoTimeCorrelationOf', () => {
  it('emits g(τ) of a tone on completion (doc example)', async () => {
    const frames = scalarFrames(complexTone(4, Math.PI / 2, 1), 1, true);
    const out = await collect(frames, twoTimeCorrelationOf({ channel: 'x', maxLag: 2 }));
    expect(out.length).toBe(1);
    expect(out[0].t).toBe(3);
    expect(Array.from(arrayData(out[0], 'tau'))).toEqual([0, 1, 2]);
    expectClose(arrayData(out[0], 'g'), [1, 0, 0, 1, -1, 0], { atol: 1e-15 }); // cos/sin rounding
    expect(realValue(out[0], 'samples')).toBe(4);
    expect(out[0].channels.g).toMatchObject({ complex: true, shape: [3] });
  });

  it('equals twoTimeCorrelation of the samples seen so far (ensemble, start, periodic emission)', async () => {
    const R = 4;
    const N = 300;
    const K = 20;
    const start = 10;
    const dt = 0.5;
    const x = complexWhiteNoise(R * N, 1, 91);
    for (let i = 0; i < x.length; i += 2) x[i] += 0.5; // a mean, so g does not vanish at τ > 0
    const out = await collect(
      ensembleFrames(x, R, N, dt, true),
      twoTimeCorrelationOf({ channel: 'x', maxLag: K, start, emitEvery: 50 }),
    );
    // used samples 50, 100, …, 250 (all ≥ K + 1), then the final 290 on completion
    expect(out.map((f) => realValue(f, 'samples'))).toEqual([50, 100, 150, 200, 250, 290]);
    for (const f of out) {
      const used = realValue(f, 'samples');
      const n = start + used;
      expect(f.t).toBe((n - 1) * dt);
      const prefix = new Float64Array(2 * R * n);
      for (let r = 0; r < R; r++) prefix.set(x.subarray(2 * r * N, 2 * (r * N + n)), 2 * r * n);
      const ref = twoTimeCorrelation(prefix, { realizations: R, samples: n, maxLag: K, start, dt, complex: true });
      expect(Array.from(arrayData(f, 'tau'))).toEqual(Array.from(ref.tau));
      // direct sums here, FFT there, of ≤ 1200 O(1) products: rounding ≲ 1e-14
      expectClose(arrayData(f, 'g'), ref.g, { rtol: 1e-12, atol: 1e-13 });
    }
  });

  it('accepts a real scalar channel and does not repeat the last periodic emission', async () => {
    const x = realWhiteNoise(40, 1, 92);
    const out = await collect(
      scalarFrames(x, 0.1, false),
      twoTimeCorrelationOf({ channel: 'x', maxLag: 3, emitEvery: 20 }),
    );
    expect(out.map((f) => realValue(f, 'samples'))).toEqual([20, 40]);
    const ref = twoTimeCorrelation(x, {
      realizations: 1,
      samples: 40,
      maxLag: 3,
      complex: false,
      dt: 0.1,
    });
    expectClose(arrayData(out[1], 'g'), ref.g, { rtol: 1e-12, atol: 1e-14 });
    expectClose(arrayData(out[1], 'tau'), ref.tau, { rtol: 1e-6 }); // Δt from frame times k·0.1
  });

  it('takes Δt from the used frames only: a transient before start may be sampled differently', async () => {
    // frame 0 at t = 0 (the initial state), then samples every 0.5 from t = 10: e^{iπ k/2}
    const tone = scalarFrames(complexTone(5, Math.PI / 2, 1), 1, true);
    const frames: Frame[] = [
      { t: 0, channels: { x: complexChannel(7, 7) } },
      ...tone.map((f, k) => ({ t: 10 + 0.5 * k, channels: f.channels })),
    ];
    const [out] = await collect(frames, twoTimeCorrelationOf({ channel: 'x', maxLag: 2, start: 1 }));
    expect(Array.from(arrayData(out, 'tau'))).toEqual([0, 0.5, 1]);
    expectClose(arrayData(out, 'g'), [1, 0, 0, 1, -1, 0], { atol: 1e-15 }); // the t = 0 sample is not used
  });

  it('completes without emitting on a source that ends before start', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      const [a, b] = scalarFrames(Float64Array.of(1, 0, 2, 0), 1, true);
      expectObservable(
        cold<Frame>('ab|', { a, b }).pipe(
          twoTimeCorrelationOf({ channel: 'x', maxLag: 1, start: 2 }),
        ),
      ).toBe('--|');
    });
  });

  it('errors when the source ends with too few samples for maxLag', async () => {
    const frames = scalarFrames(Float64Array.of(1, 0, 2, 0, 3, 0), 1, true);
    await expect(
      collect(frames, twoTimeCorrelationOf({ channel: 'x', maxLag: 5, start: 1 })),
    ).rejects.toThrow(
      "twoTimeCorrelationOf: the stream ended after 2 samples past 'start', too few for option 'maxLag' = 5 (need ≥ 6)",
    );
  });

  it('marbles: emits on completion, then completes; teardown passes through', () => {
    const [a, b, c] = scalarFrames(Float64Array.of(1, 0, 0, 1, -1, 0), 2, true);
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const done = cold<Frame>('-a-b-c-|', { a, b, c });
      const g = {
        t: 4,
        channels: {
          tau: { kind: 'array', data: Float64Array.of(0, 2), shape: [2], complex: false },
          // g(0) = 1; g(1) = [x1·x0* + x2·x1*]/2 = [i + (−1)(−i)]/2 = i
          g: { kind: 'array', data: Float64Array.of(1, 0, 0, 1), shape: [2], complex: true },
          samples: realChannel(3),
        },
      };
      expectObservable(done.pipe(twoTimeCorrelationOf({ channel: 'x', maxLag: 1 }))).toBe(
        '-------(g|)',
        { g },
      );
      expectSubscriptions(done.subscriptions).toBe('^------!');
    });
  });

  it('stops a synchronous source loop when the consumer unsubscribes', () => {
    const frames = ensembleFrames(complexWhiteNoise(2 * 1000, 1, 3), 2, 1000, 1, true);
    const { source, produced } = countingSource(frames);
    const out: Frame[] = [];
    source
      .pipe(twoTimeCorrelationOf({ channel: 'x', maxLag: 4, start: 3, emitEvery: 10 }), take(1))
      .subscribe((f) => out.push(f));
    expect(out.map((f) => realValue(f, 'samples'))).toEqual([10]);
    expect(produced()).toBe(13); // 3 skipped + 10 used: the loop saw `closed` right after
  });

  it('errors the stream on a missing or changing channel and on uneven frame times', async () => {
    const op = () => twoTimeCorrelationOf({ channel: 'x', maxLag: 1 });
    await expect(collect([{ t: 0, channels: {} }], op())).rejects.toThrow(
      "twoTimeCorrelationOf: channel 'x' (option 'channel') is missing in the frame at t = 0; known channels: (none)",
    );
    await expect(
      collect(
        [
          { t: 0, channels: { x: complexChannel(1, 0) } },
          { t: 1, channels: { x: realChannel(1) } },
        ],
        op(),
      ),
    ).rejects.toThrow("twoTimeCorrelationOf: channel 'x' changed from complex to real at t = 1");
    const f = scalarFrames(Float64Array.of(1, 2, 3), 1, false);
    await expect(collect([f[0], f[1], { ...f[2], t: 3 }], op())).rejects.toThrow(
      'twoTimeCorrelationOf: frames must be equally spaced in t with Δt = 1 (the first two frames), got t = 3 after t = 1',
    );
  });

  describe('on a sample stream (schema, then blocks)', () => {
    it('equals twoTimeCorrelation of the samples seen so far, with start and emitEvery cutting through blocks', async () => {
      const R = 3;
      const N = 400;
      const K = 15;
      const start = 23;
      const dt = 0.1;
      const x = complexWhiteNoise(R * N, 1, 95);
      for (let i = 0; i < x.length; i += 2) x[i] += 0.5;
      const out = await collect(
        sampleStream(x, R, N, dt, true, [1, 31, 7, 90, 4]),
        twoTimeCorrelationOf({ channel: 'x', maxLag: K, start, emitEvery: 60 }),
      );
      // the used count crosses 60, 120, … inside blocks: one emission per block that crossed one
      const counts = out.map((f) => realValue(f, 'samples'));
      expect(counts.at(-1)).toBe(N - start);
      for (const f of out) {
        const used = realValue(f, 'samples');
        const n = start + used;
        expectClose(f.t, (n - 1) * dt, { rtol: 1e-14 }); // the time of the block's last sample
        const ref = twoTimeCorrelation(prefixOf(x, R, N, n, true), { realizations: R, samples: n, maxLag: K, start, dt, complex: true });
        expectClose(arrayData(f, 'g'), ref.g, { rtol: 1e-12, atol: 1e-13 });
        expect(Array.from(arrayData(f, 'tau'))).toEqual(Array.from(ref.tau));
      }
      for (let i = 1; i < out.length - 1; i++) expect(Math.floor(counts[i] / 60)).toBeGreaterThan(Math.floor(counts[i - 1] / 60));
    });

    it('conjugate: true correlates x*: g becomes g*, the thesis\'s E[α*(t+τ)α(t)] for x = α', async () => {
      // α = e^{−iω₀t} (the thesis's α* = e^{iω₀t} rotates forward): E[α*(t+τ)α(t)] = e^{iω₀τ}
      const w0 = 0.7;
      const n = 50;
      const alpha = complexTone(n, -w0, 0.5);
      const [out] = await collect(sampleStream(alpha, 1, n, 0.5, true, [8]), twoTimeCorrelationOf({ channel: 'x', maxLag: 3, conjugate: true }));
      const expected = [0, 1, 2, 3].flatMap((k) => [Math.cos(w0 * k * 0.5), Math.sin(w0 * k * 0.5)]);
      expectClose(arrayData(out, 'g'), expected, { atol: 1e-14 });
      // and the array function agrees
      const ref = twoTimeCorrelation(alpha, { realizations: 1, samples: n, maxLag: 3, dt: 0.5, complex: true, conjugate: true });
      expectClose(ref.g, expected, { atol: 1e-14 });
    });

    it('errors on a gap between blocks, naming it', async () => {
      const records = sampleStream(realWhiteNoise(30, 1, 96), 1, 30, 1, false, [10]);
      await expect(collect([records[0], records[1], records[3]], twoTimeCorrelationOf({ channel: 'x', maxLag: 2 }))).rejects.toThrow(
        /^twoTimeCorrelationOf: blocks must follow each other without gaps: .* \(a gap of 10 Δt\)$/,
      );
    });

    it('marbles: a schema alone completes silently, a never-completing stream stays open, errors pass', () => {
      const records = sampleStream(realWhiteNoise(4, 1, 97), 1, 4, 1, false, [4]);
      testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
        expectObservable(cold<SampleRecord>('s|', { s: records[0] }).pipe(twoTimeCorrelationOf({ channel: 'x', maxLag: 1 }))).toBe('-|');
        const never = cold<SampleRecord>('s-b---', { s: records[0], b: records[1] });
        expectObservable(never.pipe(twoTimeCorrelationOf({ channel: 'x', maxLag: 1 })), '^-----!').toBe('------');
        expectSubscriptions(never.subscriptions).toBe('^-----!');
        const failing = cold<SampleRecord>('s#', { s: records[0] }, new Error('boom'));
        expectObservable(failing.pipe(twoTimeCorrelationOf({ channel: 'x', maxLag: 1 }))).toBe('-#', undefined, new Error('boom'));
      });
    });

    it('stops a synchronous source of blocks when the consumer unsubscribes', () => {
      const records = sampleStream(realWhiteNoise(1000, 1, 98), 1, 1000, 1, false, [10]);
      const { source, produced } = countingSource(records);
      source.pipe(twoTimeCorrelationOf({ channel: 'x', maxLag: 2, emitEvery: 25 }), take(1)).subscribe();
      expect(produced()).toBe(4); // schema + 3 blocks: the count reached 25 in the third
    });
  });

  it('rejects bad options when the operator is made, naming the option', () => {
    const bad = (c: Partial<TwoTimeCorrelationOfConfig>) => () =>
      twoTimeCorrelationOf({ channel: 'x', maxLag: 2, ...c } as TwoTimeCorrelationOfConfig);
    expect(() => twoTimeCorrelationOf(null as unknown as TwoTimeCorrelationOfConfig)).toThrow(
      "twoTimeCorrelationOf: argument 'config' must be an object, got null",
    );
    expect(bad({ channel: 3 as unknown as string })).toThrow(
      "twoTimeCorrelationOf: option 'channel' must be a non-empty channel name, got 3",
    );
    expect(bad({ maxLag: -1 })).toThrow(
      "twoTimeCorrelationOf: option 'maxLag' must be an integer ≥ 0, got -1",
    );
    expect(bad({ start: 0.5 })).toThrow(
      "twoTimeCorrelationOf: option 'start' must be an integer ≥ 0, got 0.5",
    );
    expect(bad({ dt: -2 })).toThrow(
      "twoTimeCorrelationOf: option 'dt' must be a finite number > 0, got -2",
    );
    expect(bad({ emitEvery: 0 })).toThrow(
      "twoTimeCorrelationOf: option 'emitEvery' must be an integer ≥ 1, got 0",
    );
    expect(bad({ conjugate: 'yes' as unknown as boolean })).toThrow(
      "twoTimeCorrelationOf: option 'conjugate' must be true or false, got yes",
    );
  });
});

const evenFrames = scalarFrames(complexWhiteNoise(1000, 1, 4), 1, true);
operatorContract('twoTimeCorrelationOf', {
  operator: () => twoTimeCorrelationOf({ channel: 'x', maxLag: 2 }),
  sample: evenFrames[0],
  sampleAt: (i) => evenFrames[i], // evenly spaced times
});
