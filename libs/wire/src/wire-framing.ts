import { Packr, Unpackr } from 'msgpackr';
import { crc32 } from 'node:zlib';
import { WIRE_VERSION } from './wire-record';

/**
 * The framing shared by the writer and the reader of the wire format (see encode-wire-record.ts
 * and the README's "Wire format" section). Internal, except WIRE_HEAD_BYTES.
 */

/** Bytes before the payload: magic, version, length, checksum. */
export const WIRE_HEAD_BYTES = 12;

export const MAGIC = [0x51, 0x53, 0x57] as const;
/** Default bound on one record's payload: 64 MiB (a 4096-sample block of 1024 complex channels). */
export const DEFAULT_MAX_RECORD_BYTES = 64 * 1024 * 1024;
export const MAX_LENGTH_FIELD = 0xffffffff;

// plain msgpack maps only: no msgpackr records or structures, so every msgpack library reads them
export const packr = new Packr({ useRecords: false });
// integers of 64 bits (another writer may use them for any value) are read as numbers, not
// BigInt: exact below 2⁵³, and a count beyond that lands on ≥ 2⁵³, which the checks refuse
export const unpackr = new Unpackr({ useRecords: false, mapsAsObjects: true, int64AsType: 'number' });

/** A payload framed: magic, version, length, CRC-32, then the payload. */
export function framePayload(payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(WIRE_HEAD_BYTES + payload.byteLength);
  out[0] = MAGIC[0];
  out[1] = MAGIC[1];
  out[2] = MAGIC[2];
  out[3] = WIRE_VERSION;
  const view = new DataView(out.buffer);
  view.setUint32(4, payload.byteLength, true);
  view.setUint32(8, crc32(payload), true);
  out.set(payload, WIRE_HEAD_BYTES);
  return out;
}

/**
 * The keepalive record, `{ kind: 'ping' }` framed: sent on a network link by a side that has sent
 * nothing for a while; readers skip it (it is never part of a stream or a file).
 */
export const PING_BYTES: Uint8Array = framePayload(packr.pack({ kind: 'ping' }));
