import { luFactorChecked, luSolveInto } from './lu-factor';
import { assertComplexVector, assertFinite } from './solver-asserts';
import type { DenseMatrix } from './types';

/**
 * Solves the complex linear system A·x = b by LU with partial pivoting
 * (see {@link luFactor}); for many right-hand sides factor once and call luSolveInto.
 *
 * @param a square complex n×n matrix (not modified); throws, naming the pivot, when it is
 *   numerically singular
 * @param b right-hand side, n interleaved complex numbers (length 2n)
 * @returns x, a new Float64Array of length 2n
 * @example
 * // [[1, i], [0, 2]] x = [1 + i, 2]  →  x = [1, 1]
 * solveDense(
 *   { rows: 2, cols: 2, data: Float64Array.of(1, 0, 0, 1, 0, 0, 2, 0) },
 *   Float64Array.of(1, 1, 2, 0),
 * ); // Float64Array [1, 0, 1, 0]
 */
export function solveDense(a: DenseMatrix, b: Float64Array): Float64Array {
  const f = luFactorChecked(a, 'solveDense', 'a');
  assertComplexVector('solveDense', 'b', b, a.rows);
  assertFinite('solveDense', 'b', b);
  return luSolveInto(new Float64Array(2 * a.rows), f, b);
}
