import { describe, expect, it } from 'vitest';
import type { Frame, SampleRecord } from '@qsync/frames';
import { realChannel } from '@qsync/frames';
import { Subject, from, lastValueFrom, take, toArray } from 'rxjs';
import { countingSource, expectClose, operatorContract, sameBits } from '@qsync/testing';
import {
  arrayData,
  ensembleFrames,
  realValue,
  scalarFrames,
} from './test-support/frames';
import { prefixOf, sampleStream } from './test-support/sample-stream';
import { complexTone, complexWhiteNoise, realWhiteNoise } from './test-support/signals';
import { welch } from './welch';
import { welchOf } from './welch-of';
import { testScheduler } from './test-support/test-scheduler';

const collect = (
  records: readonly (Frame | SampleRecord)[],
  op: ReturnType<typeof welchOf>,
): Promise<Frame[]> => lastValueFrom(from(records).pipe(op, toArray()));

describe('welchOf', () => {
  it('emits the running average after each segment (doc example)', async () => {
    const frames = scalarFrames(complexTone(8, Math.PI / 2, 1), 1, true);
    const out = await collect(
      frames,
      welchOf({ channel: 'x', segmentLength: 4, overlap: 0, window: 'rectangular' }),
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
      welchOf({ channel: 'x', segmentLength: L }),
    );
    // hop 16: segments end at samples 32, 48, …, 144 → 8 emissions
    expect(out.length).toBe(8);
    for (const f of out) {
      const n = Math.round(f.t / dt) + 1; // samples seen when this frame was emitted
      const prefix = new Float64Array(2 * R * n);
      for (let r = 0; r < R; r++) prefix.set(x.subarray(2 * r * N, 2 * (r * N + n)), 2 * r * n);
      const ref = welch(prefix, { dt, segmentLength: L, realizations: R, complex: true });
      expect(realValue(f, 'segments')).toBe(ref.segments);
      expect(Array.from(arrayData(f, 'density'))).toEqual(Array.from(ref.density));
      expect(Array.from(arrayData(f, 'omega'))).toEqual(Array.from(ref.omega));
    }
  });

  it('accepts a real scalar channel (equals welch with complex: false) and an explicit dt', async () => {
    const x = realWhiteNoise(100, 1, 78);
    const op = welchOf({
      channel: 'x',
      segmentLength: 16,
      overlap: 0.75,
      window: 'blackman',
      dt: 0.1,
    });
    const out = await collect(scalarFrames(x, 0.1, false), op);
    const ref = welch(x, { dt: 0.1, segmentLength: 16, overlap: 0.75, window: 'blackman' });
    const last = out[out.length - 1];
    expect(realValue(last, 'segments')).toBe(ref.segments);
    expect(sameBits(arrayData(last, 'density'), ref.density)).toBe(true);
  });

  it('completes without emitting on a source shorter than a segment', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      const [a] = scalarFrames(Float64Array.of(1, 0), 1, true);
      expectObservable(
        cold<Frame>('a|', { a }).pipe(welchOf({ channel: 'x', segmentLength: 2 })),
      ).toBe('-|');
    });
  });

  it('emits on the frame that completes a segment, forwards an error and unsubscribes', () => {
    const [a, b, c] = scalarFrames(Float64Array.of(1, 0, 0, 1, -1, 0), 1, true);
    const expected = welch(Float64Array.of(1, 0, 0, 1), { dt: 1, segmentLength: 2, overlap: 0, complex: true });
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const src = cold<Frame>('-a-b-c-#', { a, b, c }, new Error('boom'));
      const out = src.pipe(welchOf({ channel: 'x', segmentLength: 2, overlap: 0 }));
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

  it('keeps state per subscription', async () => {
    const frames = scalarFrames(complexWhiteNoise(16, 1, 2), 1, true);
    const stream = from(frames).pipe(welchOf({ channel: 'x', segmentLength: 8 }), toArray());
    const a = await lastValueFrom(stream);
    const b = await lastValueFrom(stream);
    expect(b).toEqual(a);
    expect(a.length).toBe(3);
  });

  it('errors the stream when the channel is missing, changes, or frames are unevenly spaced', async () => {
    const op = () => welchOf({ channel: 'x', segmentLength: 4 });
    const ok = scalarFrames(Float64Array.of(1, 0, 2, 0), 1, true);
    await expect(collect([{ t: 0, channels: { y: realChannel(1) } }], op())).rejects.toThrow(
      "welchOf: channel 'x' (option 'channel') is missing in the frame at t = 0; known channels: 'y'",
    );
    await expect(collect([ok[0], { t: 1, channels: { x: realChannel(1) } }], op())).rejects.toThrow(
      "welchOf: channel 'x' changed from complex to real at t = 1",
    );
    await expect(collect([ok[0], ok[1], { ...ok[1], t: 2.5 }], op())).rejects.toThrow(
      'welchOf: frames must be equally spaced in t with Δt = 1 (the first two frames), got t = 2.5 after t = 1',
    );
    await expect(
      collect([ok[0], ok[1]], welchOf({ channel: 'x', segmentLength: 4, dt: 0.5 })),
    ).rejects.toThrow(
      "welchOf: frames must be equally spaced in t with Δt = 0.5 (option 'dt'), got t = 1 after t = 0",
    );
    await expect(collect([ok[1], ok[0]], op())).rejects.toThrow(
      'welchOf: frame times must increase, got t = 0 after t = 1',
    );
    await expect(collect([{ ...ok[0], t: NaN }], op())).rejects.toThrow(
      'welchOf: frame time must be finite, got t = NaN',
    );
    const ens = ensembleFrames(new Float64Array(4), 2, 1, 1, true)[0];
    const ens3 = ensembleFrames(new Float64Array(6), 3, 1, 1, true)[0];
    await expect(collect([ens, { ...ens3, t: 1 }], op())).rejects.toThrow(
      "welchOf: channel 'x' changed from complex array of 2 to complex array of 3 at t = 1",
    );
    const empty = ensembleFrames(new Float64Array(0), 0, 1, 1, true)[0];
    await expect(collect([empty], op())).rejects.toThrow(
      "welchOf: channel 'x' is an empty array at t = 0; need ≥ 1 realization",
    );
  });

  it('rejects bad options when the operator is made, naming the option', () => {
    expect(() =>
      welchOf(undefined as unknown as { channel: string; segmentLength: number }),
    ).toThrow("welchOf: argument 'config' must be an object, got undefined");
    expect(() => welchOf({ channel: '', segmentLength: 4 })).toThrow(
      "welchOf: option 'channel' must be a non-empty channel name, got ",
    );
    expect(() => welchOf({ channel: 'x', segmentLength: 5 })).toThrow(
      "welchOf: option 'segmentLength' must be a power of two ≥ 2, got 5",
    );
    expect(() => welchOf({ channel: 'x', segmentLength: 4, overlap: -0.5 })).toThrow(
      "welchOf: option 'overlap' must be a number in [0, 1), got -0.5",
    );
    expect(() =>
      welchOf({ channel: 'x', segmentLength: 4, window: new Float64Array(2) }),
    ).toThrow(
      "welchOf: option 'window' must have length 4 (one weight per sample), got length 2",
    );
    expect(() => welchOf({ channel: 'x', segmentLength: 4, dt: 0 })).toThrow(
      "welchOf: option 'dt' must be a finite number > 0, got 0",
    );
  });

  describe('on a sample stream (schema, then blocks)', () => {
    // block sizes that fit no segment or hop: 1, primes, one larger than L
    const awkward = [1, 7, 13, 100, 3, 61, 29, 2];

    it.each([
      { label: 'real scalar', R: 1, complex: false, overlap: 0.5, conjugate: false },
      { label: 'complex, 3 realizations', R: 3, complex: true, overlap: 0.5, conjugate: false },
      { label: 'complex, hop 45 (overlap 0.3), conjugated', R: 2, complex: true, overlap: 0.3, conjugate: true },
      { label: 'real, 4 realizations, no overlap', R: 4, complex: false, overlap: 0, conjugate: false },
    ])('equals welch over the whole array bit for bit, at every emission: $label', async ({ R, complex, overlap, conjugate }) => {
      const N = 1000;
      const L = 64;
      const dt = 0.1; // not a dyadic number: the blocks carry it, the frames would not
      const x = complex ? complexWhiteNoise(R * N, 1, 300 + R) : realWhiteNoise(R * N, 1, 300 + R);
      const out = await collect(sampleStream(x, R, N, dt, complex, awkward), welchOf({ channel: 'x', segmentLength: L, overlap, conjugate }));
      const ref = welch(x, { dt, segmentLength: L, overlap, complex, conjugate, realizations: R });
      const last = out[out.length - 1];
      expect(realValue(last, 'segments')).toBe(ref.segments);
      // exact: the same bits, not merely close
      expect(sameBits(arrayData(last, 'density'), ref.density)).toBe(true);
      expect(sameBits(arrayData(last, 'omega'), ref.omega)).toBe(true);
      // every emission is welch of the samples up to the end of its latest segment
      for (const f of out) {
        const n = Math.round(f.t / dt) + 1;
        const prefix = welch(prefixOf(x, R, N, n, complex), { dt, segmentLength: L, overlap, complex, conjugate, realizations: R });
        expect(realValue(f, 'segments')).toBe(prefix.segments);
        expect(sameBits(arrayData(f, 'density'), prefix.density)).toBe(true);
      }
      // one emission per block that completed a segment: fewer than segments when blocks are large
      expect(out.length).toBeLessThanOrEqual(ref.segments / R);
    });

    it('gives the same spectrum as the same samples sent as frames', async () => {
      const x = complexWhiteNoise(300, 1, 41);
      const op = () => welchOf({ channel: 'x', segmentLength: 32 });
      const fromFrames = await collect(scalarFrames(x, 0.25, true), op());
      const fromBlocks = await collect(sampleStream(x, 1, 300, 0.25, true, [17, 40]), op());
      expect(fromBlocks.at(-1)).toEqual(fromFrames.at(-1));
    });

    it('emits at the time of the last sample of the latest segment, with the blocks\' dt', async () => {
      const x = realWhiteNoise(20, 1, 42);
      // blocks of 5 from t0 = 2, dt = 0.5; L = 8, hop 4: segments end at samples 7, 11, 15, 19
      const out = await collect(sampleStream(x, 1, 20, 0.5, false, [5], 'x', 2), welchOf({ channel: 'x', segmentLength: 8 }));
      // block 2 (samples 5–9) ends segment 1 at sample 7; block 3 (10–14) at 11; block 4 (15–19) at 15 and 19
      expect(out.map((f) => [f.t, realValue(f, 'segments')])).toEqual([
        [2 + 7 * 0.5, 1],
        [2 + 11 * 0.5, 2],
        [2 + 19 * 0.5, 4],
      ]);
      expectClose(arrayData(out[0], 'omega')[1] - arrayData(out[0], 'omega')[0], (2 * Math.PI) / (8 * 0.5), { rtol: 1e-15 });
    });

    it('errors on a channel not in the schema, a gap, a block before the schema, a second schema, mixed frames, a dt off the option', async () => {
      const x = realWhiteNoise(20, 1, 43);
      const records = sampleStream(x, 1, 20, 0.5, false, [5]);
      const op = () => welchOf({ channel: 'x', segmentLength: 4 });
      await expect(collect(records, welchOf({ channel: 'y', segmentLength: 4 }))).rejects.toThrow(
        "welchOf: channel 'y' (option 'channel') is not in the stream schema; channels: 'x'",
      );
      await expect(collect([records[0], records[1], records[3]], op())).rejects.toThrow(
        /^welchOf: blocks must follow each other without gaps: .* \(a gap of 5 Δt\)$/,
      );
      await expect(collect([records[1]], op())).rejects.toThrow("welchOf: a block (t0 = 0) arrived before the stream's schema");
      await expect(collect([records[0], records[1], records[0]], op())).rejects.toThrow(
        'welchOf: a second schema arrived; a stream states its schema once, before its first block',
      );
      await expect(collect([records[0], records[1], ...scalarFrames(x, 0.5, false)], op())).rejects.toThrow(
        'welchOf: the stream mixes frames and sample-stream records; send one or the other',
      );
      await expect(collect(records, welchOf({ channel: 'x', segmentLength: 4, dt: 0.25 }))).rejects.toThrow(
        "welchOf: block dt = 0.5 differs from Δt = 0.25 (option 'dt')",
      );
      const badColumn = { ...(records[1] as SampleRecord & { kind: 'block' }), columns: { x: { kind: 'real' as const, data: new Float64Array(4), shape: [] } } };
      await expect(collect([records[0], badColumn], op())).rejects.toThrow(
        "welchOf: column 'x' must hold length·∏shape = 5·1 = 5 numbers (real), got 4 (block at t0 = 0)",
      );
    });

    it('marbles: a schema alone completes silently; a never-completing stream stays open; errors pass', () => {
      const records = sampleStream(realWhiteNoise(8, 1, 44), 1, 8, 1, false, [4]);
      testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
        const schemaOnly = cold<SampleRecord>('s|', { s: records[0] });
        expectObservable(schemaOnly.pipe(welchOf({ channel: 'x', segmentLength: 4 }))).toBe('-|');
        const never = cold<SampleRecord>('s-a---', { s: records[0], a: records[1] });
        const expected = welch(realWhiteNoise(8, 1, 44).subarray(0, 4), { dt: 1, segmentLength: 4 });
        expectObservable(never.pipe(welchOf({ channel: 'x', segmentLength: 4 })), '^-----!').toBe('--e---', {
          e: {
            t: 3,
            channels: {
              omega: { kind: 'array', data: expected.omega, shape: [4], complex: false },
              density: { kind: 'array', data: expected.density, shape: [4], complex: false },
              segments: realChannel(1),
            },
          },
        });
        expectSubscriptions(never.subscriptions).toBe('^-----!');
        const failing = cold<SampleRecord>('s#', { s: records[0] }, new Error('boom'));
        expectObservable(failing.pipe(welchOf({ channel: 'x', segmentLength: 4 }))).toBe('-#', undefined, new Error('boom'));
        expectSubscriptions(failing.subscriptions).toBe('^!');
      });
    });

    it('stops a synchronous source of blocks when the consumer unsubscribes', () => {
      const records = sampleStream(realWhiteNoise(1000, 1, 45), 1, 1000, 1, false, [10]);
      const { source, produced } = countingSource(records);
      const out: Frame[] = [];
      source.pipe(welchOf({ channel: 'x', segmentLength: 16, overlap: 0 }), take(2)).subscribe((f) => out.push(f));
      // segments end at samples 15 (block 2) and 31 (block 4): the schema and 4 blocks were read
      expect(out.map((f) => f.t)).toEqual([15, 31]);
      expect(produced()).toBe(5);
    });
  });

  it('feeds from a Subject as samples arrive', () => {
    const subject = new Subject<Frame>();
    const out: Frame[] = [];
    subject
      .pipe(welchOf({ channel: 'x', segmentLength: 2, overlap: 0.5 }))
      .subscribe((f) => out.push(f));
    for (const f of scalarFrames(complexTone(4, 1, 0.5), 0.5, true)) subject.next(f);
    expect(out.map((f) => realValue(f, 'segments'))).toEqual([1, 2, 3]);
    subject.complete();
  });
});

const evenFrames = scalarFrames(complexWhiteNoise(1000, 1, 1), 1, true);
operatorContract('welchOf', {
  operator: () => welchOf({ channel: 'x', segmentLength: 8 }),
  sample: evenFrames[0],
  sampleAt: (i) => evenFrames[i], // evenly spaced times
});
