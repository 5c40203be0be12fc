import { from, take } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { createRng } from '@qsync/linalg';
import { countingSource, expectClose, operatorContract, sameBits } from '@qsync/testing';
import { arrayChannel, complexChannel, realChannel, toFrames } from '@qsync/frames';
import type { Frame, SampleBlock, SampleRecord, StreamSchema } from '@qsync/frames';
import {
  AWKWARD_SIZES,
  blocksOf,
  joinColumn,
  sampleStream,
} from './test-support/sample-stream';
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

  describe('on a sample stream (schema, then blocks)', () => {
    /** Runs the operator on records synchronously; throws the stream's error. */
    function run(records: readonly (Frame | SampleRecord)[], config: UnwrapPhaseOfConfig): (Frame | SampleRecord)[] {
      const out: (Frame | SampleRecord)[] = [];
      let error: unknown;
      from(records)
        .pipe(unwrapPhaseOf(config))
        .subscribe({ next: (r) => out.push(r), error: (e: unknown) => (error = e) });
      if (error !== undefined) throw error;
      return out;
    }

    /**
     * A phase that advances by 1.9 … 2.7 rad per sample (uniform, seeded): below π, so
     * unwrapping recovers it, and wrapping every two or three samples, at many block boundaries.
     */
    function drift(n: number, seed: number, rate = 2.3): Float64Array {
      const rng = createRng(seed);
      const phi = new Float64Array(n);
      for (let k = 1; k < n; k++) phi[k] = phi[k - 1] + rate + 0.8 * (rng.uniform() - 0.5);
      return phi;
    }

    it('equals unwrapPhase of the whole array bit for bit, blocks of awkward sizes, the wraps at block boundaries carried', () => {
      const n = 1000;
      const truth = drift(n, 5);
      const wrapped = truth.map(wrap);
      const records = sampleStream(wrapped, { dt: 0.1, sizes: AWKWARD_SIZES, unit: 'rad', withIndex: true });
      // the carry is exercised: blocks that start with a step of more than π from the last sample before
      const inputBlocks = blocksOf(records);
      let wrapsAtBoundaries = 0;
      for (let b = 1; b < inputBlocks.length; b++) {
        const before = inputBlocks[b - 1].columns.phi.data;
        if (Math.abs(inputBlocks[b].columns.phi.data[0] - before[before.length - 1]) > PI) wrapsAtBoundaries++;
      }
      expect(wrapsAtBoundaries).toBeGreaterThanOrEqual(5); // 8 of the 36 boundaries

      const out = run(records, { channel: 'phi' });
      expect(out.map((r) => ('kind' in r ? r.kind : 'frame'))).toEqual(records.map((r) => r.kind));
      const got = joinColumn(blocksOf(out as SampleRecord[]), 'phi');
      expect(sameBits(got, unwrapPhase(wrapped))).toBe(true);
      // and the phase itself: each wrapped sample is off by a few ulp of |φ| ≤ 2700 (≈ 4.5e-13 each)
      expectClose(got, truth, { atol: 1e-11 });
    });

    it('gives the same phases as the same samples sent as frames', () => {
      const wrapped = drift(500, 6, -2.1).map(wrap);
      const records = sampleStream(wrapped, { dt: 0.25, sizes: [13, 1, 64] });
      const fromBlocks = joinColumn(blocksOf(run(records, { channel: 'phi' }) as SampleRecord[]), 'phi');
      const frames: Frame[] = [];
      from(records).pipe(toFrames(), unwrapPhaseOf({ channel: 'phi' })).subscribe((f) => frames.push(f));
      expect(sameBits(fromBlocks, Float64Array.from(frames, (f) => real(f, 'phi')))).toBe(true);
    });

    it('unwraps a column of shape [2, 3] element-wise, each element bit for bit as unwrapPhase of its own series', () => {
      const rates = [2.3, -2.5, 0.4, 2.9, 0, -1.7];
      const n = 400;
      const series = rates.map((w, j) => drift(n, 20 + j, w).map((p) => wrap(p + j)));
      const x = new Float64Array(n * 6); // [sample][element]
      for (let k = 0; k < n; k++) for (let j = 0; j < 6; j++) x[6 * k + j] = series[j][k];
      const out = run(sampleStream(x, { dt: 0.5, sizes: AWKWARD_SIZES, shape: [2, 3] }), { channel: 'phi', out: 'theta' });
      const theta = joinColumn(blocksOf(out as SampleRecord[]), 'theta');
      for (let j = 0; j < 6; j++) {
        const element = Float64Array.from({ length: n }, (_, k) => theta[6 * k + j]);
        expect(sameBits(element, unwrapPhase(series[j]))).toBe(true);
      }
    });

    it('passes the schema and the other columns through, with the unwrapped column under out', () => {
      const records = sampleStream(Float64Array.of(3, -3, -1, 3, 0.5), { dt: 0.5, sizes: [2], unit: 'rad', withIndex: true });
      const [schema, ...blocks] = run(records, { channel: 'phi', out: 'theta' }) as [StreamSchema, ...SampleBlock[]];
      expect(schema).toEqual({
        kind: 'schema',
        rate: 2,
        channels: {
          phi: { kind: 'real', shape: [], unit: 'rad' },
          k: { kind: 'real', shape: [] },
          theta: { kind: 'real', shape: [], unit: 'rad', description: "'phi' unwrapped (continuous phase)" },
        },
      });
      expect(blocks.map((b) => [b.t0, b.dt, b.length])).toEqual([
        [0, 0.5, 2],
        [1, 0.5, 2],
        [2, 0.5, 1],
      ]);
      const input = blocksOf(records);
      for (let b = 0; b < 3; b++) {
        // the input's columns are the same objects, untouched; theta is a fresh array
        expect(blocks[b].columns.phi).toBe(input[b].columns.phi);
        expect(blocks[b].columns.k).toBe(input[b].columns.k);
        expect(blocks[b].columns.theta.data).not.toBe(input[b].columns.phi.data);
      }
      // 3 → −3 is a step of −6: +2π; −1 → 3 a step of 4: −2π again
      expectClose(joinColumn(blocks, 'theta'), [3, 2 * PI - 3, 2 * PI - 1, 3, 0.5], { rtol: 1e-15 }); // one rounding each
      expect(blocks[1].columns.theta).toMatchObject({ kind: 'real', shape: [], unit: 'rad' });
      // by default the phase column is replaced, its schema entry too
      const [replaced] = run(records, { channel: 'phi' }) as [StreamSchema];
      expect(Object.keys(replaced.channels)).toEqual(['phi', 'k']);
      expect(replaced.channels.phi).toMatchObject({ kind: 'real', shape: [], unit: 'rad' });
    });

    it('marbles: an empty source completes, a schema alone passes, a never-completing stream stays open, errors pass', () => {
      const [schema, a] = sampleStream(Float64Array.of(3, -3), { dt: 1, sizes: [2] }) as [StreamSchema, SampleBlock];
      const schemaOut: StreamSchema = {
        kind: 'schema',
        rate: 1,
        channels: { phi: { kind: 'real', shape: [], description: "'phi' unwrapped (continuous phase)" } },
      };
      const aOut: SampleBlock = { ...a, columns: { phi: { kind: 'real', data: Float64Array.of(3, 2 * PI - 3), shape: [] } } };
      testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
        const empty = cold<SampleRecord>('|');
        expectObservable(empty.pipe(unwrapPhaseOf({ channel: 'phi' }))).toBe('|');
        expectSubscriptions(empty.subscriptions).toBe('(^!)');
        const schemaOnly = cold<SampleRecord>('s|', { s: schema });
        expectObservable(schemaOnly.pipe(unwrapPhaseOf({ channel: 'phi' }))).toBe('s|', { s: schemaOut });
        const never = cold<SampleRecord>('s-a---', { s: schema, a });
        expectObservable(never.pipe(unwrapPhaseOf({ channel: 'phi' })), '^-----!').toBe('s-a---', { s: schemaOut, a: aOut });
        expectSubscriptions(never.subscriptions).toBe('^-----!');
        const failing = cold<SampleRecord>('s#', { s: schema }, new Error('boom'));
        expectObservable(failing.pipe(unwrapPhaseOf({ channel: 'phi' }))).toBe('s#', { s: schemaOut }, new Error('boom'));
        expectSubscriptions(failing.subscriptions).toBe('^!');
      });
    });

    it('stops a synchronous source of blocks when the consumer unsubscribes', () => {
      const records = sampleStream(drift(1000, 7).map(wrap), { dt: 1, sizes: [10] });
      const { source, produced } = countingSource(records);
      const out: SampleRecord[] = [];
      source.pipe(unwrapPhaseOf({ channel: 'phi' }), take(3)).subscribe((r) => out.push(r));
      expect(out.map((r) => r.kind)).toEqual(['schema', 'block', 'block']);
      expect(produced()).toBe(3);
    });

    it('errors on a broken sample stream, naming the channel, the column or the times', () => {
      const records = sampleStream(Float64Array.of(0, 1, 2, 3, 4, 5), { dt: 0.5, sizes: [2] });
      const [schema, b0, b1, b2] = records as [StreamSchema, SampleBlock, SampleBlock, SampleBlock];
      const cfg = { channel: 'phi' };
      expect(() => run(records, { channel: 'x' })).toThrow(
        "unwrapPhaseOf: channel 'x' (option 'channel') is not in the stream schema; channels: 'phi'",
      );
      const complex: StreamSchema = { kind: 'schema', channels: { phi: { kind: 'complex', shape: [] } } };
      expect(() => run([complex], cfg)).toThrow("unwrapPhaseOf: channel 'phi' must be real, but the stream schema says complex");
      expect(() => run([b0], cfg)).toThrow("unwrapPhaseOf: a block (t0 = 0) arrived before the stream's schema");
      expect(() => run([schema, b0, schema], cfg)).toThrow(
        'unwrapPhaseOf: a second schema arrived; a stream states its schema once, before its first block',
      );
      expect(() => run([schema, b0, b2], cfg)).toThrow(
        /^unwrapPhaseOf: blocks must follow each other without gaps: .* \(a gap of 2 Δt\)$/,
      );
      const twoColumns: StreamSchema = { kind: 'schema', channels: { phi: { kind: 'real', shape: [] }, k: { kind: 'real', shape: [] } } };
      expect(() => run([twoColumns, b0], cfg)).toThrow("unwrapPhaseOf: channel 'k' of the stream schema is missing in the block at t0 = 0");
      const complexColumn: SampleBlock = { ...b1, columns: { phi: { kind: 'complex', data: new Float64Array(4), shape: [] } } };
      expect(() => run([schema, b0, complexColumn], cfg)).toThrow(
        "unwrapPhaseOf: column 'phi' is complex [], but the schema says real [] (block at t0 = 1)",
      );
      const nan: SampleBlock = { ...b1, columns: { phi: { kind: 'real', data: Float64Array.of(2, NaN), shape: [] } } };
      expect(() => run([schema, b0, nan], cfg)).toThrow(
        "unwrapPhaseOf: channel 'phi' must be finite, got NaN at sample 1 of the block at t0 = 1 (t = 1.5)",
      );
      expect(() => run([schema, b0, scalar(1, 0)], cfg)).toThrow(
        'unwrapPhaseOf: the stream mixes frames and sample-stream records; send one or the other',
      );
      expect(() => run([scalar(0, 0), schema], cfg)).toThrow(
        'unwrapPhaseOf: the stream mixes frames and sample-stream records; send one or the other',
      );
      const empty: StreamSchema = { kind: 'schema', channels: { phi: { kind: 'real', shape: [2, 0] } } };
      expect(() => run([empty], cfg)).toThrow(
        "unwrapPhaseOf: channel 'phi' has shape [2, 0] in the stream schema: no values per sample",
      );
      const unknown = { kind: 'header' } as unknown as SampleRecord;
      expect(() => run([unknown], cfg)).toThrow("unwrapPhaseOf: unknown record kind 'header'; expected a frame, 'schema' or 'block'");
    });
  });
});

operatorContract('unwrapPhaseOf', { operator: () => unwrapPhaseOf({ channel: 'phi' }), sample: scalar(0, 1) });
