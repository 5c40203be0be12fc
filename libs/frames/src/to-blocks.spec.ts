import { from, lastValueFrom, take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { arrayChannel, complexChannel, realChannel } from './frame';
import type { Frame } from './frame';
import type { SampleBlock } from './sample-block';
import type { SampleRecord } from './stream-schema';
import { countingSource } from '@qsync/testing';
import { sampledFrames } from './test-support/sampled-frames';
import { testScheduler } from './test-support/test-scheduler';
import { toBlocks } from './to-blocks';
import type { ToBlocksConfig } from './to-blocks';
import { validateSampleStream } from './validate-sample-stream';

const run = (frames: Frame[], config: ToBlocksConfig): Promise<SampleRecord[]> =>
  lastValueFrom(from(frames).pipe(toBlocks(config), toArray()));
const blocks = (records: SampleRecord[]): SampleBlock[] => records.filter((r): r is SampleBlock => r.kind === 'block');
const fx = (t: number, x: number): Frame => ({ t, channels: { x: realChannel(x) } });

describe('toBlocks', () => {
  it('runs the doc example', async () => {
    const out = await run([0, 1, 2, 3, 4].map((k) => fx(0.5 * k, k)), { blockLength: 2 });
    expect(out).toEqual([
      { kind: 'schema', channels: { x: { kind: 'real', shape: [] } }, rate: 2 },
      { kind: 'block', t0: 0, dt: 0.5, length: 2, columns: { x: { kind: 'real', shape: [], data: Float64Array.of(0, 1) } } },
      { kind: 'block', t0: 1, dt: 0.5, length: 2, columns: { x: { kind: 'real', shape: [], data: Float64Array.of(2, 3) } } },
      { kind: 'block', t0: 2, dt: 0.5, length: 1, columns: { x: { kind: 'real', shape: [], data: Float64Array.of(4) } } },
    ]);
  });

  it('packs real, complex and array channels sample after sample, with the schema first', async () => {
    const dt = 0.25;
    const out = await run(sampledFrames(10, dt, 3), { blockLength: 4 });
    expect(out[0]).toEqual({
      kind: 'schema',
      channels: { x: { kind: 'real', shape: [], unit: 'V' }, z: { kind: 'complex', shape: [] }, q: { kind: 'real', shape: [2, 3] } },
      rate: 4,
    });
    const bs = blocks(out);
    expect(bs.map((b) => [b.t0, b.length, b.dt])).toEqual([
      [3, 4, dt],
      [4, 4, dt],
      [5, 2, dt],
    ]);
    // the values, from the formulas of sampledFrames, sample k = 4·block + j
    bs.forEach((b, i) => {
      for (let j = 0; j < b.length; j++) {
        const k = 4 * i + j;
        expect(b.columns.x.data[j]).toBe(Math.sin(0.3 * k));
        expect([b.columns.z.data[2 * j], b.columns.z.data[2 * j + 1]]).toEqual([Math.cos(0.2 * k), Math.sin(0.2 * k)]);
        for (let r = 0; r < 2; r++) for (let c = 0; c < 3; c++) expect(b.columns.q.data[6 * j + 3 * r + c]).toBe(k + 10 * r + 100 * c);
      }
      expect(b.columns.x.unit).toBe('V');
    });
    expect(bs[2].columns.q.data.length).toBe(12); // the short last block holds only its samples
    // what comes out is a valid sample stream
    await expect(lastValueFrom(from(out).pipe(validateSampleStream(), toArray()))).resolves.toHaveLength(4);
  });

  it('carries only the requested channels, and takes dt from the option', async () => {
    const out = await run(sampledFrames(3, 0.1), { blockLength: 8, channels: ['z'], dt: 0.1 });
    expect(out[0]).toEqual({ kind: 'schema', channels: { z: { kind: 'complex', shape: [] } }, rate: 10 });
    expect(Object.keys(blocks(out)[0].columns)).toEqual(['z']);
    expect(blocks(out)[0].dt).toBe(0.1);
  });

  it('accepts spacings that differ by rounding only, and refuses a skipped sample, naming the times', async () => {
    // t_k = k·0.1 computed by summation drifts from k·0.1 by rounding only
    let t = 0;
    const summed: Frame[] = [];
    for (let k = 0; k < 50; k++, t += 0.1) summed.push(fx(t, k));
    await expect(run(summed, { blockLength: 16 })).resolves.toHaveLength(5);
    await expect(run([fx(0, 0), fx(1, 1), fx(3, 2)], { blockLength: 4 })).rejects.toThrow(
      'toBlocks: frames must be equally spaced in t with Δt = 1 (the first two frames), got t = 3 after t = 1',
    );
    await expect(run([fx(0, 0), fx(0.5, 1)], { blockLength: 4, dt: 1 })).rejects.toThrow(/Δt = 1 \(option 'dt'\), got t = 0.5 after t = 0/);
    await expect(run([fx(1, 0), fx(1, 1)], { blockLength: 4 })).rejects.toThrow('toBlocks: frame times must increase, got t = 1 after t = 1');
    await expect(run([fx(NaN, 0)], { blockLength: 4 })).rejects.toThrow('toBlocks: frame time must be finite, got t = NaN');
  });

  it('refuses a channel that goes missing or changes kind, shape or unit, naming it', async () => {
    await expect(run([fx(0, 0), { t: 1, channels: {} }], { blockLength: 4 })).rejects.toThrow(
      "toBlocks: channel 'x' is missing in the frame at t = 1",
    );
    await expect(run([fx(0, 0), { t: 1, channels: { x: complexChannel(0, 0) } }], { blockLength: 4 })).rejects.toThrow(
      "toBlocks: channel 'x' changed from real to complex at t = 1",
    );
    await expect(run([fx(0, 0), { t: 1, channels: { x: realChannel(0, 'V') } }], { blockLength: 4 })).rejects.toThrow(
      "toBlocks: channel 'x' changed from real to real in V at t = 1",
    );
    const arr = (n: number): Frame => ({ t: n, channels: { a: arrayChannel(new Float64Array(n + 1), [n + 1]) } });
    await expect(run([arr(0), arr(1)], { blockLength: 4 })).rejects.toThrow(
      "toBlocks: channel 'a' changed from real array [1] to real array [2] at t = 1",
    );
    await expect(run([fx(0, 0)], { blockLength: 4, channels: ['y'] })).rejects.toThrow(
      "toBlocks: channel 'y' (option 'channels') is missing in the frame at t = 0",
    );
    await expect(run([{ t: 0, channels: {} }], { blockLength: 4 })).rejects.toThrow('toBlocks: the first frame (t = 0) has no channels to carry');
  });

  it('needs dt for a single frame, and for blocks of one sample', async () => {
    await expect(run([fx(2, 0)], { blockLength: 4 })).rejects.toThrow(
      "toBlocks: the stream ended after a single frame (t = 2): Δt cannot be read off it; pass option 'dt'",
    );
    expect(blocks(await run([fx(2, 7)], { blockLength: 4, dt: 0.5 }))).toEqual([
      { kind: 'block', t0: 2, dt: 0.5, length: 1, columns: { x: { kind: 'real', shape: [], data: Float64Array.of(7) } } },
    ]);
    expect(() => toBlocks({ blockLength: 1 })).toThrow(
      "toBlocks: option 'dt' is required when 'blockLength' is 1 (Δt cannot be read off one frame per block)",
    );
    expect(blocks(await run([fx(0, 1), fx(1, 2)], { blockLength: 1, dt: 1 })).map((b) => b.columns.x.data[0])).toEqual([1, 2]);
  });

  it('rejects bad options, naming them', () => {
    expect(() => toBlocks({ blockLength: 0 })).toThrow("toBlocks: option 'blockLength' must be an integer ≥ 1, got 0");
    expect(() => toBlocks({ blockLength: 2.5 })).toThrow(/got 2.5/);
    expect(() => toBlocks({ blockLength: 2, dt: -1 })).toThrow("toBlocks: option 'dt' must be a finite spacing > 0, got -1");
    expect(() => toBlocks({ blockLength: 2, tolerance: NaN })).toThrow("toBlocks: option 'tolerance' must be a number ≥ 0, got NaN");
    expect(() => toBlocks({ blockLength: 2, channels: [] })).toThrow("toBlocks: option 'channels' must list at least one channel name, got []");
    expect(() => toBlocks(undefined as never)).toThrow(/argument 'config' must be an object/);
  });

  it('keeps state per subscription: blocks are new arrays each time', async () => {
    const src = from(sampledFrames(4, 1)).pipe(toBlocks({ blockLength: 2 }));
    const a = blocks(await lastValueFrom(src.pipe(toArray())));
    const b = blocks(await lastValueFrom(src.pipe(toArray())));
    expect(b).toEqual(a);
    expect(b[0].columns.x.data).not.toBe(a[0].columns.x.data);
    expect(a[1].columns.x.data).not.toBe(a[0].columns.x.data);
  });

  it('marbles: empty source gives no records, a never-completing one stays open, errors pass', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const empty = cold<Frame>('|');
      expectObservable(empty.pipe(toBlocks({ blockLength: 2 }))).toBe('|');
      expectSubscriptions(empty.subscriptions).toBe('(^!)');

      const never = cold<Frame>('-a-b--', { a: fx(0, 1), b: fx(1, 2) });
      const schema: SampleRecord = { kind: 'schema', channels: { x: { kind: 'real', shape: [] } }, rate: 1 };
      const block: SampleRecord = { kind: 'block', t0: 0, dt: 1, length: 2, columns: { x: { kind: 'real', shape: [], data: Float64Array.of(1, 2) } } };
      expectObservable(never.pipe(toBlocks({ blockLength: 2 })), '^-----!').toBe('---(sb)', { s: schema, b: block });
      expectSubscriptions(never.subscriptions).toBe('^-----!');

      const failing = cold<Frame>('-a#', { a: fx(0, 1) }, new Error('boom'));
      expectObservable(failing.pipe(toBlocks({ blockLength: 2 }))).toBe('--#', undefined, new Error('boom'));
      expectSubscriptions(failing.subscriptions).toBe('^-!');
    });
  });

  it('unsubscribing mid-stream stops a synchronous source', () => {
    const { source, produced } = countingSource(sampledFrames(100, 1));
    const out: SampleRecord[] = [];
    source.pipe(toBlocks({ blockLength: 4 }), take(2)).subscribe((r) => out.push(r));
    expect(out.map((r) => r.kind)).toEqual(['schema', 'block']);
    expect(produced()).toBe(4);
  });
});
