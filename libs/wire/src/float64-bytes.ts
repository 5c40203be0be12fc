/**
 * Float64 data on the wire is raw IEEE 754 binary64, little-endian, 8 bytes per number, so that
 * any language reads it with one call (Python: `array('d', b)` / `struct.unpack('<%dd' % n, b)`)
 * and every bit survives (signed zeros, infinities, NaN payloads). Internal to the codec.
 */

/** true on little-endian hosts (every platform node runs on today; big-endian is handled anyway) */
const HOST_LITTLE_ENDIAN = new Uint8Array(Float64Array.of(1).buffer)[7] === 0x3f;

/** The little-endian bytes of `data`: a view of its buffer on a little-endian host (no copy). */
export function float64ToBytes(data: Float64Array): Uint8Array {
  const view = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return HOST_LITTLE_ENDIAN ? view : swapEach8(view);
}

/** A fresh Float64Array (aligned, owning its buffer) holding the little-endian numbers of `bytes`. */
export function bytesToFloat64(bytes: Uint8Array): Float64Array {
  const out = new Float64Array(bytes.byteLength / 8);
  new Uint8Array(out.buffer).set(HOST_LITTLE_ENDIAN ? bytes : swapEach8(bytes));
  return out;
}

function swapEach8(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.byteLength);
  for (let i = 0; i < bytes.byteLength; i += 8) {
    for (let j = 0; j < 8; j++) out[i + j] = bytes[i + 7 - j];
  }
  return out;
}
