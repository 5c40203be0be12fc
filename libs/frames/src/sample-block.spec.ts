import { describe, expect, it } from 'vitest';
import { sampleBlock } from './sample-block';

describe('sampleBlock', () => {
  it('runs the doc example: length read off the column, shape [] by default', () => {
    const block = sampleBlock({ t0: 0, dt: 0.5, columns: { x: { kind: 'real', data: Float64Array.of(1, 2, 3) } } });
    expect([block.length, block.columns.x.shape]).toEqual([3, []]);
    expect(block.kind).toBe('block');
  });

  it('reads the length of a complex column of shape [R] as data.length / 2R, and keeps units', () => {
    const data = new Float64Array(2 * 3 * 5); // 5 samples of 3 complex realizations
    const block = sampleBlock({ t0: 1, dt: 0.1, columns: { J: { kind: 'complex', data, shape: [3], unit: '√κ' } } });
    expect(block.length).toBe(5);
    expect(block.columns.J).toEqual({ kind: 'complex', data, shape: [3], unit: '√κ' });
    expect(block.columns.J.data).toBe(data); // not copied
    expect(Object.isFrozen(block.columns.J.shape)).toBe(true);
  });

  it('names a column whose length does not fit the others', () => {
    expect(() =>
      sampleBlock({
        t0: 0,
        dt: 1,
        columns: { x: { kind: 'real', data: new Float64Array(4) }, z: { kind: 'complex', data: new Float64Array(6) } },
      }),
    ).toThrow("sampleBlock: column 'z' must hold length·∏shape·2 = 4·1·2 = 8 numbers (complex), got 6 (block at t0 = 0)");
  });

  it('checks an explicit length against every column', () => {
    expect(() => sampleBlock({ t0: 0, dt: 1, length: 2, columns: { x: { kind: 'real', data: new Float64Array(3) } } })).toThrow(
      /column 'x' must hold length·∏shape = 2·1 = 2 numbers \(real\), got 3/,
    );
  });

  it('rejects an unknown kind, a bad t0, dt or shape, and a block without columns, naming each', () => {
    const data = new Float64Array(2);
    expect(() => sampleBlock({ t0: 0, dt: 1, columns: { x: { kind: 'imaginary' as never, data } } })).toThrow(
      "sampleBlock: column 'x' has unknown kind 'imaginary'; expected 'real' or 'complex' (block at t0 = 0)",
    );
    expect(() => sampleBlock({ t0: NaN, dt: 1, columns: { x: { kind: 'real', data } } })).toThrow(
      "sampleBlock: block field 't0' must be a finite time, got NaN",
    );
    expect(() => sampleBlock({ t0: 0, dt: 0, columns: { x: { kind: 'real', data } } })).toThrow(
      "sampleBlock: block field 'dt' must be a finite spacing > 0, got 0 (block at t0 = 0)",
    );
    expect(() => sampleBlock({ t0: 0, dt: 1, columns: { x: { kind: 'real', data, shape: [1.5] } } })).toThrow(
      /column 'x' must have a shape of non-negative integers, got shape\[0\] = 1.5/,
    );
    expect(() => sampleBlock({ t0: 0, dt: 1, length: 2, columns: {} })).toThrow(
      'sampleBlock: a block must have at least one column, got none (block at t0 = 0)',
    );
    expect(() => sampleBlock({ t0: 0, dt: 1, columns: { x: { kind: 'real', data: new Float64Array(0) } } })).toThrow(
      "sampleBlock: block field 'length' must be an integer ≥ 1, got 0 (block at t0 = 0)",
    );
    expect(() => sampleBlock({ t0: 0, dt: 1, columns: { x: { kind: 'real', data: [1, 2] as never } } })).toThrow(
      "sampleBlock: column 'x' must hold its values in a Float64Array (block at t0 = 0)",
    );
    expect(() => sampleBlock(null as never)).toThrow(/argument 'init' must be an object/);
  });
});
