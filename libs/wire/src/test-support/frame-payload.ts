import { crc32 } from 'node:zlib';
import { Packr } from 'msgpackr';

const packr = new Packr({ useRecords: false });

/**
 * Frames an arbitrary msgpack value as the README describes (magic 'QSW', version byte, uint32 LE
 * length, uint32 LE CRC-32 of the payload), written here with Buffer's own methods so that the
 * codec's framing is checked against an independent writer. `version` and `checksum` may be
 * overridden to make invalid records.
 */
export function framePayload(value: unknown, options: { version?: number; checksum?: number } = {}): Uint8Array {
  const payload = packr.pack(value);
  return frameBytes(payload, options);
}

/** Frames raw payload bytes (which need not be msgpack). */
export function frameBytes(payload: Uint8Array, options: { version?: number; checksum?: number } = {}): Uint8Array {
  const head = Buffer.alloc(12);
  head.write('QSW', 0, 'latin1');
  head.writeUInt8(options.version ?? 1, 3);
  head.writeUInt32LE(payload.byteLength, 4);
  head.writeUInt32LE(options.checksum ?? crc32(payload), 8);
  return new Uint8Array(Buffer.concat([head, payload]));
}
