import { csrAdd } from '@qsync/linalg';
import { assertOperator, assertSameDims } from './assert';
import type { Operator } from './operator';

/**
 * The collective operator S = Σ_i o_i, the sum of operators on the same space (typically
 * one operator embedded in each of N factors with `embed`).
 *
 * @param ops - one or more operators with equal dims
 * @example
 * const s = tensorSpace(spinHalfSpace(), spinHalfSpace());
 * const sz = collective([0, 1].map((i) => embed(sigmaZ(spinHalfSpace()), s, i)));
 * csrToDense(sz.matrix); // denseFromArrays([[-2, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 2]])
 */
export function collective(ops: readonly Operator[]): Operator {
  const fn = 'collective';
  if (!Array.isArray(ops) || ops.length < 1) {
    throw new Error(`${fn}: argument 'ops' must be a non-empty array of Operators`);
  }
  ops.forEach((o, k) => assertOperator(fn, `ops[${k}]`, o));
  let matrix = ops[0].matrix;
  for (let k = 1; k < ops.length; k++) {
    assertSameDims(fn, 'ops[0]', ops[0], `ops[${k}]`, ops[k]);
    matrix = csrAdd(matrix, ops[k].matrix);
  }
  return { dims: ops[0].dims, matrix };
}
