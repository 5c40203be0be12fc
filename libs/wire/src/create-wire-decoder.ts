import { crc32 } from 'node:zlib';
import { DEFAULT_MAX_RECORD_BYTES, MAGIC, MAX_LENGTH_FIELD, WIRE_HEAD_BYTES, unpackr } from './wire-framing';
import { WireFormatError } from './wire-format-error';
import { fromWirePayload } from './wire-payload';
import { WIRE_VERSION } from './wire-record';
import type { WireRecord, WireSubscribe } from './wire-record';

/** Options of {@link createWireDecoder}. */
export interface WireDecoderConfig {
  /** largest payload accepted, in bytes; a longer length prefix is refused before any allocation. Default 64 MiB */
  maxRecordBytes?: number;
}

/** An incremental reader of framed records (see {@link createWireDecoder}). */
export interface WireDecoder {
  /**
   * Takes the next bytes of the stream (any cut: half a record, several records) and returns the
   * records completed by them, in order. Throws WireFormatError at the first invalid record (the
   * valid records before it in this call are in the error's `decoded`); after that every call
   * throws the same error.
   */
  push(chunk: Uint8Array): (WireRecord | WireSubscribe)[];
  /** The stream ended: throws WireFormatError when it ended inside a record (truncated input). */
  end(): void;
  /** Bytes received and not yet part of a complete record. */
  readonly pending: number;
  /** Bytes of the complete records read so far (pings included): grows only when a whole record has arrived. */
  readonly consumed: number;
}

/**
 * An incremental reader of wire records for a byte stream (file, TCP, stdio) or a sequence of
 * messages (WebSocket: push each message). Each record is checked in turn — magic, version,
 * length bound, CRC-32, msgpack, then the fields of its kind (a block passes frames'
 * validateSampleBlock) — and any failure is a {@link WireFormatError} naming the problem and the
 * record's byte offset; nothing else is ever thrown, and no record longer than maxRecordBytes is
 * ever buffered.
 *
 * @param config - `{ maxRecordBytes = 64 MiB }`
 * @returns a {@link WireDecoder}
 * @throws Error naming `maxRecordBytes` when it is not an integer in 1 … 2³² − 1
 * @example
 * const bytes = encodeWireRecord({ kind: 'subscribe', lastSeq: 41 });
 * const decoder = createWireDecoder();
 * decoder.push(bytes.subarray(0, 5)); // []
 * decoder.push(bytes.subarray(5)); // [{ kind: 'subscribe', lastSeq: 41 }]
 * decoder.push(bytes.subarray(0, 7));
 * decoder.end(); // throws "the stream ends inside the record at byte"
 */
export function createWireDecoder(config: WireDecoderConfig = {}): WireDecoder {
  const maxRecordBytes = config.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  if (!Number.isSafeInteger(maxRecordBytes) || maxRecordBytes < 1 || maxRecordBytes > MAX_LENGTH_FIELD) {
    throw new Error(`createWireDecoder: option 'maxRecordBytes' must be an integer in 1 … 4294967295, got ${String(maxRecordBytes)}`);
  }
  const chunks: Uint8Array[] = [];
  let buffered = 0; // bytes in chunks
  let offset = 0; // stream offset of the first byte in chunks (the current record's start)
  let failed: WireFormatError | null = null;

  // the first n ≤ buffered bytes as one array, removing them when `consume`
  const first = (n: number, consume: boolean): Uint8Array => {
    const head = chunks[0];
    let out: Uint8Array;
    if (head.byteLength >= n) {
      out = head.subarray(0, n);
      if (consume) {
        if (head.byteLength === n) chunks.shift();
        else chunks[0] = head.subarray(n);
      }
    } else {
      out = new Uint8Array(n);
      let filled = 0;
      let i = 0;
      while (filled < n) {
        const c = chunks[i];
        const take = Math.min(c.byteLength, n - filled);
        out.set(take === c.byteLength ? c : c.subarray(0, take), filled);
        filled += take;
        if (consume && take < c.byteLength) chunks[i] = c.subarray(take);
        else i++;
      }
      if (consume) chunks.splice(0, i);
    }
    if (consume) {
      buffered -= n;
      offset += n;
    }
    return out;
  };

  let records: (WireRecord | WireSubscribe)[] = []; // of the current push
  const fail: (message: string, at: number) => never = (message, at) => {
    failed = new WireFormatError(`wire: ${message}`, at, records);
    records = [];
    chunks.length = 0;
    buffered = 0;
    throw failed;
  };

  const hex = (bytes: Uint8Array): string => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');

  return {
    get consumed() {
      return offset;
    },
    get pending() {
      return buffered;
    },
    push(chunk: Uint8Array): (WireRecord | WireSubscribe)[] {
      if (failed !== null) throw failed;
      records = [];
      if (!(chunk instanceof Uint8Array)) {
        return fail(`expected the stream's bytes as a Uint8Array, got ${chunk === null ? 'null' : typeof chunk}`, offset + buffered);
      }
      if (chunk.byteLength > 0) {
        chunks.push(chunk);
        buffered += chunk.byteLength;
      }
      while (buffered >= WIRE_HEAD_BYTES) {
        const at = offset;
        const head = first(WIRE_HEAD_BYTES, false);
        if (head[0] !== MAGIC[0] || head[1] !== MAGIC[1] || head[2] !== MAGIC[2]) {
          fail(`not a qsync wire record at byte ${at}: expected the magic 'QSW' (51 53 57), got ${hex(head.subarray(0, 3))}`, at);
        }
        if (head[3] !== WIRE_VERSION) {
          fail(`the record at byte ${at} is of wire format version ${head[3]}; this reader reads version ${WIRE_VERSION} only`, at);
        }
        const view = new DataView(head.buffer, head.byteOffset, WIRE_HEAD_BYTES);
        const length = view.getUint32(4, true);
        const checksum = view.getUint32(8, true);
        if (length > maxRecordBytes) {
          fail(`the record at byte ${at} declares a payload of ${length} bytes, more than maxRecordBytes = ${maxRecordBytes}`, at);
        }
        if (length === 0) fail(`the record at byte ${at} has an empty payload (a record is one msgpack map)`, at);
        if (buffered < WIRE_HEAD_BYTES + length) break;
        const payload = first(WIRE_HEAD_BYTES + length, true).subarray(WIRE_HEAD_BYTES);
        const actual = crc32(payload);
        if (actual !== checksum) {
          fail(
            `checksum mismatch in the record at byte ${at} (${length} bytes of payload): stored ${checksum.toString(16).padStart(8, '0')}, ` +
              `computed ${actual.toString(16).padStart(8, '0')} — the record is corrupted`,
            at,
          );
        }
        let value: unknown;
        try {
          value = unpackr.unpack(payload);
        } catch (e) {
          fail(`the payload of the record at byte ${at} is not one valid msgpack value: ${(e as Error).message.slice(0, 200)}`, at);
        }
        try {
          const record = fromWirePayload(value);
          if (record !== null) records.push(record); // a 'ping' is skipped
        } catch (e) {
          fail(`the record at byte ${at} is malformed: ${(e as Error).message}`, at);
        }
      }
      return records;
    },
    end(): void {
      if (failed !== null) throw failed;
      records = [];
      if (buffered === 0) return;
      const at = offset;
      if (buffered < WIRE_HEAD_BYTES) {
        fail(`the stream ends inside the record at byte ${at}: ${buffered} of its ${WIRE_HEAD_BYTES} head bytes arrived (truncated input)`, at);
      }
      const head = first(WIRE_HEAD_BYTES, false);
      const length = new DataView(head.buffer, head.byteOffset, WIRE_HEAD_BYTES).getUint32(4, true);
      fail(
        `the stream ends inside the record at byte ${at}: ${buffered} of its ${WIRE_HEAD_BYTES + length} bytes arrived (truncated input)`,
        at,
      );
    },
  };
}
