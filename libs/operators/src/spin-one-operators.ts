import { csrFromTriplets } from '@qsync/linalg';
import { assertSpace } from './assert';
import type { Operator } from './operator';
import type { Space } from './space';

const R2 = Math.SQRT2;

// Matrices in the basis (|0⟩, |1⟩, |2⟩), Sz = diag(−1, 0, +1), thesis Ch. 5 near Eq. (5.1).
function spinOne(fn: string, space: Space, rows: number[], cols: number[], re: number[], im: number[]): Operator {
  assertSpace(fn, 'space', space, ['spin-1']);
  return { dims: space.dims, matrix: csrFromTriplets(3, 3, rows, cols, re, im) };
}

/**
 * S+ = √2(|2⟩⟨1| + |1⟩⟨0|) of a spin-1 (thesis Ch. 5).
 *
 * @param space - a spin-1 space (`spinOneSpace()`); other kinds throw
 * @example
 * csrToDense(spinPlus(spinOneSpace()).matrix); // denseFromArrays([[0, 0, 0], [Math.SQRT2, 0, 0], [0, Math.SQRT2, 0]])
 */
export function spinPlus(space: Space): Operator {
  return spinOne('spinPlus', space, [1, 2], [0, 1], [R2, R2], [0, 0]);
}

/**
 * S− = (S+)† = √2(|1⟩⟨2| + |0⟩⟨1|) of a spin-1.
 *
 * @param space - a spin-1 space; other kinds throw
 * @example
 * csrToDense(spinMinus(spinOneSpace()).matrix); // denseFromArrays([[0, Math.SQRT2, 0], [0, 0, Math.SQRT2], [0, 0, 0]])
 */
export function spinMinus(space: Space): Operator {
  return spinOne('spinMinus', space, [0, 1], [1, 2], [R2, R2], [0, 0]);
}

/**
 * Sz = |2⟩⟨2| − |0⟩⟨0| of a spin-1.
 *
 * @param space - a spin-1 space; other kinds throw
 * @example
 * csrToDense(spinZ(spinOneSpace()).matrix); // denseFromArrays([[-1, 0, 0], [0, 0, 0], [0, 0, 1]])
 */
export function spinZ(space: Space): Operator {
  return spinOne('spinZ', space, [0, 2], [0, 2], [-1, 1], [0, 0]);
}

/**
 * Sx = (S+ + S−)/2 of a spin-1.
 *
 * @param space - a spin-1 space; other kinds throw
 * @example
 * csrToDense(spinX(spinOneSpace()).matrix); // denseScale(denseFromArrays([[0, 1, 0], [1, 0, 1], [0, 1, 0]]), Math.SQRT1_2)
 */
export function spinX(space: Space): Operator {
  const h = R2 / 2;
  return spinOne('spinX', space, [0, 1, 1, 2], [1, 0, 2, 1], [h, h, h, h], [0, 0, 0, 0]);
}

/**
 * Sy = i(S− − S+)/2 of a spin-1, as below thesis Eq. (5.4).
 *
 * @param space - a spin-1 space; other kinds throw
 * @example
 * const sy = denseFromArrays([[0, 0, 0], [0, 0, 0], [0, 0, 0]], [[0, 1, 0], [-1, 0, 1], [0, -1, 0]]);
 * csrToDense(spinY(spinOneSpace()).matrix); // denseScale(sy, Math.SQRT1_2) — [[0, i, 0], [−i, 0, i], [0, −i, 0]]/√2
 */
export function spinY(space: Space): Operator {
  const h = R2 / 2;
  return spinOne('spinY', space, [0, 1, 1, 2], [1, 0, 2, 1], [0, 0, 0, 0], [h, -h, h, -h]);
}
