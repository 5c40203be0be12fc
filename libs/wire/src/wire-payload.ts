/**
 * The msgpack payload of each record kind: what encodeWireRecord packs and what the decoder
 * checks field by field before it hands a record on. Internal to the codec; the README's
 * "Wire format" section is the public description of these maps.
 */
import { arrayChannel, streamSchema, validateSampleBlock } from '@qsync/frames';
import type { BlockColumn, Channel, Frame, SampleBlock, StreamSchema } from '@qsync/frames';
import { bytesToFloat64, float64ToBytes } from './float64-bytes';
import { WIRE_VERSION } from './wire-record';
import type { WireProvenance, WireRecord, WireSubscribe } from './wire-record';

type Payload = Record<string, unknown>;

/**
 * The msgpack map of a record (column data as little-endian bytes), checking what a caller could
 * get wrong: an unknown kind, a bad seq, a block that fails validateSampleBlock, a frame channel
 * of the wrong type. Throws a plain Error naming the field; the codec prefixes its own name.
 */
export function toWirePayload(record: WireRecord | WireSubscribe): Payload {
  if (record === null || typeof record !== 'object') throw new Error(`expected a wire record, got ${describe(record)}`);
  switch (record.kind) {
    case 'header': {
      if (record.version !== WIRE_VERSION) {
        throw new Error(`header field 'version' must be ${WIRE_VERSION} (this codec writes wire format ${WIRE_VERSION}), got ${String(record.version)}`);
      }
      if (typeof record.name !== 'string') throw new Error(`header field 'name' must be a string, got ${describe(record.name)}`);
      const schema = record.schema;
      readSchema(schema, 'schema');
      readProvenance(record.provenance);
      const out: Payload = { kind: 'header', version: record.version, name: record.name, schema: plainSchema(schema) };
      out.provenance = dropUndefined({ ...record.provenance });
      if (record.keepAliveInterval !== undefined) out.keepAliveInterval = readKeepAliveInterval(record.keepAliveInterval);
      return out;
    }
    case 'block': {
      checkCount(record.seq, 'seq');
      const b = record.block;
      validateSampleBlock(b, { caller: `block seq ${record.seq}` });
      const columns: Payload = {};
      for (const name of Object.keys(b.columns)) {
        checkName(name, `block seq ${record.seq} column`);
        const c = b.columns[name];
        const col: Payload = { kind: c.kind, shape: [...c.shape], data: float64ToBytes(c.data) };
        if (c.unit !== undefined) col.unit = c.unit;
        columns[name] = col;
      }
      return { kind: 'block', seq: record.seq, t0: b.t0, dt: b.dt, length: b.length, columns };
    }
    case 'frame': {
      checkCount(record.seq, 'seq');
      const f = record.frame;
      if (f === null || typeof f !== 'object' || typeof f.t !== 'number') {
        throw new Error(`frame seq ${record.seq}: field 'frame' must be a frame { t, channels } with a numeric t`);
      }
      if (f.channels === null || typeof f.channels !== 'object') {
        throw new Error(`frame seq ${record.seq}: field 'channels' must be an object of named channels`);
      }
      const channels: Payload = {};
      for (const name of Object.keys(f.channels)) {
        checkName(name, `frame seq ${record.seq} channel`);
        channels[name] = channelPayload(f.channels[name], name, record.seq);
      }
      return { kind: 'frame', seq: record.seq, t: f.t, channels };
    }
    case 'dropped':
    case 'gap':
    case 'end':
    case 'subscribe':
      // the reader's checks are the writer's: a notice is its fields, all counts
      return readSmall(record as unknown as Payload) as unknown as Payload;
    default:
      throw new Error(`unknown record kind '${String((record as { kind?: unknown }).kind)}'; expected header, block, frame, dropped, gap, end or subscribe`);
  }
}

/**
 * The record a decoded msgpack value stands for, checked field by field: a map with a known
 * `kind` and that kind's fields of the right types (see the README); map keys it does not know
 * are ignored; null for a 'ping' (a link's keepalive, which readers skip). Throws a plain Error
 * naming the field.
 */
export function fromWirePayload(value: unknown): WireRecord | WireSubscribe | null {
  const p = asMap(value, 'the record');
  const kind = p.kind;
  switch (kind) {
    case 'ping':
      // a network link's keepalive: it only shows the link is alive, and is not a record of the stream
      return null;
    case 'header': {
      if (p.version !== WIRE_VERSION) {
        throw new Error(`header field 'version' is ${describe(p.version)}, but the record is framed as version ${WIRE_VERSION}`);
      }
      if (typeof p.name !== 'string') throw new Error(`header field 'name' must be a string, got ${describe(p.name)}`);
      const schema = readSchema(p.schema, 'schema');
      const provenance = readProvenance(p.provenance);
      if (p.keepAliveInterval === undefined) return { kind: 'header', version: WIRE_VERSION, name: p.name, schema, provenance };
      return { kind: 'header', version: WIRE_VERSION, name: p.name, schema, provenance, keepAliveInterval: readKeepAliveInterval(p.keepAliveInterval) };
    }
    case 'block':
      return { kind: 'block', seq: checkCount(p.seq, 'seq'), block: readBlock(p) };
    case 'frame':
      return { kind: 'frame', seq: checkCount(p.seq, 'seq'), frame: readFrame(p) };
    case 'dropped':
    case 'gap':
    case 'end':
    case 'subscribe':
      return readSmall(p);
    default:
      throw new Error(`unknown record kind ${describe(kind)}; expected 'header', 'block', 'frame', 'dropped', 'gap', 'end', 'subscribe' or 'ping'`);
  }
}

/** notices and subscribe: a few counts, read and written alike */
function readSmall(p: Payload): WireRecord | WireSubscribe {
  switch (p.kind) {
    case 'dropped': {
      const r = {
        kind: 'dropped' as const,
        seq: checkCount(p.seq, 'seq'),
        records: checkCount(p.records, 'records'),
        samples: checkCount(p.samples, 'samples'),
        firstSeq: checkCount(p.firstSeq, 'firstSeq'),
        lastSeq: checkCount(p.lastSeq, 'lastSeq'),
      };
      checkRange(r.firstSeq, r.lastSeq, 'dropped');
      if (p.estimated === undefined) return r;
      if (p.estimated !== true) throw new Error(`dropped field 'estimated' must be true or absent, got ${describe(p.estimated)}`);
      return { ...r, estimated: true };
    }
    case 'gap': {
      const r = {
        kind: 'gap' as const,
        seq: checkCount(p.seq, 'seq'),
        firstSeq: checkCount(p.firstSeq, 'firstSeq'),
        lastSeq: checkCount(p.lastSeq, 'lastSeq'),
        samples: checkCount(p.samples, 'samples'),
      };
      checkRange(r.firstSeq, r.lastSeq, 'gap');
      if (p.estimated === undefined) return r;
      if (p.estimated !== true) throw new Error(`gap field 'estimated' must be true or absent, got ${describe(p.estimated)}`);
      return { ...r, estimated: true };
    }
    case 'end':
      return { kind: 'end', seq: checkCount(p.seq, 'seq') };
    default: {
      const lastSeq = p.lastSeq === null ? null : checkCount(p.lastSeq, 'lastSeq');
      if (p.consumer !== undefined && typeof p.consumer !== 'string') {
        throw new Error(`subscribe field 'consumer' must be a string, got ${describe(p.consumer)}`);
      }
      return typeof p.consumer === 'string' ? { kind: 'subscribe', lastSeq, consumer: p.consumer } : { kind: 'subscribe', lastSeq };
    }
  }
}

function readSchema(value: unknown, field: string): StreamSchema {
  const s = asMap(value, `header field '${field}'`);
  const channels = asMap(s.channels, `header field '${field}.channels'`);
  for (const name of Object.keys(channels)) {
    const c = asMap(channels[name], `schema channel '${name}'`);
    checkShape(c.shape, `schema channel '${name}'`);
    optionalString(c.unit, `schema channel '${name}' field 'unit'`);
    optionalString(c.description, `schema channel '${name}' field 'description'`);
  }
  try {
    return streamSchema({ channels: channels as never, ...(s.rate !== undefined ? { rate: s.rate as number } : {}) });
  } catch (e) {
    throw new Error(`header field '${field}': ${(e as Error).message}`);
  }
}

function plainSchema(schema: StreamSchema): Payload {
  const channels: Payload = {};
  for (const name of Object.keys(schema.channels)) {
    checkName(name, 'schema channel');
    const c = schema.channels[name];
    channels[name] = dropUndefined({ kind: c.kind, shape: [...c.shape], unit: c.unit, description: c.description });
  }
  return dropUndefined({ kind: 'schema', channels, rate: schema.rate });
}

function readProvenance(value: unknown): WireProvenance {
  const p = asMap(value, `header field 'provenance'`);
  for (const f of ['sourceId', 'sessionId', 'createdAt', 'qsyncVersion'] as const) {
    if (typeof p[f] !== 'string') throw new Error(`header field 'provenance.${f}' must be a string, got ${describe(p[f])}`);
  }
  optionalString(p.model, `header field 'provenance.model'`);
  if (p.seed !== undefined && !Number.isSafeInteger(p.seed)) {
    throw new Error(`header field 'provenance.seed' must be an integer, got ${describe(p.seed)}`);
  }
  for (const f of ['parameters', 'metadata'] as const) {
    if (p[f] !== undefined) asMap(p[f], `header field 'provenance.${f}'`);
  }
  return p as unknown as WireProvenance;
}

function readBlock(p: Payload): SampleBlock {
  const where = `block seq ${String(p.seq)}`;
  const columnsIn = asMap(p.columns, `${where} field 'columns'`);
  const columns: Record<string, BlockColumn> = {};
  for (const name of Object.keys(columnsIn)) {
    const c = asMap(columnsIn[name], `${where} column '${name}'`);
    if (c.kind !== 'real' && c.kind !== 'complex') {
      throw new Error(`${where} column '${name}' has kind ${describe(c.kind)}; expected 'real' or 'complex'`);
    }
    const shape = checkShape(c.shape, `${where} column '${name}'`);
    optionalString(c.unit, `${where} column '${name}' field 'unit'`);
    const data = readFloat64(c.data, `${where} column '${name}' field 'data'`);
    columns[name] = c.unit === undefined ? { kind: c.kind, data, shape } : { kind: c.kind, data, shape, unit: c.unit as string };
  }
  const block = { kind: 'block', t0: p.t0, dt: p.dt, length: p.length, columns } as SampleBlock;
  validateSampleBlock(block, { caller: where });
  return block;
}

function readFrame(p: Payload): Frame {
  const where = `frame seq ${String(p.seq)}`;
  if (typeof p.t !== 'number') throw new Error(`${where} field 't' must be a number, got ${describe(p.t)}`);
  const channelsIn = asMap(p.channels, `${where} field 'channels'`);
  const channels: Record<string, Channel> = {};
  for (const name of Object.keys(channelsIn)) {
    const c = asMap(channelsIn[name], `${where} channel '${name}'`);
    const at = `${where} channel '${name}'`;
    optionalString(c.unit, `${at} field 'unit'`);
    const unit = c.unit as string | undefined;
    if (c.kind === 'real') {
      if (typeof c.value !== 'number') throw new Error(`${at} field 'value' must be a number, got ${describe(c.value)}`);
      channels[name] = unit === undefined ? { kind: 'real', value: c.value } : { kind: 'real', value: c.value, unit };
    } else if (c.kind === 'complex') {
      if (typeof c.re !== 'number' || typeof c.im !== 'number') {
        throw new Error(`${at} fields 're' and 'im' must be numbers, got ${describe(c.re)} and ${describe(c.im)}`);
      }
      channels[name] = unit === undefined ? { kind: 'complex', re: c.re, im: c.im } : { kind: 'complex', re: c.re, im: c.im, unit };
    } else if (c.kind === 'array') {
      if (typeof c.complex !== 'boolean') throw new Error(`${at} field 'complex' must be true or false, got ${describe(c.complex)}`);
      const shape = checkShape(c.shape, at);
      const data = readFloat64(c.data, `${at} field 'data'`);
      try {
        channels[name] = arrayChannel(data, shape, unit === undefined ? { complex: c.complex } : { complex: c.complex, unit });
      } catch (e) {
        throw new Error(`${at}: ${(e as Error).message}`);
      }
    } else {
      throw new Error(`${at} has kind ${describe(c.kind)}; expected 'real', 'complex' or 'array'`);
    }
  }
  return { t: p.t, channels };
}

function channelPayload(c: Channel, name: string, seq: number): Payload {
  const at = `frame seq ${seq} channel '${name}'`;
  if (c === null || typeof c !== 'object') throw new Error(`${at} must be a channel object, got ${describe(c)}`);
  let out: Payload;
  if (c.kind === 'real') {
    if (typeof c.value !== 'number') throw new Error(`${at} field 'value' must be a number, got ${describe(c.value)}`);
    out = { kind: 'real', value: c.value };
  } else if (c.kind === 'complex') {
    if (typeof c.re !== 'number' || typeof c.im !== 'number') throw new Error(`${at} fields 're' and 'im' must be numbers`);
    out = { kind: 'complex', re: c.re, im: c.im };
  } else if (c.kind === 'array') {
    if (!(c.data instanceof Float64Array)) throw new Error(`${at} field 'data' must be a Float64Array`);
    const shape = checkShape(c.shape, at);
    let size = c.complex ? 2 : 1;
    for (const d of shape) size *= d;
    if (c.data.length !== size) throw new Error(`${at} field 'data' must hold ${size} numbers for shape [${shape.join(', ')}], got ${c.data.length}`);
    out = { kind: 'array', shape: [...shape], complex: c.complex === true, data: float64ToBytes(c.data) };
  } else {
    throw new Error(`${at} has kind ${describe((c as { kind?: unknown }).kind)}; expected 'real', 'complex' or 'array'`);
  }
  if (c.unit !== undefined) {
    optionalString(c.unit, `${at} field 'unit'`);
    out.unit = c.unit;
  }
  return out;
}

/** msgpack readers turn a key '__proto__' into something else (msgpackr: '__proto_'), so no name may be it */
function checkName(name: string, what: string): void {
  if (name === '__proto__') throw new Error(`${what} '__proto__' cannot travel (msgpack readers rename or drop that key); choose another name`);
}

function readFloat64(value: unknown, field: string): Float64Array {
  if (!(value instanceof Uint8Array)) {
    throw new Error(`${field} must be binary (raw little-endian float64), got ${describe(value)}`);
  }
  if (value.byteLength % 8 !== 0) {
    throw new Error(`${field} must hold whole float64 numbers (a multiple of 8 bytes), got ${value.byteLength} bytes`);
  }
  return bytesToFloat64(value);
}

function checkShape(value: unknown, where: string): number[] {
  if (!Array.isArray(value) || value.some((d) => !Number.isSafeInteger(d) || (d as number) < 0)) {
    throw new Error(`${where} field 'shape' must be a list of non-negative integers, got ${describe(value)}`);
  }
  return value as number[];
}

function checkCount(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new Error(`field '${field}' must be an integer ≥ 0, got ${describe(value)}`);
  }
  return value;
}

function checkRange(first: number, last: number, kind: string): void {
  if (first > last) throw new Error(`${kind} notice: 'firstSeq' (${first}) must not exceed 'lastSeq' (${last})`);
}

function optionalString(value: unknown, field: string): void {
  if (value !== undefined && typeof value !== 'string') throw new Error(`${field} must be a string, got ${describe(value)}`);
}

function asMap(value: unknown, what: string): Payload {
  const proto = value !== null && typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (proto !== Object.prototype && proto !== null) {
    throw new Error(`${what} must be a map, got ${describe(value)}`);
  }
  return value as Payload;
}

function dropUndefined(p: Payload): Payload {
  for (const k of Object.keys(p)) if (p[k] === undefined) delete p[k];
  return p;
}

function describe(x: unknown): string {
  if (x === null) return 'nil';
  if (x === undefined) return 'nothing';
  if (typeof x === 'string') return `'${x.length > 40 ? `${x.slice(0, 40)}…` : x}'`;
  if (typeof x === 'number' || typeof x === 'boolean' || typeof x === 'bigint') return `${typeof x} ${String(x)}`;
  if (x instanceof Uint8Array) return `${x.byteLength} bytes of binary`;
  if (Array.isArray(x)) return `a list of ${x.length}`;
  if (x instanceof Date) return 'a timestamp';
  const proto = typeof x === 'object' ? Object.getPrototypeOf(x) : undefined;
  return proto === Object.prototype || proto === null ? 'a map' : 'a msgpack extension value';
}

/** a header's advertised keepalive interval: ms, a finite number > 0 */
function readKeepAliveInterval(value: unknown): number {
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw new Error(`header field 'keepAliveInterval' must be a number of ms > 0, got ${describe(value)}`);
  }
  return value;
}
