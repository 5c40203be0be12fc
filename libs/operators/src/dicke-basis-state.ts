import { assertDickeLabel, assertDickeSpace } from './dicke-assert';
import type { DickeSpace } from './dicke-space';
import type { DickeState } from './dicke-state';

/**
 * The permutation-invariant state |j, m⟩⟨j, m| ⊗ 1_{d_j}/d_j (QuTiP piqs's `dicke(N, j, m)`): the
 * uniform mixture of the d_j copies of the Dicke state |j, m⟩. With j = N/2 it is the pure
 * symmetric Dicke state; j = N/2, m = −N/2 is the ground state |0…0⟩ and m = N/2 the fully
 * excited |1…1⟩.
 *
 * @param space - the Dicke space of N spins
 * @param j - total spin, one of N/2, N/2 − 1, …
 * @param m - Sz eigenvalue, one of −j, …, j (Sz = ½Σσz_i)
 * @example
 * const s = dickeSpace(2);
 * dickeBasisState(s, 1, 1).data; // Float64Array [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0] — ρ_1(1, 1) = 1
 */
export function dickeBasisState(space: DickeSpace, j: number, m: number): DickeState {
  assertDickeSpace('dickeBasisState', 'space', space);
  assertDickeLabel('dickeBasisState', space.n, j, m);
  const b = space.n / 2 - j;
  const d = 2 * j + 1;
  const data = new Float64Array(2 * space.size);
  data[2 * (space.vecOffset[b] + (m + j) * d + (m + j))] = 1;
  return { space, data };
}
