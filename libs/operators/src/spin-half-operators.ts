import { csrFromTriplets } from '@qsync/linalg';
import { assertSpace } from './assert';
import type { Operator } from './operator';
import type { Space } from './space';

// Matrices in the basis (|0⟩, |1⟩) of thesis Eq. (4.24), σz|1⟩ = +|1⟩.
function pauli(fn: string, space: Space, rows: number[], cols: number[], re: number[], im: number[]): Operator {
  assertSpace(fn, 'space', space, ['spin-1/2']);
  return { dims: space.dims, matrix: csrFromTriplets(2, 2, rows, cols, re, im) };
}

/**
 * σ+ = |1⟩⟨0| of a spin-1/2, thesis Eq. (4.24).
 *
 * @param space - a spin-1/2 space (`spinHalfSpace()`); other kinds throw
 * @example
 * csrToDense(sigmaPlus(spinHalfSpace()).matrix); // denseFromArrays([[0, 0], [1, 0]])
 */
export function sigmaPlus(space: Space): Operator {
  return pauli('sigmaPlus', space, [1], [0], [1], [0]);
}

/**
 * σ− = |0⟩⟨1| of a spin-1/2, thesis Eq. (4.24).
 *
 * @param space - a spin-1/2 space; other kinds throw
 * @example
 * csrToDense(sigmaMinus(spinHalfSpace()).matrix); // denseFromArrays([[0, 1], [0, 0]])
 */
export function sigmaMinus(space: Space): Operator {
  return pauli('sigmaMinus', space, [0], [1], [1], [0]);
}

/**
 * σz = |1⟩⟨1| − |0⟩⟨0| of a spin-1/2, thesis Eq. (4.24).
 *
 * @param space - a spin-1/2 space; other kinds throw
 * @example
 * csrToDense(sigmaZ(spinHalfSpace()).matrix); // denseFromArrays([[-1, 0], [0, 1]])
 */
export function sigmaZ(space: Space): Operator {
  return pauli('sigmaZ', space, [0, 1], [0, 1], [-1, 1], [0, 0]);
}

/**
 * σx = σ+ + σ− of a spin-1/2, thesis Eq. (4.24).
 *
 * @param space - a spin-1/2 space; other kinds throw
 * @example
 * csrToDense(sigmaX(spinHalfSpace()).matrix); // denseFromArrays([[0, 1], [1, 0]])
 */
export function sigmaX(space: Space): Operator {
  return pauli('sigmaX', space, [0, 1], [1, 0], [1, 1], [0, 0]);
}

/**
 * σy = i(σ− − σ+) of a spin-1/2, thesis Eq. (4.24): ⟨0|σy|1⟩ = i, ⟨1|σy|0⟩ = −i (the
 * textbook Pauli σy in the ordered basis (|1⟩, |0⟩)).
 *
 * @param space - a spin-1/2 space; other kinds throw
 * @example
 * csrToDense(sigmaY(spinHalfSpace()).matrix); // denseFromArrays([[0, 0], [0, 0]], [[0, 1], [-1, 0]]) — [[0, i], [−i, 0]]
 */
export function sigmaY(space: Space): Operator {
  return pauli('sigmaY', space, [0, 1], [1, 0], [0, 0], [1, -1]);
}
