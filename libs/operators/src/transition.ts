import { csrFromTriplets } from '@qsync/linalg';
import { assertIndex, assertSpace } from './assert';
import type { Operator } from './operator';
import type { Space } from './space';

/**
 * The transition operator |i⟩⟨j| (N-level systems; any space, with basis indices of the
 * whole space, first factor most significant).
 *
 * @param space - the space, of size n
 * @param i - target level, integer in 0…n−1
 * @param j - source level, integer in 0…n−1
 * @example
 * csrToDense(transition(levelSpace(3), 2, 0).matrix); // denseFromArrays([[0, 0, 0], [0, 0, 0], [1, 0, 0]])
 */
export function transition(space: Space, i: number, j: number): Operator {
  assertSpace('transition', 'space', space);
  assertIndex('transition', 'i', i, space.size);
  assertIndex('transition', 'j', j, space.size);
  return { dims: space.dims, matrix: csrFromTriplets(space.size, space.size, [i], [j], [1]) };
}
