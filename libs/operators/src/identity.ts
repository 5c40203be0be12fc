import { csrIdentity } from '@qsync/linalg';
import { assertSpace } from './assert';
import type { Operator } from './operator';
import type { Space } from './space';

/**
 * The identity operator 1 of a space.
 *
 * @param space - any space
 * @example
 * identity(tensorSpace(fockSpace(3), spinHalfSpace())).matrix.rows; // 6
 */
export function identity(space: Space): Operator {
  assertSpace('identity', 'space', space);
  return { dims: space.dims, matrix: csrIdentity(space.size) };
}
