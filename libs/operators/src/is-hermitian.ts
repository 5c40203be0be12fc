import { csrHermitianDefect, csrNormFrobenius } from '@qsync/linalg';
import { assertOperator } from './assert';
import type { Operator } from './operator';

/**
 * Whether an operator is Hermitian to a relative tolerance:
 * max_ij |o_ij − conj(o_ji)| ≤ tol·max(1, ‖o‖_F) (‖·‖_F the Frobenius norm, an upper bound
 * of the largest entry).
 *
 * @param op - operator
 * @param tol - relative tolerance, finite ≥ 0 (default 1e-12, a few thousand ulps of 1)
 * @example
 * isHermitian(sigmaX(spinHalfSpace())); // true
 * isHermitian(sigmaPlus(spinHalfSpace())); // false
 */
export function isHermitian(op: Operator, tol = 1e-12): boolean {
  assertOperator('isHermitian', 'op', op);
  if (typeof tol !== 'number' || !Number.isFinite(tol) || tol < 0) {
    throw new Error(`isHermitian: argument 'tol' must be a finite number ≥ 0, got ${String(tol)}`);
  }
  return csrHermitianDefect(op.matrix) <= tol * Math.max(1, csrNormFrobenius(op.matrix));
}
