import { assertIndex, assertSpace } from './assert';
import type { Space } from './space';
import type { Ket } from './state';

/**
 * The basis ket |n⟩: a Fock (number) state of a Fock space, or level |n⟩ of a spin or
 * N-level space.
 *
 * @param space - an elementary space (fock, spin-1/2, spin-1 or levels; use `tensorKet` for products)
 * @param n - level, integer in 0…size−1
 * @example
 * fockKet(fockSpace(3), 1).data; // [0, 0, 1, 0, 0, 0]
 */
export function fockKet(space: Space, n: number): Ket {
  assertSpace('fockKet', 'space', space, ['fock', 'spin-1/2', 'spin-1', 'levels']);
  assertIndex('fockKet', 'n', n, space.size);
  const data = new Float64Array(2 * space.size);
  data[2 * n] = 1;
  return { dims: space.dims, data };
}
