import { denseKron } from '@qsync/linalg';
import { assertDensityMatrix } from './assert';
import type { DensityMatrix } from './state';

/**
 * The product state ρ_1 ⊗ ρ_2 ⊗ … (kron order: first factor most significant), dims
 * concatenated.
 *
 * @param rhos - one or more density matrices
 * @example
 * const s = spinHalfSpace();
 * const rho = tensorState(pureState(fockKet(s, 1)), thermalState(fockSpace(2), 0));
 * rho.dims; // [2, 2]
 * denseGet(rho.matrix, 2, 2); // { re: 1, im: 0 } — ⟨1,0|ρ|1,0⟩, basis index 2
 */
export function tensorState(...rhos: DensityMatrix[]): DensityMatrix {
  if (rhos.length < 1) throw new Error(`tensorState: argument 'rhos' must hold at least one DensityMatrix, got none`);
  rhos.forEach((r, i) => assertDensityMatrix('tensorState', `rhos[${i}]`, r));
  let matrix = rhos[0].matrix;
  const dims = [...rhos[0].dims];
  for (let i = 1; i < rhos.length; i++) {
    matrix = denseKron(matrix, rhos[i].matrix);
    dims.push(...rhos[i].dims);
  }
  if (rhos.length === 1) matrix = { rows: matrix.rows, cols: matrix.cols, data: Float64Array.from(matrix.data) };
  return { dims, matrix };
}
