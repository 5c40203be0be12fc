import { from, take } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { createRng } from '@qsync/linalg';
import { countingSource, operatorContract } from '@qsync/testing';
import { arrayChannel, complexChannel, realChannel, toFrames } from '@qsync/frames';
import type { Frame, SampleBlock, SampleRecord, StreamSchema } from '@qsync/frames';
import { longTimeAverage } from './long-time-average';
import { longTimeAverageOf } from './long-time-average-of';
import type { LongTimeAverageOfConfig } from './long-time-average-of';
import { ar1Series } from './test-support/samplers';
import { AWKWARD_SIZES, blocksOf, sampleStream, sampleTimes } from './test-support/sample-stream';

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

  describe('on a sample stream (schema, then blocks)', () => {
    /** Runs the operator on records synchronously; throws the stream's error. */
    function run(records: readonly (Frame | SampleRecord)[], config: LongTimeAverageOfConfig): Frame[] {
      const out: Frame[] = [];
      let error: unknown;
      from(records)
        .pipe(longTimeAverageOf(config))
        .subscribe({ next: (f) => out.push(f), error: (e: unknown) => (error = e) });
      if (error !== undefined) throw error;
      return out;
    }

    it('equals longTimeAverage of the samples so far bit for bit after every block, the transient ending inside a block', () => {
      const n = 2000;
      const x = ar1Series(createRng(8), n, 0.7);
      const dt = 0.1;
      const records = sampleStream(x, { name: 'x', dt, sizes: AWKWARD_SIZES, unit: 'κ' });
      const times = sampleTimes(records); // t0 + k·dt of each block: the times the operator sees
      // samples 0 … 300 are the transient: it spans blocks 0–10 (216 + 1 + 7 + 13 = 237 samples)
      // and ends inside block 11 (samples 237 … 336)
      const tStart = 30.05;
      const firstKept = times.findIndex((t) => t >= tStart);
      expect(firstKept).toBe(301);
      const blockStarts = blocksOf(records).map((b) => Math.round(b.t0 / dt));
      expect(blockStarts.slice(10, 13)).toEqual([224, 237, 337]);
      const out = run(records, { channel: 'x', tStart, batches: 4 });
      // one frame per block with a kept sample, at the time of its last sample
      const blocks = blocksOf(records);
      const ends: number[] = [];
      let end = 0;
      for (const b of blocks) {
        end += b.length;
        if (end - 1 >= firstKept) ends.push(end - 1);
      }
      expect(out.map((f) => f.t)).toEqual(ends.map((k) => times[k]));
      for (let j = 0; j < out.length; j++) {
        const k = ends[j];
        const r = longTimeAverage(times.subarray(0, k + 1), x.subarray(0, k + 1), { tStart, batches: 4 });
        expect([real(out[j], 'mean'), real(out[j], 'standardError'), real(out[j], 'samples')]).toEqual([
          r.mean,
          r.standardError,
          r.samples,
        ]);
      }
      expect(real(out[out.length - 1], 'samples')).toBe(n - 301);
      expect(out[0].channels.mean).toMatchObject({ kind: 'real', unit: 'κ' });
    });

    it('keeps a sample whose time equals tStart, in the middle of a block', () => {
      // dt = 0.5: every t0 + k·dt is exact; samples 9, 10, 11 at t = 4.5, 5, 5.5 lie in the block 8–11
      const x = Float64Array.from({ length: 12 }, (_, k) => k * k);
      const out = run(sampleStream(x, { name: 'x', dt: 0.5, sizes: [4] }), { channel: 'x', tStart: 5 });
      expect(out.map((f) => [f.t, real(f, 'samples'), real(f, 'mean')])).toEqual([[5.5, 2, (100 + 121) / 2]]);
    });

    it('gives the same numbers as the same samples sent as frames', () => {
      const x = ar1Series(createRng(9), 700, 0.5);
      const records = sampleStream(x, { name: 'x', dt: 0.1, sizes: [13, 1, 64, 7] });
      const fromBlocks = run(records, { channel: 'x', tStart: 12.34, batches: 5 });
      const fromFrames: Frame[] = [];
      from(records).pipe(toFrames(), longTimeAverageOf({ channel: 'x', tStart: 12.34, batches: 5 })).subscribe((f) => fromFrames.push(f));
      expect(fromBlocks.at(-1)).toEqual(fromFrames.at(-1));
      // and after every block, the frame of its last sample
      const byTime = new Map(fromFrames.map((f) => [f.t, f]));
      for (const f of fromBlocks) expect(f).toEqual(byTime.get(f.t));
    });

    it('marbles: an empty source completes, a schema alone completes silently, a never-completing stream stays open, errors pass', () => {
      const [schema, a] = sampleStream(Float64Array.of(1, 3, 5), { name: 'x', dt: 1, sizes: [3] }) as [StreamSchema, SampleBlock];
      testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
        const empty = cold<SampleRecord>('|');
        expectObservable(empty.pipe(longTimeAverageOf({ channel: 'x' }))).toBe('|');
        expectSubscriptions(empty.subscriptions).toBe('(^!)');
        const schemaOnly = cold<SampleRecord>('s|', { s: schema });
        expectObservable(schemaOnly.pipe(longTimeAverageOf({ channel: 'x' }))).toBe('-|');
        const never = cold<SampleRecord>('s-a---', { s: schema, a });
        // kept 3, 5 (t ≥ 1): mean 4; two batches of one sample, s² = 2, error √(2/2) = 1
        expectObservable(never.pipe(longTimeAverageOf({ channel: 'x', tStart: 1, batches: 2 })), '^-----!').toBe('--a---', {
          a: { t: 2, channels: { mean: realChannel(4), standardError: realChannel(1), samples: realChannel(2) } },
        });
        expectSubscriptions(never.subscriptions).toBe('^-----!');
        const failing = cold<SampleRecord>('s#', { s: schema }, new Error('boom'));
        expectObservable(failing.pipe(longTimeAverageOf({ channel: 'x' }))).toBe('-#', undefined, new Error('boom'));
        expectSubscriptions(failing.subscriptions).toBe('^!');
      });
    });

    it('stops a synchronous source of blocks when the consumer unsubscribes', () => {
      const records = sampleStream(new Float64Array(1000), { name: 'x', dt: 1, sizes: [10] });
      const { source, produced } = countingSource(records);
      const out: Frame[] = [];
      source.pipe(longTimeAverageOf({ channel: 'x', tStart: 25 }), take(2)).subscribe((f) => out.push(f));
      // blocks 0, 1 are the transient, block 2 (t = 20 … 29) the first kept
      expect(out.map((f) => [f.t, real(f, 'samples')])).toEqual([
        [29, 5],
        [39, 15],
      ]);
      expect(produced()).toBe(5); // the schema and 4 blocks
    });

    it('errors on a broken sample stream, naming the channel, the column or the times', () => {
      const records = sampleStream(Float64Array.of(0, 1, 2, 3, 4, 5), { name: 'x', dt: 0.5, sizes: [2] });
      const [schema, b0, b1, b2] = records as [StreamSchema, SampleBlock, SampleBlock, SampleBlock];
      const cfg = { channel: 'x' };
      expect(() => run(records, { channel: 'y' })).toThrow(
        "longTimeAverageOf: channel 'y' (option 'channel') is not in the stream schema; channels: 'x'",
      );
      const complex: StreamSchema = { kind: 'schema', channels: { x: { kind: 'complex', shape: [] } } };
      expect(() => run([complex], cfg)).toThrow("longTimeAverageOf: channel 'x' must be real, but the stream schema says complex");
      const ensemble: StreamSchema = { kind: 'schema', channels: { x: { kind: 'real', shape: [3] } } };
      expect(() => run([ensemble], cfg)).toThrow(
        "longTimeAverageOf: channel 'x' must be a real scalar (shape []), but the stream schema gives shape [3]",
      );
      expect(() => run([b0], cfg)).toThrow("longTimeAverageOf: a block (t0 = 0) arrived before the stream's schema");
      expect(() => run([schema, schema], cfg)).toThrow('longTimeAverageOf: a second schema arrived');
      expect(() => run([schema, b0, b2], cfg)).toThrow(/^longTimeAverageOf: blocks must follow each other without gaps: .* \(a gap of 2 Δt\)$/);
      const missing: SampleBlock = { ...b1, columns: { y: { kind: 'real', data: new Float64Array(2), shape: [] } } };
      expect(() => run([schema, b0, missing], cfg)).toThrow(
        "longTimeAverageOf: column 'y' is not a channel of the stream schema (channels 'x') (block at t0 = 1)",
      );
      const complexColumn: SampleBlock = { ...b1, columns: { x: { kind: 'complex', data: new Float64Array(4), shape: [] } } };
      expect(() => run([schema, b0, complexColumn], cfg)).toThrow(
        "longTimeAverageOf: column 'x' is complex [], but the schema says real [] (block at t0 = 1)",
      );
      const inf: SampleBlock = { ...b1, columns: { x: { kind: 'real', data: Float64Array.of(Infinity, 0), shape: [] } } };
      expect(() => run([schema, b0, inf], cfg)).toThrow(
        "longTimeAverageOf: channel 'x' must be finite, got Infinity at sample 0 of the block at t0 = 1 (t = 1)",
      );
      expect(() => run([fx(0, 1), schema], cfg)).toThrow(
        'longTimeAverageOf: the stream mixes frames and sample-stream records; send one or the other',
      );
    });
  });
});

operatorContract('longTimeAverageOf', { operator: () => longTimeAverageOf({ channel: 'x' }), sample: fx(0, 1) });
