/**
 * Whether two Float64Arrays hold the same bits: the check of "bit for bit" claims (a stream
 * operator equal to its array function however the samples were cut into blocks). Unlike `===`
 * on elements, it tells −0 from 0 and passes NaN against the same NaN.
 *
 * @param a - one array
 * @param b - the other
 * @returns true when both have the same length and the same bytes (signed zeros, NaN payloads)
 * @example
 * sameBits(Float64Array.of(1, NaN, 0.1 + 0.2), Float64Array.of(1, NaN, 0.1 + 0.2)); // true
 * sameBits(Float64Array.of(0.1 + 0.2), Float64Array.of(0.3)); // false — one rounding apart
 * sameBits(Float64Array.of(0), Float64Array.of(-0)); // false
 */
export function sameBits(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}
