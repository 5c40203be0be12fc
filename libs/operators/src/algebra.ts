/**
 * Operator algebra: sums, products, scalar multiples, adjoint, complex conjugate, powers
 * and commutators of operators on the same space. Every function checks that the dims
 * agree and returns a new Operator.
 */
import { csrAdd, csrAdjoint, csrConjugate, csrIdentity, csrMatmul, csrScale } from '@qsync/linalg';
import type { Complex } from '@qsync/linalg';
import { assertOperator, assertSameDims, toComplex } from './assert';
import type { Operator } from './operator';

const MINUS_ONE: Complex = { re: -1, im: 0 };
const ONE: Complex = { re: 1, im: 0 };

function pair(fn: string, a: Operator, b: Operator): void {
  assertOperator(fn, 'a', a);
  assertOperator(fn, 'b', b);
  assertSameDims(fn, 'a', a, 'b', b);
}

/**
 * The sum a + b.
 *
 * @param a - operator
 * @param b - operator with the dims of a
 * @example
 * const s = spinHalfSpace();
 * csrToDense(plus(sigmaPlus(s), sigmaMinus(s)).matrix); // denseFromArrays([[0, 1], [1, 0]]) — σx
 */
export function plus(a: Operator, b: Operator): Operator {
  pair('plus', a, b);
  return { dims: a.dims, matrix: csrAdd(a.matrix, b.matrix) };
}

/**
 * The difference a − b.
 *
 * @param a - operator
 * @param b - operator with the dims of a
 * @example
 * const s = spinHalfSpace();
 * csrToDense(minus(sigmaPlus(s), sigmaMinus(s)).matrix); // denseFromArrays([[0, -1], [1, 0]])
 */
export function minus(a: Operator, b: Operator): Operator {
  pair('minus', a, b);
  return { dims: a.dims, matrix: csrAdd(a.matrix, b.matrix, ONE, MINUS_ONE) };
}

/**
 * The operator product a·b (b acts first).
 *
 * @param a - left factor
 * @param b - right factor, with the dims of a
 * @example
 * const f = fockSpace(3);
 * csrToDense(times(create(f), destroy(f)).matrix); // denseFromArrays([[0, 0, 0], [0, 1, 0], [0, 0, 2]]) — n
 */
export function times(a: Operator, b: Operator): Operator {
  pair('times', a, b);
  return { dims: a.dims, matrix: csrMatmul(a.matrix, b.matrix) };
}

/**
 * The scalar multiple c·a.
 *
 * @param a - operator
 * @param c - finite real or complex factor
 * @example
 * csrToDense(scaled(sigmaZ(spinHalfSpace()), 0.5).matrix); // denseFromArrays([[-0.5, 0], [0, 0.5]])
 */
export function scaled(a: Operator, c: number | Complex): Operator {
  assertOperator('scaled', 'a', a);
  const z = toComplex('scaled', 'c', c);
  return { dims: a.dims, matrix: csrScale(a.matrix, z) };
}

/**
 * The adjoint a† (conjugate transpose).
 *
 * @param a - operator
 * @example
 * const f = fockSpace(3);
 * csrToDense(dagger(destroy(f)).matrix); // csrToDense(create(f).matrix)
 */
export function dagger(a: Operator): Operator {
  assertOperator('dagger', 'a', a);
  return { dims: a.dims, matrix: csrAdjoint(a.matrix) };
}

/**
 * The entry-wise complex conjugate a* in the basis of the space (not the adjoint).
 *
 * @param a - operator
 * @example
 * csrToDense(conjugate(sigmaY(spinHalfSpace())).matrix); // denseFromArrays([[0, 0], [0, 0]], [[0, -1], [1, 0]]) — −σy
 */
export function conjugate(a: Operator): Operator {
  assertOperator('conjugate', 'a', a);
  return { dims: a.dims, matrix: csrConjugate(a.matrix) };
}

/**
 * The power a^k (a^0 = 1).
 *
 * @param a - operator
 * @param k - exponent, integer ≥ 0
 * @example
 * const f = fockSpace(3);
 * csrToDense(power(destroy(f), 2).matrix); // denseFromArrays([[0, 0, Math.SQRT2], [0, 0, 0], [0, 0, 0]])
 */
export function power(a: Operator, k: number): Operator {
  assertOperator('power', 'a', a);
  if (typeof k !== 'number' || !Number.isSafeInteger(k) || k < 0) {
    throw new Error(`power: argument 'k' must be an integer ≥ 0, got ${String(k)}`);
  }
  // Binary exponentiation: ⌈log2 k⌉ squarings.
  let result = csrIdentity(a.matrix.rows);
  let base = a.matrix;
  let e = k;
  let first = true;
  while (e > 0) {
    if (e & 1) {
      result = first ? base : csrMatmul(result, base);
      first = false;
    }
    e >>>= 1;
    if (e > 0) base = csrMatmul(base, base);
  }
  return { dims: a.dims, matrix: result };
}

/**
 * The commutator [a, b] = ab − ba.
 *
 * @param a - operator
 * @param b - operator with the dims of a
 * @example
 * const s = spinHalfSpace();
 * csrToDense(commutator(sigmaPlus(s), sigmaMinus(s)).matrix); // csrToDense(sigmaZ(s).matrix)
 */
export function commutator(a: Operator, b: Operator): Operator {
  pair('commutator', a, b);
  return { dims: a.dims, matrix: csrAdd(csrMatmul(a.matrix, b.matrix), csrMatmul(b.matrix, a.matrix), ONE, MINUS_ONE) };
}
