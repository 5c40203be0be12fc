import type { Complex } from '@qsync/linalg';
import { assertDickeState } from './dicke-assert';
import type { DickeState } from './dicke-state';
import type { Operator } from './operator';

/**
 * The expectation value ⟨O⟩ = Tr[O ρ] = Σ_j Tr[O_j ρ_j] of a collective operator (block diagonal
 * in the Dicke basis: `dickeSpin` and products of them) in a permutation-invariant state. Exact for
 * the full N-spin state: a collective operator acts as O_j ⊗ 1 on the d_j copies, whose trace
 * the blocks ρ_j already carry. O(nnz(O)).
 *
 * @param op - a collective operator with dims [space.dimension]
 * @param state - the state (not required to be normalised)
 * @example
 * const s = dickeSpace(4);
 * dickeExpect(times(dickeSpin(s, '+'), dickeSpin(s, '-')), dickeBasisState(s, 2, 0)); // { re: 6, im: 0 } — j(j+1) − m(m−1)
 */
export function dickeExpect(op: Operator, state: DickeState): Complex {
  const fn = 'dickeExpect';
  assertDickeState(fn, 'state', state);
  const { space, data } = state;
  if (op == null || op.matrix == null || op.dims?.length !== 1 || op.dims[0] !== space.dimension) {
    throw new Error(
      `${fn}: argument 'op' must be a collective operator with dims [${space.dimension}] (the Dicke space of ${space.n} spins), ` +
        `got dims [${op?.dims?.join(', ') ?? ''}]`,
    );
  }
  const { rowPtr, colIdx, data: a } = op.matrix;
  let re = 0;
  let im = 0;
  for (let b = 0; b < space.blocks; b++) {
    const s0 = space.stateOffset[b];
    const s1 = space.stateOffset[b + 1];
    const d = s1 - s0;
    const o = space.vecOffset[b];
    for (let r = s0; r < s1; r++) {
      for (let p = rowPtr[r]; p < rowPtr[r + 1]; p++) {
        const c = colIdx[p];
        if (c < s0 || c >= s1) {
          throw new Error(`${fn}: argument 'op' couples different total spins j (entry ${r}, ${c}); it is not collective`);
        }
        // Tr[O ρ] = Σ O(k, l) ρ(l, k)
        const q = 2 * (o + (c - s0) * d + (r - s0));
        const ar = a[2 * p];
        const ai = a[2 * p + 1];
        re += ar * data[q] - ai * data[q + 1];
        im += ar * data[q + 1] + ai * data[q];
      }
    }
  }
  return { re, im };
}
