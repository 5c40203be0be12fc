import { describe, expect, it } from 'vitest';
import { realChannel } from './frame';
import type { Frame } from './frame';
import { sampleBlock } from './sample-block';
import type { SampleBlock } from './sample-block';
import { SampleStreamReader } from './sample-stream-reader';
import type { SampleStreamReaderConfig, StreamRecord } from './sample-stream-reader';
import { streamSchema } from './stream-schema';
import type { StreamSchema } from './stream-schema';

// channels x (real, [2] per sample), z (complex scalar), n (real scalar, unit 'V'), at 4 samples per time unit
const schema = streamSchema({
  channels: { x: { kind: 'real', shape: [2] }, z: { kind: 'complex' }, n: { kind: 'real', unit: 'V' } },
  rate: 4,
});
/** A block of `length` samples from t0, dt = 0.25, whose values encode (sample index from the stream's start, entry). */
const block = (t0: number, length: number, dt = 0.25): SampleBlock => {
  const first = Math.round(t0 / 0.25);
  return sampleBlock({
    t0,
    dt,
    columns: {
      x: { kind: 'real', shape: [2], data: Float64Array.from({ length: 2 * length }, (_, j) => 10 * (first + (j >> 1)) + (j & 1)) },
      z: { kind: 'complex', data: Float64Array.from({ length: 2 * length }, (_, j) => (j & 1 ? -1 : 1) * (first + (j >> 1))) },
      n: { kind: 'real', unit: 'V', data: Float64Array.from({ length }, (_, k) => first + k) },
    },
  });
};
const frame = (t: number): Frame => ({ t, channels: { x: realChannel(t) } });
const reader = (config: Partial<SampleStreamReaderConfig> = {}): SampleStreamReader =>
  new SampleStreamReader({ caller: 'testOf', channel: 'x', ...config });
/** Reads the records in order and returns what each was. */
const readAll = (r: SampleStreamReader, records: readonly StreamRecord[]): string[] => records.map((rec) => r.read(rec));

describe('SampleStreamReader', () => {
  it('tells frames, the schema and blocks apart, and gives each block\'s own column, not a copy', () => {
    const r = reader();
    const [a, b] = [block(0, 3), block(0.75, 5)];
    expect(readAll(r, [schema, a])).toEqual(['schema', 'block']);
    expect(r.schema).toBe(schema);
    expect(r.channel).toBe(schema.channels.x);
    expect([r.entries, r.complex]).toEqual([2, false]);
    expect(r.data).toBe(a.columns.x.data);
    expect(r.read(b)).toBe('block');
    expect(r.data).toBe(b.columns.x.data);
    // [sample][entry]: sample 3 of the stream (sample 0 of b), entry 1
    expect(r.data[1]).toBe(31);

    const f = reader();
    expect(readAll(f, [frame(0), frame(1)])).toEqual(['frame', 'frame']);
    expect(f.schema).toBeNull();
    expect(f.data.length).toBe(0);
  });

  it('reads a complex channel: one entry per sample, interleaved (re, im)', () => {
    const r = reader({ channel: 'z' });
    readAll(r, [schema, block(0, 2), block(0.5, 3)]);
    expect([r.entries, r.complex]).toEqual([1, true]);
    expect(Array.from(r.data)).toEqual([2, -2, 3, -3, 4, -4]);
  });

  it('refuses a stream that mixes frames and sample-stream records, either way round', () => {
    const message = 'testOf: the stream mixes frames and sample-stream records; send one or the other';
    expect(() => readAll(reader(), [schema, block(0, 2), frame(0.5)])).toThrow(message);
    expect(() => readAll(reader(), [frame(0), schema])).toThrow(message);
  });

  it('wants the schema first, and once', () => {
    expect(() => readAll(reader(), [block(0.5, 2)])).toThrow("testOf: a block (t0 = 0.5) arrived before the stream's schema");
    expect(() => readAll(reader(), [schema, block(0, 2), schema])).toThrow(
      'testOf: a second schema arrived; a stream states its schema once, before its first block',
    );
    expect(() => reader().channel).toThrow("testOf: channel 'x' is described by the stream schema, which has not arrived yet");
  });

  it('names a channel the schema lacks and lists the ones it has', () => {
    expect(() => reader({ channel: 'y' }).read(schema)).toThrow(
      "testOf: channel 'y' (option 'channel') is not in the stream schema; channels: 'x', 'z', 'n'",
    );
    expect(() => reader({ channel: 'y', option: 'phaseChannel' }).read(schema)).toThrow(
      "testOf: channel 'y' (option 'phaseChannel') is not in the stream schema",
    );
  });

  it('refuses a channel of the wrong kind or shape, or with no values per sample', () => {
    expect(() => reader({ channel: 'z', kind: 'real' }).read(schema)).toThrow(
      "testOf: channel 'z' must be real, but the stream schema says complex",
    );
    expect(() => reader({ kind: 'complex' }).read(schema)).toThrow("testOf: channel 'x' must be complex, but the stream schema says real");
    expect(() => reader({ kind: 'real', scalar: true }).read(schema)).toThrow(
      "testOf: channel 'x' must be a real scalar (shape []), but the stream schema gives shape [2]",
    );
    // the scalar real channel passes both requirements
    const n = reader({ channel: 'n', kind: 'real', scalar: true });
    expect(n.read(schema)).toBe('schema');
    expect(n.channel.unit).toBe('V');
    const empty: StreamSchema = { kind: 'schema', channels: { x: { kind: 'real', shape: [3, 0] } } };
    expect(() => reader().read(empty)).toThrow("testOf: channel 'x' has shape [3, 0] in the stream schema: no values per sample");
    const unknown = { kind: 'header' } as unknown as StreamRecord;
    expect(() => reader().read(unknown)).toThrow("testOf: unknown record kind 'header'; expected a frame, 'schema' or 'block'");
    expect(() => reader().read(null as unknown as StreamRecord)).toThrow('testOf: a stream holds frames or sample-stream records, got null');
  });

  it('checks every block against the schema and the one before: a gap, an overlap, a changed dt, a wrong column', () => {
    expect(() => readAll(reader(), [schema, block(0, 2), block(0.75, 2)])).toThrow(
      'testOf: blocks must follow each other without gaps: the previous block (t0 = 0, 2 samples, dt = 0.25) ends at 0.5, ' +
        'but the next starts at t0 = 0.75 (a gap of 1 Δt)',
    );
    expect(() => readAll(reader(), [schema, block(0, 2), block(0.25, 2)])).toThrow(/\(an overlap of 1 Δt\)$/);
    // a block whose dt is off the schema's rate
    expect(() => readAll(reader(), [schema, block(0, 2), block(0.5, 2, 0.5)])).toThrow(
      "testOf: block dt = 0.5 does not match the schema's nominal rate 4",
    );
    const b = block(0.5, 2);
    const wrong: SampleBlock = { ...b, columns: { ...b.columns, x: { kind: 'real', shape: [], data: new Float64Array(2) } } };
    expect(() => readAll(reader(), [schema, block(0, 2), wrong])).toThrow(
      "testOf: column 'x' is real [], but the schema says real [2] (block at t0 = 0.5)",
    );
    // rounding of t0 within the tolerance passes; the reader keeps reading after a good block
    const r = reader();
    expect(readAll(r, [schema, block(0, 2), block(0.5 + 1e-9, 2)])).toEqual(['schema', 'block', 'block']);
    expect(() => readAll(reader({ tolerance: 1e-12 }), [schema, block(0, 2), block(0.5 + 1e-9, 2)])).toThrow(/a gap of 4e-9 Δt/);
  });

  it('makes the error for a value that is not finite, naming the sample, the entry and the times', () => {
    const r = reader();
    readAll(r, [schema, block(0, 2), block(0.5, 3)]);
    expect(r.notFinite(2, 1, NaN).message).toBe(
      "testOf: channel 'x' must be finite, got NaN at entry 1 at sample 2 of the block at t0 = 0.5 (t = 1)",
    );
    const s = reader({ channel: 'n' });
    readAll(s, [schema, block(0, 2)]);
    expect(s.notFinite(1, 0, Infinity).message).toBe(
      "testOf: channel 'n' must be finite, got Infinity at sample 1 of the block at t0 = 0 (t = 0.25)",
    );
  });

  it('rejects bad options, naming them', () => {
    expect(() => new SampleStreamReader(null as unknown as SampleStreamReaderConfig)).toThrow(
      "SampleStreamReader: argument 'config' must be an object",
    );
    expect(() => reader({ caller: '' })).toThrow("SampleStreamReader: option 'caller' must be a non-empty string");
    expect(() => reader({ channel: '' })).toThrow("testOf: option 'channel' must be a non-empty channel name, got ");
    expect(() => reader({ kind: 'array' as never })).toThrow("SampleStreamReader: option 'kind' must be 'real' or 'complex', got array");
    expect(() => reader({ tolerance: -1 })).toThrow("SampleStreamReader: option 'tolerance' must be a number ≥ 0, got -1");
  });
});
