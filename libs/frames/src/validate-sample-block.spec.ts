import { describe, expect, it } from 'vitest';
import { sampleBlock } from './sample-block';
import type { SampleBlock } from './sample-block';
import { streamSchema } from './stream-schema';
import { validateSampleBlock } from './validate-sample-block';

const schema = streamSchema({ channels: { x: { kind: 'real', unit: 'V' }, z: { kind: 'complex', shape: [2] } }, rate: 10 });
const block = (t0: number, length: number, dt = 0.1): SampleBlock =>
  sampleBlock({
    t0,
    dt,
    columns: {
      x: { kind: 'real', data: new Float64Array(length), unit: 'V' },
      z: { kind: 'complex', data: new Float64Array(4 * length), shape: [2] },
    },
  });

describe('validateSampleBlock', () => {
  it('runs the doc example', () => {
    const bad = { kind: 'block', t0: 0, dt: 1, length: 3, columns: { x: { kind: 'real', data: new Float64Array(2), shape: [] } } } as const;
    let message = '';
    try {
      validateSampleBlock(bad);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe(
      "validateSampleBlock: column 'x' must hold length·∏shape = 3·1 = 3 numbers (real), got 2 (block at t0 = 0)",
    );
  });

  it('accepts a block that matches the schema and continues the previous one', () => {
    expect(() => validateSampleBlock(block(0.5, 3), { schema, previous: block(0, 5) })).not.toThrow();
    // t0 off by 1e-9·Δt (a rounding-level difference) is within the default tolerance 1e-6
    expect(() => validateSampleBlock(block(0.5 + 1e-10, 3), { previous: block(0, 5) })).not.toThrow();
  });

  it('names a gap and an overlap in samples', () => {
    expect(() => validateSampleBlock(block(0.6, 3), { previous: block(0, 5) })).toThrow(
      'validateSampleBlock: blocks must follow each other without gaps: the previous block (t0 = 0, ' +
        '5 samples, dt = 0.1) ends at 0.5, but the next starts at t0 = 0.6 (a gap of 1 Δt)',
    );
    expect(() => validateSampleBlock(block(0.3, 3), { previous: block(0, 5) })).toThrow(/an overlap of 2 Δt/);
    // 1e-5·Δt off is more than the default tolerance, less than a looser one
    expect(() => validateSampleBlock(block(0.5 + 1e-6, 3), { previous: block(0, 5) })).toThrow(/a gap of/);
    expect(() => validateSampleBlock(block(0.5 + 1e-6, 3), { previous: block(0, 5), tolerance: 1e-4 })).not.toThrow();
  });

  it('names a change of dt and a dt off the nominal rate', () => {
    expect(() => validateSampleBlock(block(0.5, 3, 0.2), { previous: block(0, 5) })).toThrow(
      'validateSampleBlock: block dt changed from 0.1 to 0.2 at t0 = 0.5',
    );
    expect(() => validateSampleBlock(block(0, 3, 0.2), { schema })).toThrow(
      "validateSampleBlock: block dt = 0.2 does not match the schema's nominal rate 10 (Δt = 0.1) (block at t0 = 0)",
    );
  });

  it('names a column missing from the block, one not in the schema, and a kind, shape or unit that differs', () => {
    const onlyX = sampleBlock({ t0: 0, dt: 0.1, columns: { x: { kind: 'real', data: new Float64Array(2), unit: 'V' } } });
    expect(() => validateSampleBlock(onlyX, { schema })).toThrow(
      "validateSampleBlock: channel 'z' of the stream schema is missing in the block at t0 = 0",
    );
    const extra = sampleBlock({ t0: 0, dt: 0.1, columns: { ...block(0, 2).columns, y: { kind: 'real', data: new Float64Array(2) } } });
    expect(() => validateSampleBlock(extra, { schema })).toThrow(
      "validateSampleBlock: column 'y' is not a channel of the stream schema (channels 'x', 'z') (block at t0 = 0)",
    );
    const wrongShape = sampleBlock({
      t0: 0,
      dt: 0.1,
      columns: { x: block(0, 2).columns.x, z: { kind: 'complex', data: new Float64Array(12), shape: [3] } },
    });
    expect(() => validateSampleBlock(wrongShape, { schema })).toThrow(
      "validateSampleBlock: column 'z' is complex [3], but the schema says complex [2] (block at t0 = 0)",
    );
    const wrongUnit = sampleBlock({
      t0: 0,
      dt: 0.1,
      columns: { x: { kind: 'real', data: new Float64Array(2), unit: 'mV' }, z: block(0, 2).columns.z },
    });
    expect(() => validateSampleBlock(wrongUnit, { schema })).toThrow(/column 'x' is real \[\] in mV, but the schema says real \[\] in V/);
  });

  it('refuses something that is not a block, and uses the caller name', () => {
    expect(() => validateSampleBlock(schema as never, { caller: 'welchOf' })).toThrow(
      "welchOf: expected a sample block ({ kind: 'block', t0, dt, length, columns }), got a record of kind 'schema'",
    );
    expect(() => validateSampleBlock(null as never)).toThrow(/got null/);
  });
});
