import { csrAdd, csrMatmul } from '@qsync/linalg';
import { assertOperator, assertSameDims } from './assert';
import type { Lindbladian } from './lindbladian';
import type { Operator } from './operator';

const ONE = { re: 1, im: 0 };

/**
 * The Heisenberg-picture (adjoint) generator applied to an operator, thesis Eq. (3.9):
 * L†o = i[H, o] + Σ_k rate_k (o2_k† o o1_k − ½(o o2_k†o1_k + o2_k†o1_k o)), so that
 * d/dt Tr[o ρ] = Tr[(L†o) ρ] for every ρ. In the normal form: L†o = o·left + right·o +
 * Σ_k rate_k B_k o A_k.
 *
 * @param l - the Lindbladian
 * @param o - operator with the dims of l
 * @example
 * // decay of a spin-1/2 at rate γ = 2: L†σ+ = iωσ+ − σ+ for H = (ω/2)σz, ω = 1
 * const s = spinHalfSpace();
 * const l = lindbladian(scaled(sigmaZ(s), 0.5), [{ rate: 2, jump: sigmaMinus(s) }]);
 * csrToDense(heisenberg(l, sigmaPlus(s)).matrix); // denseFromArrays([[0, 0], [-1, 0]], [[0, 0], [1, 0]]) — (−1 + i)|1⟩⟨0|
 */
export function heisenberg(l: Lindbladian, o: Operator): Operator {
  assertOperator('heisenberg', 'o', o);
  assertSameDims('heisenberg', 'l', l, 'o', o);
  const x = o.matrix;
  let m = csrAdd(csrMatmul(x, l.left), csrMatmul(l.right, x));
  for (const s of l.sandwiches) {
    m = csrAdd(m, csrMatmul(csrMatmul(s.right, x), s.left), ONE, { re: s.rate, im: 0 });
  }
  return { dims: l.dims, matrix: m };
}
