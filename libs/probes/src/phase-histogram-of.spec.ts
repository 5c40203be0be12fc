import { from, take } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { createRng } from '@qsync/linalg';
import { countingSource, expectClose, operatorContract, sameBits } from '@qsync/testing';
import { arrayChannel, complexChannel, realChannel, toFrames } from '@qsync/frames';
import type { Frame, SampleBlock, SampleRecord, StreamSchema } from '@qsync/frames';
import { phaseHistogram } from './phase-histogram';
import { phaseHistogramOf } from './phase-histogram-of';
import type { PhaseHistogramOfConfig } from './phase-histogram-of';
import { AWKWARD_SIZES, blocksOf, sampleStream, sampleTimes } from './test-support/sample-stream';

const PI = Math.PI;
const testScheduler = (): TestScheduler => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

const scalar = (t: number, phi: number): Frame => ({ t, channels: { phi: realChannel(phi), other: realChannel(1) } });
const vector = (t: number, phis: number[] | Float64Array): Frame => ({
  t,
  channels: { phi: arrayChannel(Float64Array.from(phis), [phis.length]) },
});

function collect(frames: Frame[], config: PhaseHistogramOfConfig): Frame[] {
  const out: Frame[] = [];
  let error: unknown;
  from(frames)
    .pipe(phaseHistogramOf(config))
    .subscribe({ next: (f) => out.push(f), error: (e: unknown) => (error = e) });
  if (error !== undefined) throw error;
  return out;
}

const data = (f: Frame, name: string): Float64Array => {
  const c = f.channels[name];
  return c.kind === 'array' ? c.data : new Float64Array(0);
};
const real = (f: Frame, name: string): number => {
  const c = f.channels[name];
  return c.kind === 'real' ? c.value : NaN;
};

/** The frame the operator emits for a histogram h, for marble comparisons. */
const expected = (t: number, phases: number[], bins: number): Frame => {
  const h = phaseHistogram(phases, { bins });
  return {
    t,
    channels: {
      phase: arrayChannel(h.centers, [bins], { unit: 'rad' }),
      density: arrayChannel(h.density, [bins], { unit: '1/rad' }),
      samples: realChannel(h.samples),
    },
  };
};

describe('phaseHistogramOf', () => {
  it('runs the doc example: a scalar frame, then an array frame', () => {
    const out = collect([scalar(0, 0.1), vector(1, [3, -3])], { channel: 'phi', bins: 4 });
    // density = count·4/(2π·samples): one rounding each
    expectClose(data(out[0], 'density'), [0, 0, 4 / (2 * PI), 0], { rtol: 1e-15 });
    expectClose(data(out[1], 'density'), [1, 0, 1, 1].map((c) => (c * 4) / (2 * PI * 3)), { rtol: 1e-15 });
    expect(out.map((f) => real(f, 'samples'))).toEqual([1, 3]);
    expectClose(data(out[1], 'phase'), [-3 * PI / 4, -PI / 4, PI / 4, 3 * PI / 4], { rtol: 1e-15 });
    expect(out[1].channels.density).toMatchObject({ kind: 'array', shape: [4], complex: false, unit: '1/rad' });
  });

  it('equals phaseHistogram of everything counted so far, bit for bit', () => {
    const rng = createRng(12);
    const realizations = 25;
    const frames = Array.from({ length: 12 }, (_, k) =>
      vector(0.5 * k, Float64Array.from({ length: realizations }, () => 1 + 0.8 * rng.gaussian() + 2 * PI * k)),
    );
    const tStart = 1.2; // frames k ≥ 3
    const out = collect(frames, { channel: 'phi', bins: 10, tStart });
    expect(out.map((f) => f.t)).toEqual(frames.slice(3).map((f) => f.t));
    const seen: number[] = [];
    for (let j = 0; j < out.length; j++) {
      seen.push(...data(frames[3 + j], 'phi'));
      const h = phaseHistogram(seen, { bins: 10 });
      expect(data(out[j], 'density')).toEqual(h.density);
      expect(data(out[j], 'phase')).toEqual(h.centers);
      expect(real(out[j], 'samples')).toBe(h.samples);
    }
  });

  it('emits fresh arrays: changing one emitted frame does not change later ones', () => {
    const out: Frame[] = [];
    from([scalar(0, 0.5), scalar(1, 0.5)])
      .pipe(phaseHistogramOf({ channel: 'phi', bins: 2 }))
      .subscribe((f) => {
        out.push(f);
        data(f, 'density').fill(99);
        data(f, 'phase').fill(99);
      });
    expect(out[1].channels.density).not.toBe(out[0].channels.density);
    const fresh = collect([scalar(0, 0.5), scalar(1, 0.5)], { channel: 'phi', bins: 2 });
    expect(data(fresh[1], 'density')).toEqual(Float64Array.of(0, 1 / PI));
    expect(data(fresh[1], 'phase')).toEqual(Float64Array.of(-PI / 2, PI / 2));
  });

  it('keeps counts per subscription', () => {
    const src = from([scalar(0, 0.5), scalar(1, -0.5)]).pipe(phaseHistogramOf({ channel: 'phi', bins: 2 }));
    const a: number[] = [];
    const b: number[] = [];
    src.subscribe((f) => a.push(real(f, 'samples')));
    src.subscribe((f) => b.push(real(f, 'samples')));
    expect(a).toEqual([1, 2]);
    expect(b).toEqual([1, 2]);
  });

  it('marbles: skips the transient, passes completion and teardown', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const src = cold('-a-b-c-|', { a: scalar(0, 3), b: scalar(1, 0.5), c: vector(2, [-1, 2]) });
      expectObservable(src.pipe(phaseHistogramOf({ channel: 'phi', bins: 3, tStart: 0.5 }))).toBe('---b-c-|', {
        b: expected(1, [0.5], 3),
        c: expected(2, [0.5, -1, 2], 3),
      });
      expectSubscriptions(src.subscriptions).toBe('^------!');
    });
  });

  it('errors on bad frames, naming the channel or the times', () => {
    const cfg = { channel: 'phi', bins: 4 };
    expect(() => collect([{ t: 0, channels: {} }], cfg)).toThrow(
      "phaseHistogramOf: channel 'phi' is missing in the frame at t = 0; known channels: (none)",
    );
    expect(() => collect([{ t: 0, channels: { phi: complexChannel(1, 0) } }], cfg)).toThrow(
      "phaseHistogramOf: channel 'phi' must be real or a real array, got kind 'complex' at t = 0",
    );
    expect(() =>
      collect([{ t: 0, channels: { phi: arrayChannel(new Float64Array(2), [1], { complex: true }) } }], cfg),
    ).toThrow("phaseHistogramOf: channel 'phi' must be real or a real array, got a complex array at t = 0");
    expect(() => collect([scalar(0, NaN)], cfg)).toThrow("phaseHistogramOf: channel 'phi' must be finite, got NaN at t = 0");
    expect(() => collect([vector(0, [1, Infinity])], cfg)).toThrow(
      "phaseHistogramOf: channel 'phi' must be finite, got Infinity at index 1 at t = 0",
    );
    expect(() => collect([vector(0, [])], cfg)).toThrow("phaseHistogramOf: channel 'phi' is an empty array at t = 0");
    expect(() => collect([scalar(1, 0), scalar(0, 0)], cfg)).toThrow(
      'phaseHistogramOf: frame times must not decrease, got t = 0 after t = 1',
    );
    expect(() => collect([scalar(NaN, 0)], cfg)).toThrow('phaseHistogramOf: frame time must be finite, got t = NaN');
  });

  it('rejects bad options, naming them', () => {
    expect(() => phaseHistogramOf(null as unknown as PhaseHistogramOfConfig)).toThrow(
      "phaseHistogramOf: argument 'config' must be an object { channel, bins, tStart? }, got null",
    );
    expect(() => phaseHistogramOf({ channel: 'phi', bins: 0 })).toThrow(
      "phaseHistogramOf: option 'bins' must be an integer ≥ 1, got 0",
    );
    expect(() => phaseHistogramOf({ channel: 3 as unknown as string, bins: 4 })).toThrow(
      "phaseHistogramOf: option 'channel' must be a non-empty string, got 3",
    );
    expect(() => phaseHistogramOf({ channel: 'phi', bins: 4, tStart: Infinity })).toThrow(
      "phaseHistogramOf: option 'tStart' must be a finite number, got Infinity",
    );
  });

  describe('on a sample stream (schema, then blocks)', () => {
    /** Runs the operator on records synchronously; throws the stream's error. */
    function run(records: readonly (Frame | SampleRecord)[], config: PhaseHistogramOfConfig): Frame[] {
      const out: Frame[] = [];
      let error: unknown;
      from(records)
        .pipe(phaseHistogramOf(config))
        .subscribe({ next: (f) => out.push(f), error: (e: unknown) => (error = e) });
      if (error !== undefined) throw error;
      return out;
    }

    /** n samples of R phases each, [sample][realization]: a wrapped diffusing phase per realization. */
    function ensemble(n: number, R: number, seed: number): Float64Array {
      const rng = createRng(seed);
      const x = new Float64Array(n * R);
      for (let r = 0; r < R; r++) {
        let phi = r;
        for (let k = 0; k < n; k++) {
          x[k * R + r] = Math.atan2(Math.sin(phi), Math.cos(phi));
          phi += 0.3 * rng.gaussian();
        }
      }
      return x;
    }

    it.each([
      { label: 'a scalar column', shape: [] as number[] },
      { label: 'a column of 5 realizations', shape: [5] },
      { label: 'a column of shape [2, 3]', shape: [2, 3] },
    ])('equals phaseHistogram of the phases so far bit for bit after every block of awkward sizes: $label', ({ shape }) => {
      const R = shape.reduce((a, b) => a * b, 1);
      const n = 1500;
      const x = ensemble(n, R, 30 + R);
      const records = sampleStream(x, { dt: 0.1, sizes: AWKWARD_SIZES, shape, unit: 'rad' });
      const times = sampleTimes(records);
      const tStart = 30.05; // the transient ends inside block 11 (samples 237 … 336) at sample 301
      const firstKept = times.findIndex((t) => t >= tStart);
      expect(firstKept).toBe(301);
      const out = run(records, { channel: 'phi', bins: 24, tStart });
      const ends: number[] = [];
      let end = 0;
      for (const b of blocksOf(records)) {
        end += b.length;
        if (end - 1 >= firstKept) ends.push(end - 1);
      }
      expect(out.map((f) => f.t)).toEqual(ends.map((k) => times[k]));
      for (let j = 0; j < out.length; j++) {
        const h = phaseHistogram(x.subarray(firstKept * R, (ends[j] + 1) * R), { bins: 24 });
        expect(sameBits(data(out[j], 'density'), h.density)).toBe(true);
        expect(sameBits(data(out[j], 'phase'), h.centers)).toBe(true);
        expect(real(out[j], 'samples')).toBe(h.samples);
      }
      expect(real(out[out.length - 1], 'samples')).toBe((n - 301) * R);
    });

    it('gives the same histogram as the same samples sent as frames', () => {
      const x = ensemble(600, 4, 40);
      const records = sampleStream(x, { dt: 0.25, sizes: [13, 1, 64, 7], shape: [4] });
      const cfg = { channel: 'phi', bins: 16, tStart: 17.3 };
      const fromBlocks = run(records, cfg);
      const fromFrames: Frame[] = [];
      from(records).pipe(toFrames(), phaseHistogramOf(cfg)).subscribe((f) => fromFrames.push(f));
      expect(fromBlocks.at(-1)).toEqual(fromFrames.at(-1));
      const byTime = new Map(fromFrames.map((f) => [f.t, f]));
      for (const f of fromBlocks) expect(f).toEqual(byTime.get(f.t));
    });

    it('marbles: an empty source completes, a schema alone completes silently, a never-completing stream stays open, errors pass', () => {
      const [schema, a] = sampleStream(Float64Array.of(3, 0.5, -1, 2), { dt: 1, sizes: [2], shape: [2] }) as [StreamSchema, SampleBlock];
      testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
        const empty = cold<SampleRecord>('|');
        expectObservable(empty.pipe(phaseHistogramOf({ channel: 'phi', bins: 3 }))).toBe('|');
        expectSubscriptions(empty.subscriptions).toBe('(^!)');
        const schemaOnly = cold<SampleRecord>('s|', { s: schema });
        expectObservable(schemaOnly.pipe(phaseHistogramOf({ channel: 'phi', bins: 3 }))).toBe('-|');
        const never = cold<SampleRecord>('s-a---', { s: schema, a });
        // t ≥ 0.5 keeps sample 1 only: phases −1, 2
        expectObservable(never.pipe(phaseHistogramOf({ channel: 'phi', bins: 3, tStart: 0.5 })), '^-----!').toBe('--a---', {
          a: expected(1, [-1, 2], 3),
        });
        expectSubscriptions(never.subscriptions).toBe('^-----!');
        const failing = cold<SampleRecord>('s#', { s: schema }, new Error('boom'));
        expectObservable(failing.pipe(phaseHistogramOf({ channel: 'phi', bins: 3 }))).toBe('-#', undefined, new Error('boom'));
        expectSubscriptions(failing.subscriptions).toBe('^!');
      });
    });

    it('stops a synchronous source of blocks when the consumer unsubscribes', () => {
      const records = sampleStream(new Float64Array(1000), { dt: 1, sizes: [10] });
      const { source, produced } = countingSource(records);
      const out: Frame[] = [];
      source.pipe(phaseHistogramOf({ channel: 'phi', bins: 4, tStart: 25 }), take(2)).subscribe((f) => out.push(f));
      expect(out.map((f) => [f.t, real(f, 'samples')])).toEqual([
        [29, 5],
        [39, 15],
      ]);
      expect(produced()).toBe(5); // the schema and 4 blocks
    });

    it('errors on a broken sample stream, naming the channel, the column or the times', () => {
      const records = sampleStream(Float64Array.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), { dt: 0.5, sizes: [2], shape: [2] });
      const [schema, b0, b1, b2] = records as [StreamSchema, SampleBlock, SampleBlock, SampleBlock];
      const cfg = { channel: 'phi', bins: 4 };
      expect(() => run(records, { channel: 'x', bins: 4 })).toThrow(
        "phaseHistogramOf: channel 'x' (option 'channel') is not in the stream schema; channels: 'phi'",
      );
      const complex: StreamSchema = { kind: 'schema', channels: { phi: { kind: 'complex', shape: [2] } } };
      expect(() => run([complex], cfg)).toThrow("phaseHistogramOf: channel 'phi' must be real, but the stream schema says complex");
      const empty: StreamSchema = { kind: 'schema', channels: { phi: { kind: 'real', shape: [0] } } };
      expect(() => run([empty], cfg)).toThrow("phaseHistogramOf: channel 'phi' has shape [0] in the stream schema: no values per sample");
      expect(() => run([b0], cfg)).toThrow("phaseHistogramOf: a block (t0 = 0) arrived before the stream's schema");
      expect(() => run([schema, schema], cfg)).toThrow('phaseHistogramOf: a second schema arrived');
      expect(() => run([schema, b0, b2], cfg)).toThrow(/^phaseHistogramOf: blocks must follow each other without gaps: .* \(a gap of 2 Δt\)$/);
      const missing: SampleBlock = { ...b1, columns: { psi: { kind: 'real', data: new Float64Array(4), shape: [2] } } };
      expect(() => run([schema, b0, missing], cfg)).toThrow(
        "phaseHistogramOf: column 'psi' is not a channel of the stream schema (channels 'phi') (block at t0 = 1)",
      );
      const reshaped: SampleBlock = { ...b1, columns: { phi: { kind: 'real', data: new Float64Array(4), shape: [1, 2] } } };
      expect(() => run([schema, b0, reshaped], cfg)).toThrow(
        "phaseHistogramOf: column 'phi' is real [1, 2], but the schema says real [2] (block at t0 = 1)",
      );
      const nan: SampleBlock = { ...b1, columns: { phi: { kind: 'real', data: Float64Array.of(0, 1, 2, NaN), shape: [2] } } };
      expect(() => run([schema, b0, nan], cfg)).toThrow(
        "phaseHistogramOf: channel 'phi' must be finite, got NaN at entry 1 at sample 1 of the block at t0 = 1 (t = 1.5)",
      );
      expect(() => run([schema, b0, scalar(1, 0)], cfg)).toThrow(
        'phaseHistogramOf: the stream mixes frames and sample-stream records; send one or the other',
      );
    });
  });
});

operatorContract('phaseHistogramOf', { operator: () => phaseHistogramOf({ channel: 'phi', bins: 3 }), sample: scalar(0, 1) });
