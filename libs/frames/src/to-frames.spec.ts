import { from, lastValueFrom, take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { arrayChannel, complexChannel, realChannel } from './frame';
import type { Frame } from './frame';
import { sampleBlock } from './sample-block';
import type { BlockColumn, SampleBlock } from './sample-block';
import { streamSchema } from './stream-schema';
import type { SampleRecord } from './stream-schema';
import { countingSource } from '@qsync/testing';
import { sampledFrames } from './test-support/sampled-frames';
import { testScheduler } from './test-support/test-scheduler';
import { toBlocks } from './to-blocks';
import { toFrames } from './to-frames';

const schemaX = streamSchema({ channels: { x: { kind: 'real' } } });
const blockX = (t0: number, values: number[], dt = 0.5): SampleBlock =>
  sampleBlock({ t0, dt, columns: { x: { kind: 'real', data: Float64Array.from(values) } } });

describe('toFrames', () => {
  it('runs the doc example', async () => {
    const frames = await lastValueFrom(from([schemaX, blockX(1, [4, 5])]).pipe(toFrames(), toArray()));
    expect(frames).toEqual([
      { t: 1, channels: { x: realChannel(4) } },
      { t: 1.5, channels: { x: realChannel(5) } },
    ]);
  });

  it('makes scalar channels of shape-[] columns and array channels (copies) of the others, with units', async () => {
    const schema = streamSchema({
      channels: { z: { kind: 'complex', unit: '√κ' }, rho: { kind: 'complex', shape: [2, 2] }, r: { kind: 'real', shape: [3] } },
    });
    const rho = Float64Array.from({ length: 16 }, (_, i) => i);
    const block = sampleBlock({
      t0: 0,
      dt: 2,
      columns: {
        z: { kind: 'complex', data: Float64Array.of(1, -1, 2, -2), unit: '√κ' },
        rho: { kind: 'complex', data: rho, shape: [2, 2] },
        r: { kind: 'real', data: Float64Array.of(1, 2, 3, 4, 5, 6), shape: [3] },
      },
    });
    const frames = await lastValueFrom(from([schema, block]).pipe(toFrames(), toArray()));
    expect(frames).toEqual([
      {
        t: 0,
        channels: {
          z: complexChannel(1, -1, '√κ'),
          rho: arrayChannel(rho.slice(0, 8), [2, 2], { complex: true }),
          r: arrayChannel(Float64Array.of(1, 2, 3), [3]),
        },
      },
      {
        t: 2,
        channels: {
          z: complexChannel(2, -2, '√κ'),
          rho: arrayChannel(rho.slice(8), [2, 2], { complex: true }),
          r: arrayChannel(Float64Array.of(4, 5, 6), [3]),
        },
      },
    ]);
    const c = frames[0].channels.rho;
    expect(c.kind === 'array' && c.data.buffer).not.toBe(rho.buffer); // frames own copies
  });

  it('undoes toBlocks: frames → blocks → frames gives the frames back (times on an exact grid)', async () => {
    const frames = sampledFrames(23, 0.25, 1);
    for (const blockLength of [1, 5, 23, 64]) {
      const back = await lastValueFrom(from(frames).pipe(toBlocks({ blockLength, dt: 0.25 }), toFrames(), toArray()));
      expect(back).toEqual(frames);
    }
  });

  it('errors on a stream that breaks the rules (gap, block before schema), naming the problem', async () => {
    await expect(lastValueFrom(from([schemaX, blockX(0, [1, 2]), blockX(2, [3])]).pipe(toFrames(), toArray()))).rejects.toThrow(
      /ends at 1, but the next starts at t0 = 2 \(a gap of 2 Δt\)/,
    );
    await expect(lastValueFrom(from([blockX(0, [1])]).pipe(toFrames(), toArray()))).rejects.toThrow(/arrived before the stream's schema/);
  });

  it('marbles: empty, never-completing and erroring sources', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const empty = cold<SampleRecord>('|');
      expectObservable(empty.pipe(toFrames())).toBe('|');
      expectSubscriptions(empty.subscriptions).toBe('(^!)');

      const never = cold<SampleRecord>('-s-b--', { s: schemaX, b: blockX(0, [7, 8]) });
      expectObservable(never.pipe(toFrames()), '^-----!').toBe('---(ab)', {
        a: { t: 0, channels: { x: realChannel(7) } },
        b: { t: 0.5, channels: { x: realChannel(8) } },
      });
      expectSubscriptions(never.subscriptions).toBe('^-----!');

      const failing = cold<SampleRecord>('-s#', { s: schemaX }, new Error('boom'));
      expectObservable(failing.pipe(toFrames())).toBe('--#', undefined, new Error('boom'));
      expectSubscriptions(failing.subscriptions).toBe('^-!');
    });
  });

  it('unsubscribing in the middle of a block stops the loop over its samples and the source', () => {
    let reads = 0;
    const column: BlockColumn = { kind: 'real', data: new Float64Array(1000), shape: [] };
    // a column getter that counts how often the block is read
    const columns = {
      get x(): BlockColumn {
        reads++;
        return column;
      },
    };
    const big = { kind: 'block', t0: 0, dt: 1, length: 1000, columns } as SampleBlock;
    const { source, produced } = countingSource<SampleRecord>([schemaX, big, blockX(1000, [0], 1)]);
    const out: Frame[] = [];
    source.pipe(toFrames(), take(3)).subscribe((f) => out.push(f));
    expect(out.map((f) => f.t)).toEqual([0, 1, 2]);
    expect(produced()).toBe(2); // the third record was never produced
    expect(reads).toBeLessThan(10); // validation reads it a few times, the loop 3 times — not 1000
  });
});
