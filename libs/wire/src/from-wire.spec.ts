import { describe, expect, it } from 'vitest';
import { from, lastValueFrom, map, mergeMap, toArray } from 'rxjs';
import { realChannel, sampleBlock, streamSchema } from '@qsync/frames';
import type { Frame, SampleRecord } from '@qsync/frames';
import { operatorContract, sameBits } from '@qsync/testing';
import { fromWire } from './from-wire';
import type { FromWireConfig } from './from-wire';
import { toWire } from './to-wire';
import { WireFormatError } from './wire-format-error';
import { createWireDecoder } from './create-wire-decoder';
import { encodeWireRecord } from './encode-wire-record';
import { wireHeader } from './wire-header';
import type { WireHeader, WireRecord, WireSubscribe } from './wire-record';

const schema = streamSchema({ channels: { J: { kind: 'complex', unit: '√κ' } }, rate: 4 });
const header: WireHeader = wireHeader({ name: 'J', sourceId: 'test', sessionId: 's1', createdAt: '2026-01-01T00:00:00Z', schema });
const block = (t0: number, length = 2) => {
  const data = new Float64Array(2 * length);
  for (let k = 0; k < data.length; k++) data[k] = Math.cos(t0 + k) / 3;
  return sampleBlock({ t0, dt: 0.25, columns: { J: { kind: 'complex', data, unit: '√κ' } } });
};
const data = (seq: number, t0 = 0.5 * seq): WireRecord => ({ kind: 'block', seq, block: block(t0) });
const run = (records: (WireRecord | WireSubscribe)[], config?: FromWireConfig) =>
  lastValueFrom(from(records).pipe(fromWire(config), toArray()));

describe('fromWire', () => {
  it('gives back the sample stream toWire was given, through the bytes, block data bit for bit', async () => {
    const source: SampleRecord[] = [schema, block(0), block(0.5), block(1, 5)];
    const back = await lastValueFrom(
      from(source).pipe(
        toWire(header),
        map(encodeWireRecord),
        mergeMap((bytes) => createWireDecoder().push(bytes)),
        fromWire(),
        toArray(),
      ),
    );
    expect(back).toEqual(source);
    for (let i = 1; i < source.length; i++) {
      const a = source[i];
      const b = back[i] as SampleRecord;
      if (a.kind !== 'block' || b.kind !== 'block') throw new Error('expected blocks');
      expect(sameBits(b.columns.J.data, a.columns.J.data)).toBe(true);
    }
  });

  it('frames round-trip too, after the schema', async () => {
    const frames: Frame[] = [0, 1, 2].map((t) => ({ t, channels: { x: realChannel(t * 0.1, 'V') } }));
    const back = await lastValueFrom(from(frames).pipe(toWire(wireHeader({ name: 'f', sourceId: 's' })), fromWire(), toArray()));
    expect(back).toEqual([streamSchema({ channels: { x: { kind: 'real', unit: 'V' } } }), ...frames]);
  });

  it('completes at end, even when the source goes on; hands each header to onHeader', async () => {
    const headers: WireHeader[] = [];
    const out = await run([header, data(0), { kind: 'end', seq: 1 }, data(1)], { onHeader: (h) => headers.push(h) });
    expect(out).toHaveLength(2);
    expect(headers).toEqual([header]);
  });

  it('hands dropped and gap notices to onNotice and goes on after them; without onNotice the loss errors the stream', async () => {
    const notices: string[] = [];
    const wire: WireRecord[] = [
      header,
      data(0),
      { kind: 'dropped', seq: 3, records: 2, samples: 4, firstSeq: 1, lastSeq: 2 },
      data(3),
      { kind: 'gap', seq: 10, firstSeq: 4, lastSeq: 9, samples: 12 },
      data(10),
      { kind: 'end', seq: 11 },
    ];
    const out = await run(wire, { onNotice: (n) => notices.push(`${n.kind} ${n.firstSeq}…${n.lastSeq} ${n.samples}`) });
    expect(out.map((r) => ('kind' in r ? r.kind : 'frame'))).toEqual(['schema', 'block', 'block', 'block']);
    expect(notices).toEqual(['dropped 1…2 4', 'gap 4…9 12']);
    await expect(run(wire)).rejects.toThrow(`fromWire: the sender dropped 2 records (seq 1…2, 4 samples) because this consumer's buffer overflowed`);
    await expect(run([header, { kind: 'gap', seq: 4, firstSeq: 0, lastSeq: 3, samples: 8 }])).rejects.toThrow(
      `fromWire: 4 records (seq 0…3, 8 samples) were no longer in the sender's history on resume`,
    );
  });

  it('accepts a repeated header with the same schema: same session, seq goes on; new session, seq starts afresh', async () => {
    const restarted: WireHeader = { ...header, provenance: { ...header.provenance, sessionId: 's2' } };
    const out = await run([header, data(0), data(1), header, data(2), restarted, data(0, 1), { kind: 'end', seq: 1 }]);
    expect(out).toHaveLength(5);
    await expect(run([header, data(0), header, data(0)])).rejects.toThrow('has seq 0, but seq 0 came before it');
  });

  it('refuses what breaks the stream rules with a WireFormatError naming it', async () => {
    const cases: [(WireRecord | WireSubscribe)[], string][] = [
      [[data(0)], 'fromWire: a block (seq 0) arrived before the header'],
      [[header, data(0), data(2)], 'has seq 2, but 1 was next and no dropped or gap notice accounts for seq 1…1'],
      [[header, data(0), { kind: 'end', seq: 3 }], 'the end record has seq 3, but 1 was next'],
      [[header, data(0)], 'fromWire: the stream stopped without an end record after seq 0: the producer was cut off'],
      [[header, { kind: 'block', seq: 0, block: sampleBlock({ t0: 0, dt: 0.5, columns: { J: { kind: 'complex', data: new Float64Array(2), unit: '√κ' } } }) }], `block seq 0: block dt = 0.5 does not match the schema's nominal rate 4`],
      [[header, { ...header, schema: streamSchema({ channels: { J: { kind: 'real' } } }) }], `a new header changes the stream's schema`],
      [[header, { kind: 'frame', seq: 0, frame: { t: 0, channels: { K: realChannel(1) } } }], `channel 'K' is not in the stream's schema`],
      [[header, { kind: 'dropped', seq: 2, records: 5, samples: 1, firstSeq: 0, lastSeq: 1 }], 'the dropped notice counts 5 records, but seq 0…1 are 2'],
      [[header, { kind: 'gap', seq: 0, firstSeq: 0, lastSeq: 1, samples: 2 }], `the gap notice has seq 0, but its records end at 1: its seq must be 2 (the next data record's)`],
      [[{ kind: 'subscribe', lastSeq: null }], 'a subscribe record arrived'],
    ];
    for (const [records, message] of cases) {
      const e = await run(records, { onNotice: () => undefined }).then(
        () => null,
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(WireFormatError);
      expect((e as Error).message).toContain(message);
    }
    expect(() => fromWire({ onNotice: 3 as never })).toThrow(`fromWire: option 'onNotice' must be a function, got number`);
    expect(() => fromWire({ firstSeq: -1 })).toThrow(`fromWire: option 'firstSeq' must be an integer ≥ 0, got -1`);
  });

  it('firstSeq: a stream read from its start must begin at it; without it a consumer may join at any seq', async () => {
    const late = [header, data(5), { kind: 'end', seq: 6 } as const];
    expect(await run(late)).toHaveLength(2);
    const e = await run(late, { firstSeq: 0 }).then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(WireFormatError);
    expect((e as Error).message).toContain('has seq 5, but 0 was next and no dropped or gap notice accounts for seq 0…4');
    expect(await run(late, { firstSeq: 5 })).toHaveLength(2);
  });
});

operatorContract('fromWire', {
  operator: () => fromWire(),
  sample: header as WireRecord,
  sampleAt: (i) => (i === 0 ? header : data(i - 1)),
});
