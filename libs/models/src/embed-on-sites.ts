// Internal helper of the models of several identical sites (not exported from the library).
import { embed, type Operator, type Space } from '@qsync/operators';

/**
 * One site operator placed on each of `count` consecutive tensor factors, first, first + 1, …:
 * o_i = 1 ⊗ … ⊗ o ⊗ … ⊗ 1 (thesis Eqs. 4.17, 4.25), the per-site operators of N identical
 * oscillators or spins.
 *
 * @param op - the operator on one site
 * @param space - the tensor space the sites are factors of
 * @param count - number of sites
 * @param first - tensor position of the first site (default 0)
 * @example
 * const mode = fockSpace(3);
 * const [a, b] = embedOnSites(destroy(mode), tensorSpace(mode, mode), 2); // a ⊗ 1, 1 ⊗ a
 * b.dims; // [3, 3]
 * embedOnSites(sigmaMinus(spinHalfSpace()), tensorSpace(mode, spinHalfSpace(), spinHalfSpace()), 2, 1).length; // 2
 */
export function embedOnSites(op: Operator, space: Space, count: number, first = 0): Operator[] {
  return Array.from({ length: count }, (_, i) => embed(op, space, first + i));
}
