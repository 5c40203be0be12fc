/**
 * The inverse of `packHermitianInto`: the full Hermitian matrix (lower triangle the
 * conjugate of the upper one) from its packed upper triangle.
 *
 * @param out full matrix, 2n² numbers
 * @param packed packed triangle, n(n + 1) numbers
 * @param n dimension
 * @example
 * const out = new Float64Array(8);
 * unpackHermitianInto(out, Float64Array.of(1, 0, 2, 3, 4, 0), 2);
 * out; // Float64Array [1, 0, 2, 3, 2, -3, 4, 0]
 */
export function unpackHermitianInto(out: Float64Array, packed: Float64Array, n: number): Float64Array {
  if (packed.length !== n * (n + 1) || out.length !== 2 * n * n) {
    throw new Error(`unpackHermitianInto: packed must hold n(n + 1) = ${n * (n + 1)} and out 2n² = ${2 * n * n} numbers, got ${packed.length} and ${out.length}`);
  }
  let p = 0;
  for (let i = 0; i < n; i++) {
    for (let k = 2 * (i * n + i); k < 2 * (i * n + n); k++) out[k] = packed[p++];
  }
  for (let i = 0; i < n; i++) {
    out[2 * (i * n + i) + 1] = 0;
    for (let j = i + 1; j < n; j++) {
      out[2 * (j * n + i)] = out[2 * (i * n + j)];
      out[2 * (j * n + i) + 1] = -out[2 * (i * n + j) + 1];
    }
  }
  return out;
}
