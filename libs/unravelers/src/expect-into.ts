import type { Operator } from '@qsync/operators';

/** out[at], out[at + 1] = Tr[O ρ] (complex) for ρ n×n row-major interleaved; internal to this library. */
export function expectInto(out: Float64Array, at: number, op: Operator, rho: Float64Array, n: number): void {
  const { rowPtr, colIdx, data } = op.matrix;
  let re = 0;
  let im = 0;
  for (let i = 0; i < n; i++) {
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const q = 2 * (colIdx[p] * n + i); // ρ_ji
      re += data[2 * p] * rho[q] - data[2 * p + 1] * rho[q + 1];
      im += data[2 * p] * rho[q + 1] + data[2 * p + 1] * rho[q];
    }
  }
  out[at] = re;
  out[at + 1] = im;
}
