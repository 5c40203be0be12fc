import { assertKet } from './assert';
import type { DensityMatrix, Ket } from './state';

/**
 * The density matrix |ψ⟩⟨ψ| of a ket: ρ_ij = ψ_i conj(ψ_j). The ket is used as given
 * (not renormalised), so Tr ρ = ‖ψ‖².
 *
 * @param ket - the state vector
 * @example
 * pureState(spinCoherentKet(spinHalfSpace(), Math.PI / 2, 0)).matrix; // denseFromArrays([[0.5, 0.5], [0.5, 0.5]])
 */
export function pureState(ket: Ket): DensityMatrix {
  assertKet('pureState', 'ket', ket);
  const x = ket.data;
  const n = x.length / 2;
  const data = new Float64Array(2 * n * n);
  for (let i = 0; i < n; i++) {
    const ar = x[2 * i];
    const ai = x[2 * i + 1];
    for (let j = 0; j < n; j++) {
      const br = x[2 * j];
      const bi = -x[2 * j + 1];
      const p = 2 * (i * n + j);
      data[p] = ar * br - ai * bi;
      data[p + 1] = ar * bi + ai * br;
    }
  }
  return { dims: ket.dims, matrix: { rows: n, cols: n, data } };
}
