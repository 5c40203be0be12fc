/**
 * Packs the upper triangle of an n×n interleaved complex matrix row by row (row i: entries
 * (i, i) … (i, n − 1)) into `out` (n(n + 1) numbers); the layout of `applyPackedInto`.
 *
 * @param out packed triangle, n(n + 1) numbers
 * @param rho full matrix, 2n² numbers
 * @param n dimension
 * @example
 * const out = new Float64Array(6);
 * packHermitianInto(out, Float64Array.of(1, 0, 2, 3, 2, -3, 4, 0), 2);
 * out; // Float64Array [1, 0, 2, 3, 4, 0]
 */
export function packHermitianInto(out: Float64Array, rho: Float64Array, n: number): Float64Array {
  if (out.length !== n * (n + 1) || rho.length !== 2 * n * n) {
    throw new Error(`packHermitianInto: out must hold n(n + 1) = ${n * (n + 1)} and rho 2n² = ${2 * n * n} numbers, got ${out.length} and ${rho.length}`);
  }
  let p = 0;
  for (let i = 0; i < n; i++) {
    for (let k = 2 * (i * n + i); k < 2 * (i * n + n); k++) out[p++] = rho[k];
  }
  return out;
}
