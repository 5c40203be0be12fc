import { from, take, toArray, lastValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { sampleBlock } from './sample-block';
import type { SampleBlock } from './sample-block';
import { streamSchema } from './stream-schema';
import type { SampleRecord } from './stream-schema';
import { countingSource } from '@qsync/testing';
import { testScheduler } from './test-support/test-scheduler';
import { validateSampleStream } from './validate-sample-stream';

const schema = streamSchema({ channels: { x: { kind: 'real' } }, rate: 1 });
const block = (t0: number, n: number): SampleBlock =>
  sampleBlock({ t0, dt: 1, columns: { x: { kind: 'real', data: new Float64Array(n).fill(t0) } } });

const run = (records: SampleRecord[]): Promise<SampleRecord[]> =>
  lastValueFrom(from(records).pipe(validateSampleStream(), toArray()));

describe('validateSampleStream', () => {
  it('runs the doc example: a gap of one sample ends the stream with an error', async () => {
    const seen: SampleRecord[] = [];
    let message = '';
    from([schema, block(0, 4), block(5, 4)])
      .pipe(validateSampleStream())
      .subscribe({ next: (r) => seen.push(r), error: (e: Error) => (message = e.message) });
    expect(seen).toHaveLength(2);
    expect(message).toMatch(/ends at 4, but the next starts at t0 = 5 \(a gap of 1 Δt\)$/);
  });

  it('passes a valid stream through unchanged (same objects)', async () => {
    const records = [schema, block(0, 4), block(4, 2), block(6, 1)];
    const out = await run(records);
    expect(out).toHaveLength(4);
    out.forEach((r, i) => expect(r).toBe(records[i]));
  });

  it('errors on a block before the schema, a second schema and an unknown record kind', async () => {
    await expect(run([block(0, 2)])).rejects.toThrow('validateSampleStream: a block (t0 = 0) arrived before the stream\'s schema');
    await expect(run([schema, block(0, 2), schema])).rejects.toThrow(
      'validateSampleStream: a second schema arrived; a stream states its schema once, before its first block',
    );
    await expect(run([schema, { kind: 'frame' } as never])).rejects.toThrow(
      "validateSampleStream: unknown record kind 'frame'; expected 'schema' or 'block'",
    );
  });

  it('errors on a block that does not match the schema, naming the column', async () => {
    const complexBlock = sampleBlock({ t0: 0, dt: 1, columns: { x: { kind: 'complex', data: new Float64Array(2) } } });
    await expect(run([schema, complexBlock])).rejects.toThrow(
      "validateSampleStream: column 'x' is complex [], but the schema says real [] (block at t0 = 0)",
    );
  });

  it('keeps its state per subscription', async () => {
    const src = from([schema, block(0, 2), block(2, 2)]).pipe(validateSampleStream());
    expect(await lastValueFrom(src.pipe(toArray()))).toHaveLength(3);
    expect(await lastValueFrom(src.pipe(toArray()))).toHaveLength(3); // no "second schema" from the first run
  });

  it('rejects a bad tolerance', () => {
    expect(() => validateSampleStream({ tolerance: -1 })).toThrow("validateSampleStream: option 'tolerance' must be a number ≥ 0, got -1");
  });

  it('marbles: empty source, never-completing source, erroring source', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const empty = cold<SampleRecord>('|');
      expectObservable(empty.pipe(validateSampleStream())).toBe('|');
      expectSubscriptions(empty.subscriptions).toBe('(^!)');

      const never = cold<SampleRecord>('-s-a--', { s: schema, a: block(0, 1) });
      expectObservable(never.pipe(validateSampleStream()), '^-----!').toBe('-s-a--', { s: schema, a: block(0, 1) });
      expectSubscriptions(never.subscriptions).toBe('^-----!');

      const failing = cold<SampleRecord>('-s#', { s: schema }, new Error('boom'));
      expectObservable(failing.pipe(validateSampleStream())).toBe('-s#', { s: schema }, new Error('boom'));
    });
  });

  it('unsubscribing mid-stream stops a synchronous source', () => {
    const records: SampleRecord[] = [schema];
    for (let k = 0; k < 100; k++) records.push(block(k, 1));
    const { source, produced } = countingSource(records);
    const out: SampleRecord[] = [];
    source.pipe(validateSampleStream(), take(3)).subscribe((r) => out.push(r));
    expect(out).toHaveLength(3);
    expect(produced()).toBe(3);
  });
});
