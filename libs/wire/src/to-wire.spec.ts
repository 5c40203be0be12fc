import { describe, expect, it } from 'vitest';
import { Subject, from, lastValueFrom, toArray } from 'rxjs';
import { arrayChannel, complexChannel, realChannel, sampleBlock, streamSchema } from '@qsync/frames';
import type { Frame, SampleRecord } from '@qsync/frames';
import { operatorContract } from '@qsync/testing';
import { toWire } from './to-wire';
import { wireHeader } from './wire-header';
import type { WireRecord } from './wire-record';

const header = wireHeader({ name: 'x', sourceId: 'test', sessionId: 's', createdAt: '2026-01-01T00:00:00Z' });
const schema = streamSchema({ channels: { x: { kind: 'real' }, J: { kind: 'complex' } }, rate: 4 });
const block = (t0: number, length = 2) =>
  sampleBlock({ t0, dt: 0.25, columns: { x: { kind: 'real', data: new Float64Array(length).fill(t0) }, J: { kind: 'complex', data: new Float64Array(2 * length) } } });
const frame = (t: number): Frame => ({ t, channels: { x: realChannel(t), a: complexChannel(1, t), rho: arrayChannel(new Float64Array(2), [2]) } });
const run = (records: (SampleRecord | Frame)[], h = header): Promise<WireRecord[]> => lastValueFrom(from(records).pipe(toWire(h), toArray()));
const label = (r: WireRecord): string => `${r.kind}${'seq' in r ? ` ${r.seq}` : ''}`;

describe('toWire', () => {
  it('a sample stream: header carrying the stream schema, blocks numbered from 0 (passed on, not copied), end with the count', async () => {
    const blocks = [block(0), block(0.5), block(1, 3)];
    const out = await run([schema, ...blocks]);
    expect(out.map(label)).toEqual(['header', 'block 0', 'block 1', 'block 2', 'end 3']);
    expect(out[0]).toEqual({ ...header, schema });
    expect(out.slice(1, 4).map((r) => r.kind === 'block' && r.block)).toEqual(blocks);
    expect(out[1].kind === 'block' && out[1].block).toBe(blocks[0]);
  });

  it('a frame stream: the schema read off the first frame (scalars [], arrays their shape), or the header\'s when given', async () => {
    const out = await run([frame(0), frame(0.1)]);
    expect(out.map(label)).toEqual(['header', 'frame 0', 'frame 1', 'end 2']);
    expect(out[0].kind === 'header' && out[0].schema).toEqual(
      streamSchema({ channels: { x: { kind: 'real' }, a: { kind: 'complex' }, rho: { kind: 'real', shape: [2] } } }),
    );
    const given = streamSchema({ channels: { x: { kind: 'real' }, a: { kind: 'complex' }, rho: { kind: 'real', shape: [2] } }, rate: 10 });
    const out2 = await run([frame(0)], { ...header, schema: given });
    expect(out2[0].kind === 'header' && out2[0].schema).toBe(given);
  });

  it('emits nothing for an empty source, and no end when the source errors (the reader sees a cut)', async () => {
    expect(await run([])).toEqual([]);
    const seen: string[] = [];
    const src = new Subject<SampleRecord>();
    src.pipe(toWire(header)).subscribe({ next: (r) => seen.push(label(r)), error: (e: Error) => seen.push(`error ${e.message}`) });
    src.next(schema);
    src.next(block(0));
    src.error(new Error('simulation blew up'));
    expect(seen).toEqual(['header', 'block 0', 'error simulation blew up']);
  });

  it('errors, naming the problem: a block off the schema or not following the previous one, a second schema, a block before any schema, a frame that does not fit', async () => {
    const wrong = sampleBlock({ t0: 0, dt: 0.25, columns: { x: { kind: 'real', data: new Float64Array(2) } } });
    await expect(run([schema, wrong])).rejects.toThrow(`toWire: block seq 0: channel 'J' of the stream schema is missing in the block at t0 = 0`);
    await expect(run([schema, block(0), block(1)])).rejects.toThrow(`ends at 0.5, but the next starts at t0 = 1 (a gap of 2 Δt)`);
    await expect(run([schema, block(0), schema])).rejects.toThrow(`toWire: a second schema record arrived`);
    await expect(run([block(0)])).rejects.toThrow(`toWire: a block (t0 = 0) arrived before the stream's schema`);
    await expect(run([frame(0), { t: 1, channels: { x: realChannel(1) } }])).rejects.toThrow(
      `toWire: the frame at t = 1 (seq 1) does not fit the stream's schema: channel 'a' of the schema is missing`,
    );
    await expect(run([schema, block(0)], { ...header, schema: streamSchema({ channels: { x: { kind: 'real' } }, rate: 4 }) })).rejects.toThrow(
      `the stream's schema differs from the header's: channels x vs J, x`,
    );
    expect(() => toWire(null as never)).toThrow(`toWire: argument 'header' must be a header record`);
  });
});

operatorContract('toWire', { operator: () => toWire(header), sample: frame(0), sampleAt: (i) => frame(i) });
operatorContract('toWire (sample stream)', {
  operator: () => toWire({ ...header, schema }),
  sample: block(0) as SampleRecord,
  sampleAt: (i) => block(0.5 * i),
});
