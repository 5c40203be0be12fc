import { csrIdentity, csrKron } from '@qsync/linalg';
import { assertIndex, assertOperator, assertSpace, dimsString } from './assert';
import type { Operator } from './operator';
import type { Space } from './space';

/**
 * The operator o_i = 1 ⊗ … ⊗ o ⊗ … ⊗ 1 acting as `op` on factor `index` of a tensor space
 * and as the identity elsewhere, thesis Eqs. (4.17), (4.25). An operator on k factors
 * (op.dims of length k) is placed on factors index…index+k−1. Factor indices start at 0
 * (the thesis's subsystem i is index i−1).
 *
 * @param op - operator whose dims equal space.dims[index…index+k−1]
 * @param space - a tensor space (`tensorSpace(…)`)
 * @param index - first factor that `op` acts on, integer in 0…dims.length−k
 * @example
 * const s = tensorSpace(fockSpace(3), fockSpace(3));
 * const b = embed(destroy(fockSpace(3)), s, 1); // 1 ⊗ a
 * b.dims; // [3, 3]
 * b.matrix.rows; // 9
 */
export function embed(op: Operator, space: Space, index: number): Operator {
  const fn = 'embed';
  assertOperator(fn, 'op', op);
  assertSpace(fn, 'space', space, ['tensor']);
  const k = op.dims.length;
  assertIndex(fn, 'index', index, space.dims.length - k + 1, 'factor');
  const target = space.dims.slice(index, index + k);
  if (!target.every((d, m) => d === op.dims[m])) {
    throw new Error(
      `${fn}: argument 'op' has dims ${dimsString(op.dims)} but factor(s) ${index}…${index + k - 1} of 'space' ` +
        `have dims ${dimsString(target)}`,
    );
  }
  let left = 1;
  for (let m = 0; m < index; m++) left *= space.dims[m];
  let right = 1;
  for (let m = index + k; m < space.dims.length; m++) right *= space.dims[m];
  let matrix = op.matrix;
  if (left > 1) matrix = csrKron(csrIdentity(left), matrix);
  if (right > 1) matrix = csrKron(matrix, csrIdentity(right));
  return { dims: space.dims, matrix };
}
