import { crc32 } from 'node:zlib';
import { Unpackr } from 'msgpackr';
import { describe, expect, it } from 'vitest';
import { sameBits } from '@qsync/testing';
import type { SampleBlock } from '@qsync/frames';
import { WireFormatError } from './wire-format-error';
import { createWireDecoder } from './create-wire-decoder';
import { encodeWireRecord } from './encode-wire-record';
import type { WireRecord, WireSubscribe } from './wire-record';
import { frameBytes, framePayload } from './test-support/frame-payload';
import { PING_BYTES } from './wire-framing';
import { sampleBlockRecord, sampleFrameRecord, sampleHeader } from './test-support/sample-records';

const concat = (parts: Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts));
const decodeAll = (bytes: Uint8Array) => {
  const d = createWireDecoder();
  const out = d.push(bytes);
  d.end();
  return out;
};
const errorOf = (f: () => unknown): WireFormatError => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(WireFormatError);
    return e as WireFormatError;
  }
  throw new Error('expected a WireFormatError, nothing was thrown');
};

const stream: (WireRecord | WireSubscribe)[] = [
  { kind: 'subscribe', lastSeq: null, consumer: 'detector' },
  sampleHeader(),
  sampleBlockRecord(0, 0, 4),
  sampleFrameRecord(1),
  { kind: 'dropped', seq: 5, records: 3, samples: 12, firstSeq: 2, lastSeq: 4 },
  sampleBlockRecord(5, 0.12, 1),
  { kind: 'gap', seq: 10, firstSeq: 6, lastSeq: 9, samples: 4 },
  { kind: 'end', seq: 10 },
];

describe('encodeWireRecord / createWireDecoder', () => {
  it('round-trips every record kind; block and array data bit for bit (−0, ±∞, a NaN payload)', () => {
    const back = decodeAll(concat(stream.map(encodeWireRecord)));
    expect(back).toHaveLength(stream.length);
    for (let i = 0; i < stream.length; i++) {
      const a = stream[i];
      const b = back[i];
      if (a.kind === 'block' && b.kind === 'block') {
        expect({ ...b.block, columns: null }).toEqual({ ...a.block, columns: null });
        for (const name of Object.keys(a.block.columns)) {
          const ca = a.block.columns[name];
          const cb = b.block.columns[name];
          expect([cb.kind, cb.shape, cb.unit]).toEqual([ca.kind, ca.shape, ca.unit]);
          expect(sameBits(cb.data, ca.data), `column ${name} bit for bit`).toBe(true);
        }
        expect(Object.keys(b.block.columns)).toEqual(Object.keys(a.block.columns));
      } else if (a.kind === 'frame' && b.kind === 'frame') {
        expect(b).toEqual(a); // toEqual compares Float64Array contents; bits checked below
        const ra = a.frame.channels.rho;
        const rb = b.frame.channels.rho;
        if (ra.kind !== 'array' || rb.kind !== 'array') throw new Error('rho must be an array channel');
        expect(sameBits(rb.data, ra.data)).toBe(true);
      } else {
        expect(b).toEqual(a);
      }
    }
    // the NaN payload of sampleBlockRecord survives
    const J = (back[2] as { block: SampleBlock }).block.columns.J.data;
    const view = new DataView(J.buffer, J.byteOffset);
    expect([view.getUint32(8, true), view.getUint32(12, true)]).toEqual([0x1234, 0x7ffabcde]);
    expect(Object.is(J[0], -0)).toBe(true);
  });

  it('writes the documented bytes: QSW, version 1, uint32 LE length, CRC-32 of the payload, a plain msgpack map with LE float64 bin', () => {
    const bytes = encodeWireRecord(sampleBlockRecord(7, 1.5, 2));
    const buf = Buffer.from(bytes);
    expect(buf.subarray(0, 3).toString('latin1')).toBe('QSW');
    expect(buf[3]).toBe(1);
    const length = buf.readUInt32LE(4);
    expect(length).toBe(bytes.byteLength - 12);
    const payload = buf.subarray(12);
    expect(buf.readUInt32LE(8)).toBe(crc32(payload));
    const map = new Unpackr({ useRecords: false, mapsAsObjects: true }).unpack(payload) as Record<string, unknown>;
    expect(Object.keys(map).sort()).toEqual(['columns', 'dt', 'kind', 'length', 'seq', 't0']);
    expect([map.kind, map.seq, map.t0, map.dt, map.length]).toEqual(['block', 7, 1.5, 0.01, 2]);
    const n = (map.columns as Record<string, { kind: string; shape: number[]; data: Buffer }>).n;
    expect([n.kind, n.shape, n.data.byteLength]).toEqual(['real', [2], 2 * 2 * 8]);
    // little-endian binary64, read with Buffer's own reader
    expect([n.data.readDoubleLE(0), n.data.readDoubleLE(8), n.data.readDoubleLE(16)]).toEqual([Infinity, -Infinity, 1 / 3]);
  });

  it('decodes the same records whatever the cut into chunks (every cut point, and one byte at a time)', () => {
    const records = [sampleHeader(), sampleBlockRecord(0, 0, 2), { kind: 'end', seq: 1 } as const];
    const bytes = concat(records.map(encodeWireRecord));
    const whole = decodeAll(bytes);
    for (let cut = 0; cut <= bytes.byteLength; cut++) {
      const d = createWireDecoder();
      const out = [...d.push(bytes.subarray(0, cut)), ...d.push(bytes.subarray(cut))];
      d.end();
      expect(out).toEqual(whole);
    }
    const d = createWireDecoder();
    const out: unknown[] = [];
    for (let i = 0; i < bytes.byteLength; i++) {
      out.push(...d.push(bytes.subarray(i, i + 1)));
      expect(d.pending).toBeLessThan(bytes.byteLength);
    }
    d.end();
    expect(out).toEqual(whole);
  });

  it('refuses a wrong magic, naming the bytes and the offset', () => {
    const good = encodeWireRecord({ kind: 'end', seq: 0 });
    const bad = concat([good, Buffer.from('{"json":1}........')]);
    const e = errorOf(() => decodeAll(bad));
    expect(e.message).toContain(`not a qsync wire record at byte ${good.byteLength}`);
    expect(e.message).toContain(`got 7b 22 6a`);
    expect(e.offset).toBe(good.byteLength);
  });

  it('refuses an unknown version (framing byte 3) and a header whose version field disagrees', () => {
    const e = errorOf(() => decodeAll(framePayload({ kind: 'end', seq: 0 }, { version: 2 })));
    expect(e.message).toContain('wire format version 2; this reader reads version 1 only');
    const h = { ...sampleHeader(), version: 3 };
    const e2 = errorOf(() => decodeAll(framePayload(h)));
    expect(e2.message).toContain(`header field 'version' is number 3`);
  });

  it('refuses a length prefix beyond maxRecordBytes as soon as the 12 head bytes arrive, before buffering the payload', () => {
    const head = Buffer.alloc(12);
    head.write('QSW', 0, 'latin1');
    head[3] = 1;
    head.writeUInt32LE(0xfffffff0, 4);
    const d = createWireDecoder();
    const e = errorOf(() => d.push(new Uint8Array(head)));
    expect(e.message).toContain('declares a payload of 4294967280 bytes, more than maxRecordBytes = 67108864');
    const small = createWireDecoder({ maxRecordBytes: 16 });
    expect(() => small.push(encodeWireRecord(sampleHeader()))).toThrow(/more than maxRecordBytes = 16/);
  });

  it('detects a flipped bit in the payload by its CRC-32', () => {
    const bytes = encodeWireRecord(sampleBlockRecord(0, 0, 2));
    bytes[40] ^= 0x08;
    const e = errorOf(() => decodeAll(bytes));
    expect(e.message).toMatch(/checksum mismatch in the record at byte 0 .* the record is corrupted/);
  });

  it('refuses truncated input at end(), saying how much of which record arrived', () => {
    const bytes = concat([encodeWireRecord({ kind: 'end', seq: 0 }), encodeWireRecord(sampleHeader())]);
    const first = encodeWireRecord({ kind: 'end', seq: 0 }).byteLength;
    const d = createWireDecoder();
    expect(d.push(bytes.subarray(0, bytes.byteLength - 1))).toEqual([{ kind: 'end', seq: 0 }]);
    const e = errorOf(() => d.end());
    expect(e.message).toContain(`the stream ends inside the record at byte ${first}: ${bytes.byteLength - first - 1} of its ${bytes.byteLength - first} bytes arrived (truncated input)`);
    const d2 = createWireDecoder();
    d2.push(bytes.subarray(0, 5));
    expect(() => d2.end()).toThrow('5 of its 12 head bytes arrived');
  });

  it("skips a link's keepalive ping wherever it falls among records (it is no record of the stream)", () => {
    const end = encodeWireRecord({ kind: 'end', seq: 2 });
    const ping = framePayload({ kind: 'ping' });
    const all = Buffer.concat([ping, encodeWireRecord({ kind: 'subscribe', lastSeq: 1 }), ping, ping, end]);
    expect(createWireDecoder().push(all)).toEqual([{ kind: 'subscribe', lastSeq: 1 }, { kind: 'end', seq: 2 }]);
    expect(Buffer.from(PING_BYTES).equals(Buffer.from(ping))).toBe(true); // the bytes the links send
  });

  it('reads integers in any msgpack width, as another writer may choose (uint 64 and int 64 for small values too); a count of 2⁵³ or more is refused', () => {
    // written by hand: fixmap, fixstr keys, and every integer as 0xcf (uint 64) or 0xd3 (int 64)
    const str = (s: string): number[] => [0xa0 | s.length, ...Buffer.from(s, 'latin1')];
    const u64 = (n: bigint): number[] => [0xcf, ...Buffer.from(BigInt.asUintN(64, n).toString(16).padStart(16, '0'), 'hex')];
    const i64 = (n: bigint): number[] => [0xd3, ...Buffer.from(BigInt.asUintN(64, n).toString(16).padStart(16, '0'), 'hex')];
    const map = (entries: [string, number[]][]): Uint8Array => Uint8Array.from([0x80 | entries.length, ...entries.flatMap(([k, v]) => [...str(k), ...v])]);
    const gap = map([['kind', str('gap')], ['seq', u64(7n)], ['firstSeq', u64(3n)], ['lastSeq', i64(6n)], ['samples', u64(2n ** 40n)]]);
    const sub = map([['kind', str('subscribe')], ['lastSeq', u64(2n ** 53n - 1n)]]);
    const f64 = (x: number): number[] => [0xcb, ...Buffer.from(new Float64Array([x]).buffer).reverse()];
    const data = [0xc4, 8, ...Buffer.from(new Float64Array([2.5]).buffer)];
    const column = [0x83, ...str('kind'), ...str('real'), ...str('shape'), 0x90, ...str('data'), ...data];
    const block = map([['kind', str('block')], ['seq', u64(0n)], ['t0', i64(-2n)], ['dt', f64(0.5)], ['length', u64(1n)], ['columns', [0x81, ...str('x'), ...column]]]);
    const [g, s, b] = decodeAll(concat([frameBytes(gap), frameBytes(sub), frameBytes(block)]));
    expect(g).toEqual({ kind: 'gap', seq: 7, firstSeq: 3, lastSeq: 6, samples: 2 ** 40 });
    expect(s).toEqual({ kind: 'subscribe', lastSeq: 2 ** 53 - 1 });
    expect(b.kind === 'block' && [b.seq, b.block.t0, b.block.dt, b.block.length, b.block.columns.x.data[0]]).toEqual([0, -2, 0.5, 1, 2.5]);
    for (const n of [2n ** 53n, 2n ** 53n + 1n, 2n ** 64n - 1n]) {
      expect(errorOf(() => decodeAll(frameBytes(map([['kind', str('end')], ['seq', u64(n)]])))).message).toContain(`field 'seq' must be an integer ≥ 0`);
    }
    expect(errorOf(() => decodeAll(frameBytes(map([['kind', str('end')], ['seq', i64(-1n)]])))).message).toContain(`field 'seq' must be an integer ≥ 0, got number -1`);
  });

  it('ignores keys it does not know in a record and in its maps of fixed keys (a later writer of version 1 may add them)', () => {
    const unpack = (r: WireRecord): unknown => new Unpackr({ useRecords: false, mapsAsObjects: true }).unpack(encodeWireRecord(r).subarray(12));
    // the map at this path of keys in a payload, to add a key to
    const at = (payload: unknown, ...path: string[]): Record<string, unknown> =>
      path.reduce((map, key) => (map as Record<string, unknown>)[key], payload) as Record<string, unknown>;
    const header = unpack(sampleHeader());
    at(header).extra = 1;
    at(header, 'schema').extra = 2;
    at(header, 'schema', 'channels', 'J').extra = 3;
    at(header, 'provenance').extra = 4;
    const block = unpack(sampleBlockRecord(0, 0, 2));
    at(block).extra = 5;
    at(block, 'columns', 'J').extra = 6;
    const frame = unpack(sampleFrameRecord(1));
    for (const name of Object.keys(at(frame, 'channels'))) at(frame, 'channels', name).extra = 7;
    const [h, b, f] = decodeAll(concat([framePayload(header), framePayload(block), framePayload(frame)]));
    expect(h).toEqual({ ...sampleHeader(), provenance: { ...sampleHeader().provenance, extra: 4 } });
    expect(b).toEqual(sampleBlockRecord(0, 0, 2));
    expect(f).toEqual(sampleFrameRecord(1));
  });

  it('refuses payloads that are not one msgpack map of a known kind with valid fields', () => {
    const cases: [Uint8Array, string][] = [
      [frameBytes(Uint8Array.of(0xc1)), 'the record must be a map, got a msgpack extension value'],
      [frameBytes(Uint8Array.of(0xd6, 0xff, 0, 0, 0, 1)), 'the record must be a map, got a timestamp'],
      [frameBytes(Uint8Array.of(0x01, 0x02)), 'is not one valid msgpack value'],
      [framePayload([1, 2]), 'the record must be a map, got a list of 2'],
      [framePayload({ kind: 'spectrum', seq: 0 }), `unknown record kind 'spectrum'`],
      [framePayload({ kind: 'end', seq: -1 }), `field 'seq' must be an integer ≥ 0, got number -1`],
      [framePayload({ kind: 'gap', seq: 3, firstSeq: 5, lastSeq: 4, samples: 0 }), `'firstSeq' (5) must not exceed 'lastSeq' (4)`],
      [
        framePayload({ kind: 'block', seq: 0, t0: 0, dt: -1, length: 1, columns: { x: { kind: 'real', shape: [], data: Buffer.alloc(8) } } }),
        `block seq 0: block field 'dt' must be a finite spacing > 0, got -1`,
      ],
      [
        framePayload({ kind: 'block', seq: 0, t0: 0, dt: 1, length: 2, columns: { x: { kind: 'real', shape: [], data: Buffer.alloc(8) } } }),
        `column 'x' must hold length·∏shape = 2·1 = 2 numbers (real), got 1`,
      ],
      [
        framePayload({ kind: 'block', seq: 0, t0: 0, dt: 1, length: 1, columns: { x: { kind: 'real', shape: [], data: Buffer.alloc(7) } } }),
        `must hold whole float64 numbers (a multiple of 8 bytes), got 7 bytes`,
      ],
      [
        framePayload({ kind: 'block', seq: 0, t0: 0, dt: 1, length: 1, columns: { x: { kind: 'real', shape: [], data: [0] } } }),
        `column 'x' field 'data' must be binary (raw little-endian float64), got a list of 1`,
      ],
      [
        framePayload({ kind: 'frame', seq: 0, t: 0, channels: { r: { kind: 'array', complex: false, shape: [3], data: Buffer.alloc(16) } } }),
        `frame seq 0 channel 'r': arrayChannel: argument 'data' must have length 3`,
      ],
      [framePayload({ ...sampleHeader(), provenance: { sourceId: 's' } }), `header field 'provenance.sessionId' must be a string, got nothing`],
      [
        framePayload({ ...sampleHeader(), schema: { channels: { J: { kind: 'quaternion', shape: [] } } } }),
        `unknown kind 'quaternion'`,
      ],
      [framePayload({ kind: 'subscribe', lastSeq: 'latest' }), `field 'lastSeq' must be an integer ≥ 0, got 'latest'`],
    ];
    for (const [bytes, message] of cases) {
      const e = errorOf(() => decodeAll(bytes));
      expect(e.message).toContain(message);
      expect(e.message).toContain('at byte 0');
      expect(e.offset).toBe(0);
    }
  });

  it('keeps the valid records before a bad one of the same push in the error\'s decoded', () => {
    const good = [encodeWireRecord({ kind: 'end', seq: 0 }), encodeWireRecord({ kind: 'end', seq: 1 })];
    const bad = encodeWireRecord({ kind: 'end', seq: 2 });
    bad[3] = 9;
    const e = errorOf(() => createWireDecoder().push(concat([...good, bad])));
    expect(e.decoded).toEqual([{ kind: 'end', seq: 0 }, { kind: 'end', seq: 1 }]);
    expect(e.offset).toBe(good[0].byteLength * 2);
  });

  it('stays failed after an error: every later push and end throws the same WireFormatError', () => {
    const d = createWireDecoder();
    const e = errorOf(() => d.push(Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)));
    expect(() => d.push(encodeWireRecord({ kind: 'end', seq: 0 }))).toThrow(e);
    expect(() => d.end()).toThrow(e);
  });

  it('checks what it encodes, naming the field', () => {
    expect(() => encodeWireRecord({ kind: 'end', seq: 1.5 })).toThrow(`encodeWireRecord: field 'seq' must be an integer ≥ 0, got number 1.5`);
    expect(() => encodeWireRecord({ kind: 'nope' } as never)).toThrow(`encodeWireRecord: unknown record kind 'nope'`);
    expect(() => encodeWireRecord({ ...sampleHeader(), version: 2 })).toThrow(`header field 'version' must be 1`);
    const bad = { kind: 'block', seq: 0, block: { kind: 'block', t0: 0, dt: 0, length: 1, columns: {} } } as never;
    expect(() => encodeWireRecord(bad)).toThrow(`encodeWireRecord: block seq 0: block field 'dt' must be a finite spacing > 0`);
    const proto = JSON.parse('{"__proto__": {"kind": "real", "value": 1}}') as Record<string, never>;
    expect(() => encodeWireRecord({ kind: 'frame', seq: 0, frame: { t: 0, channels: proto } })).toThrow(
      `frame seq 0 channel '__proto__' cannot travel (msgpack readers rename or drop that key)`,
    );
    expect(() => createWireDecoder({ maxRecordBytes: 0 })).toThrow(`option 'maxRecordBytes' must be an integer in 1 … 4294967295, got 0`);
  });
});
