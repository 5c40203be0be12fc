import { csrKron } from '@qsync/linalg';
import { assertOperator } from './assert';
import type { Operator } from './operator';

/**
 * The tensor product o_1 ⊗ o_2 ⊗ … of operators on different subsystems (kron order: the
 * first factor is the most significant basis index). The dims are concatenated.
 *
 * @param ops - one or more operators
 * @example
 * const f = fockSpace(3);
 * const ab = tensor(destroy(f), create(f)); // a ⊗ a†
 * ab.dims; // [3, 3]
 */
export function tensor(...ops: Operator[]): Operator {
  if (ops.length < 1) throw new Error(`tensor: argument 'ops' must hold at least one Operator, got none`);
  ops.forEach((o, k) => assertOperator('tensor', `ops[${k}]`, o));
  let matrix = ops[0].matrix;
  const dims = [...ops[0].dims];
  for (let k = 1; k < ops.length; k++) {
    matrix = csrKron(matrix, ops[k].matrix);
    dims.push(...ops[k].dims);
  }
  return { dims, matrix };
}
