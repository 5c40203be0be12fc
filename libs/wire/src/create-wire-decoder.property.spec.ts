/**
 * Property tests of the wire reader (fast-check): valid records round-trip exactly, and every
 * kind of bad input — random bytes, truncation at every cut point, single-bit flips, wrong
 * versions, oversized length prefixes, valid frames around mutated payloads — ends in a
 * WireFormatError with a message, never in another exception, a hang or a crash. The runs of all
 * properties are counted; the suite asserts they reach 10⁵.
 */
import { Unpackr } from 'msgpackr';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { BlockColumn, Channel, SampleBlock, StreamSchema } from '@qsync/frames';
import { WireFormatError } from './wire-format-error';
import { createWireDecoder } from './create-wire-decoder';
import { encodeWireRecord } from './encode-wire-record';
import type { WireDecoder } from './create-wire-decoder';
import type { WireRecord, WireSubscribe } from './wire-record';
import { framePayload } from './test-support/frame-payload';

type AnyRecord = WireRecord | WireSubscribe;

let cases = 0;
const SEED = 20261206; // fixed: a failure reproduces; change it to explore further
const runs = (numRuns: number) => {
  cases += numRuns;
  return { numRuns, seed: SEED };
};

// ---------- arbitraries of valid records ----------

const name = fc.string({ minLength: 1, maxLength: 6 }).filter((s) => s !== '__proto__');
const count = fc.nat({ max: 2 ** 40 });
const unit = fc.option(fc.string({ maxLength: 4 }), { nil: undefined });
const shape = fc.array(fc.nat({ max: 3 }), { maxLength: 2 });
/** any 8·n bytes as float64: every bit pattern, NaN payloads and signed zeros included */
const float64s = (n: number) => fc.uint8Array({ minLength: 8 * n, maxLength: 8 * n }).map((b) => new Float64Array(b.buffer));
const size = (s: readonly number[], complex: boolean) => s.reduce((a, d) => a * d, complex ? 2 : 1);

const blockRecord = fc
  .record({
    seq: count,
    t0: fc.double({ noNaN: true, noDefaultInfinity: true }),
    dt: fc.double({ min: Number.MIN_VALUE, noNaN: true, noDefaultInfinity: true }),
    length: fc.integer({ min: 1, max: 5 }),
    columns: fc.uniqueArray(fc.record({ name, kind: fc.constantFrom('real' as const, 'complex' as const), shape, unit }), {
      minLength: 1,
      maxLength: 3,
      selector: (c) => c.name,
    }),
  })
  .chain(({ seq, t0, dt, length, columns }) =>
    fc.tuple(...columns.map((c) => float64s(length * size(c.shape, c.kind === 'complex')))).map((data): AnyRecord => {
      const cols: Record<string, BlockColumn> = {};
      columns.forEach((c, i) => {
        cols[c.name] = c.unit === undefined ? { kind: c.kind, shape: c.shape, data: data[i] } : { kind: c.kind, shape: c.shape, data: data[i], unit: c.unit };
      });
      const block: SampleBlock = { kind: 'block', t0, dt, length, columns: cols };
      return { kind: 'block', seq, block };
    }),
  );

const scalar = fc.double(); // any double: NaN, ±∞, −0 (which arrives as 0: see the README)
const channel: fc.Arbitrary<Channel> = fc.oneof(
  fc.record({ kind: fc.constant('real' as const), value: scalar }),
  fc.record({ kind: fc.constant('complex' as const), re: scalar, im: scalar }),
  fc
    .record({ shape, complex: fc.boolean() })
    .chain(({ shape: s, complex }) => float64s(size(s, complex)).map((data): Channel => ({ kind: 'array', shape: s, complex, data }))),
);
const frameRecord = fc
  .record({ seq: count, t: scalar, channels: fc.dictionary(name, channel, { minKeys: 0, maxKeys: 3 }) })
  .map(({ seq, t, channels }): AnyRecord => ({ kind: 'frame', seq, frame: { t, channels } }));

const schema = fc
  .record({
    channels: fc.dictionary(name, fc.record({ kind: fc.constantFrom('real' as const, 'complex' as const), shape, unit }), { minKeys: 1, maxKeys: 3 }),
    rate: fc.option(fc.double({ min: Number.MIN_VALUE, noNaN: true, noDefaultInfinity: true }), { nil: undefined }),
  })
  .map(({ channels, rate }): StreamSchema => {
    const ch: StreamSchema['channels'] = Object.fromEntries(
      Object.entries(channels).map(([k, c]) => [k, c.unit === undefined ? { kind: c.kind, shape: c.shape } : c]),
    );
    return rate === undefined ? { kind: 'schema', channels: ch } : { kind: 'schema', channels: ch, rate };
  });
const headerRecord = fc
  .record({
    name: fc.string({ maxLength: 10 }),
    schema,
    sourceId: fc.string({ maxLength: 8 }),
    sessionId: fc.string({ maxLength: 8 }),
    createdAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    qsyncVersion: fc.string({ maxLength: 8 }),
    seed: fc.option(fc.maxSafeInteger(), { nil: undefined }),
    parameters: fc.option(fc.dictionary(name, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }), { nil: undefined }),
  })
  .map(({ name: n, schema: s, seed, parameters, ...ids }): AnyRecord => ({
    kind: 'header',
    version: 1,
    name: n,
    schema: s,
    provenance: { ...ids, ...(seed !== undefined ? { seed } : {}), ...(parameters !== undefined ? { parameters } : {}) },
  }));

const range = fc.tuple(count, fc.nat({ max: 1000 })).map(([first, extra]) => [first, first + extra] as const);
const noticeRecord: fc.Arbitrary<AnyRecord> = fc.oneof(
  fc.record({ seq: count, records: count, samples: count, range }).map(({ range: [firstSeq, lastSeq], ...r }) => ({ kind: 'dropped' as const, ...r, firstSeq, lastSeq })),
  fc.record({ seq: count, samples: count, range }).map(({ range: [firstSeq, lastSeq], ...r }) => ({ kind: 'gap' as const, ...r, firstSeq, lastSeq })),
  fc.record({ seq: count }).map((r) => ({ kind: 'end' as const, ...r })),
  fc.record({ lastSeq: fc.option(count, { nil: null }), consumer: unit }).map((r) => (r.consumer === undefined ? { kind: 'subscribe' as const, lastSeq: r.lastSeq } : { kind: 'subscribe' as const, ...r })),
);

const anyRecord = fc.oneof(blockRecord, frameRecord, headerRecord, noticeRecord);
const validStream = fc.array(anyRecord, { minLength: 1, maxLength: 4 });
const encode = (records: AnyRecord[]): Uint8Array => new Uint8Array(Buffer.concat(records.map(encodeWireRecord)));

// ---------- exact equality, the README's terms ----------

const sameBytes = (a: Float64Array, b: Float64Array): boolean =>
  a.length === b.length && Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;
/** scalars: the same number (NaN is NaN), except that −0 may arrive as 0 */
const sameScalar = (a: number, b: number): boolean => Object.is(a, b) || (a === 0 && b === 0);

function sameRecord(a: AnyRecord, b: AnyRecord): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'block' && b.kind === 'block') {
    const [x, y] = [a.block, b.block];
    const names = Object.keys(x.columns);
    return (
      a.seq === b.seq &&
      sameScalar(x.t0, y.t0) &&
      sameScalar(x.dt, y.dt) &&
      x.length === y.length &&
      names.join('\0') === Object.keys(y.columns).join('\0') &&
      names.every((n) => {
        const [c, d] = [x.columns[n], y.columns[n]];
        return c.kind === d.kind && c.unit === d.unit && c.shape.join() === d.shape.join() && c.shape.length === d.shape.length && sameBytes(c.data, d.data);
      })
    );
  }
  if (a.kind === 'frame' && b.kind === 'frame') {
    const names = Object.keys(a.frame.channels);
    return (
      a.seq === b.seq &&
      sameScalar(a.frame.t, b.frame.t) &&
      names.join('\0') === Object.keys(b.frame.channels).join('\0') &&
      names.every((n) => {
        const [c, d] = [a.frame.channels[n], b.frame.channels[n]];
        if (c.kind === 'real' && d.kind === 'real') return sameScalar(c.value, d.value);
        if (c.kind === 'complex' && d.kind === 'complex') return sameScalar(c.re, d.re) && sameScalar(c.im, d.im);
        if (c.kind === 'array' && d.kind === 'array') return c.complex === d.complex && c.shape.join() === d.shape.join() && c.shape.length === d.shape.length && sameBytes(c.data, d.data);
        return false;
      })
    );
  }
  // headers (JSON parameters: −0 → 0 is JSON's own rule too) and notices: plain data, keys in any order
  return canonical(a) === canonical(b);
}

const canonical = (x: unknown): string =>
  JSON.stringify(x, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([p], [q]) => (p < q ? -1 : p > q ? 1 : 0))) : v,
  );

// ---------- the reader's contract ----------

/** Pushes `bytes` cut at `cuts` and ends; returns the records, or the WireFormatError. Any other exception fails the test. */
function read(bytes: Uint8Array, cuts: number[] = [], decoder: WireDecoder = createWireDecoder()): AnyRecord[] | WireFormatError {
  const out: AnyRecord[] = [];
  try {
    let at = 0;
    for (const c of [...cuts.filter((c) => c > 0 && c < bytes.byteLength).sort((x, y) => x - y), bytes.byteLength]) {
      out.push(...decoder.push(bytes.subarray(at, c)));
      at = c;
    }
    decoder.end();
    return out;
  } catch (e) {
    // plain checks, not expect(): this runs ~10⁵ times
    if (!(e instanceof WireFormatError)) throw new Error(`the reader threw something else than a WireFormatError: ${String(e)}`, { cause: e });
    if (!e.message.startsWith('wire: ') || e.message.length < 30) throw new Error(`unclear message: ${e.message}`);
    return e;
  }
}

describe('wire reader properties (fast-check)', () => {
  afterAll(() => {
    expect(cases, 'runs of the property suite').toBeGreaterThanOrEqual(100_000);
  });

  it('valid records round-trip exactly, however the bytes are cut (float64 data bit for bit)', () => {
    fc.assert(
      fc.property(validStream, fc.array(fc.nat(), { maxLength: 4 }), (records, cuts) => {
        const bytes = encode(records);
        const back = read(bytes, cuts.map((c) => c % (bytes.byteLength + 1)));
        expect(back).not.toBeInstanceOf(WireFormatError);
        const list = back as AnyRecord[];
        expect(list).toHaveLength(records.length);
        records.forEach((r, i) => expect(sameRecord(r, list[i]), `record ${i} (${r.kind})`).toBe(true));
      }),
      runs(2_500),
    );
  });

  it('random bytes (with and without a valid record head) give records or a WireFormatError, nothing else', () => {
    const head = fc.constantFrom(Uint8Array.of(), Uint8Array.of(0x51, 0x53, 0x57, 1));
    fc.assert(
      fc.property(head, fc.uint8Array({ maxLength: 64 }), fc.array(fc.nat({ max: 80 }), { maxLength: 3 }), (h, body, cuts) => {
        read(new Uint8Array([...h, ...body]), cuts);
      }),
      runs(72_500),
    );
  });

  it('a valid stream truncated at every cut point: the records before the cut, then "ends inside the record" unless the cut is a boundary', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(blockRecord, frameRecord, noticeRecord), { minLength: 1, maxLength: 3 }), (records) => {
        const parts = records.map(encodeWireRecord);
        const bytes = encode(records);
        const boundaries = new Set<number>([0]);
        let at = 0;
        for (const p of parts) boundaries.add((at += p.byteLength));
        for (let cut = 0; cut < bytes.byteLength; cut++) {
          const got = read(bytes.subarray(0, cut));
          const refused = got instanceof WireFormatError;
          if (refused === boundaries.has(cut) || (refused && !got.message.includes('the stream ends inside the record at byte'))) {
            throw new Error(`cut at ${cut} of ${bytes.byteLength}: ${refused ? got.message : 'accepted'}`);
          }
        }
      }),
      runs(200),
    );
  });

  it('a single flipped bit anywhere in a valid stream is always refused with a WireFormatError', () => {
    fc.assert(
      fc.property(validStream, fc.nat(), fc.nat({ max: 7 }), (records, where, bit) => {
        const bytes = encode(records);
        bytes[where % bytes.byteLength] ^= 1 << bit;
        if (!(read(bytes) instanceof WireFormatError)) throw new Error(`flipped bit ${bit} of byte ${where % bytes.byteLength} was not detected`);
      }),
      runs(10_000),
    );
  });

  it('any version byte but 1 is refused, naming the version', () => {
    fc.assert(
      fc.property(anyRecord, fc.integer({ min: 0, max: 255 }).filter((v) => v !== 1), (record, version) => {
        const bytes = encodeWireRecord(record);
        bytes[3] = version;
        const e = read(bytes);
        expect(e).toBeInstanceOf(WireFormatError);
        expect((e as WireFormatError).message).toContain(`wire format version ${version}; this reader reads version 1 only`);
      }),
      runs(5_000),
    );
  });

  it('a length prefix beyond maxRecordBytes is refused as soon as the head arrives, with nothing buffered', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 20 }), fc.integer({ min: 1, max: 2 ** 32 - 1 }), (max, length) => {
        fc.pre(length > max);
        const head = Buffer.alloc(12);
        head.write('QSW', 0, 'latin1');
        head[3] = 1;
        head.writeUInt32LE(length, 4);
        const decoder = createWireDecoder({ maxRecordBytes: max });
        let error: unknown = null;
        try {
          decoder.push(new Uint8Array(head));
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(WireFormatError);
        expect((error as Error).message).toContain(`declares a payload of ${length} bytes, more than maxRecordBytes = ${max}`);
        expect(decoder.pending).toBe(0);
      }),
      runs(5_000),
    );
  });

  it('a correctly framed payload with one field of a valid record replaced by any value: a valid record or a WireFormatError', () => {
    const unpackr = new Unpackr({ useRecords: false, mapsAsObjects: true });
    const paths = (value: unknown, prefix: string[] = []): string[][] =>
      value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)
        ? [prefix, ...Object.keys(value).flatMap((k) => paths((value as Record<string, unknown>)[k], [...prefix, k]))]
        : [prefix];
    fc.assert(
      fc.property(anyRecord, fc.nat(), fc.anything({ maxDepth: 2, withTypedArray: true, withBigInt: true, withDate: true, withMap: true, withSet: true }), (record, pick, replacement) => {
        const map = unpackr.unpack(encodeWireRecord(record).subarray(12)) as Record<string, unknown>;
        const all = paths(map).filter((p) => p.length > 0);
        const path = all[pick % all.length];
        let target = map;
        for (const k of path.slice(0, -1)) target = target[k] as Record<string, unknown>;
        target[path[path.length - 1]] = replacement;
        let bytes: Uint8Array;
        try {
          bytes = framePayload(map);
        } catch {
          return; // msgpackr cannot pack this replacement: not an input a reader can get
        }
        read(bytes);
      }),
      runs(5_000),
    );
  });
});
