/**
 * Bytes of the wire format. Every record is framed on its own, so a file, a TCP or stdio byte
 * stream and a WebSocket message all carry the same bytes, and a reader needs no state beyond the
 * record it is reading:
 *
 * | bytes        | content                                                          |
 * | ------------ | ---------------------------------------------------------------- |
 * | 0–2          | magic 'QSW' (0x51 0x53 0x57)                                     |
 * | 3            | wire format version, uint8 ({@link WIRE_VERSION})                |
 * | 4–7          | payload length n, uint32 little-endian (at most maxRecordBytes)  |
 * | 8–11         | CRC-32 (IEEE 802.3, zlib's crc32) of the n payload bytes, uint32 LE |
 * | 12 … 12+n−1  | payload: one msgpack map (see wire-payload.ts and the README)    |
 *
 * Float64 columns travel as msgpack bin of raw little-endian binary64, bit for bit.
 */
import { MAX_LENGTH_FIELD, framePayload, packr } from './wire-framing';
import { toWirePayload } from './wire-payload';
import type { WireRecord, WireSubscribe } from './wire-record';

/**
 * One record as framed bytes: magic, version, length, CRC-32, msgpack payload (see the module
 * comment). The record is checked first; the bytes are a fresh array the caller may keep.
 *
 * @param record - a header, block, frame, notice or subscribe record
 * @returns the framed record (12 bytes of head, then the payload)
 * @throws Error naming the field when the record is not a valid wire record (a block that fails
 *   validateSampleBlock, a negative seq, an unknown kind, a header of another version …)
 * @example
 * const bytes = encodeWireRecord({ kind: 'end', seq: 3 });
 * [...bytes.subarray(0, 4)]; // [0x51, 0x53, 0x57, 1]
 * createWireDecoder().push(bytes); // [{ kind: 'end', seq: 3 }]
 */
export function encodeWireRecord(record: WireRecord | WireSubscribe): Uint8Array {
  let payload: Uint8Array;
  try {
    payload = packr.pack(toWirePayload(record));
  } catch (e) {
    throw new Error(`encodeWireRecord: ${(e as Error).message}`);
  }
  if (payload.byteLength > MAX_LENGTH_FIELD) {
    throw new Error(`encodeWireRecord: the record's payload has ${payload.byteLength} bytes, more than a record can hold (2³² − 1)`);
  }
  return framePayload(payload);
}
