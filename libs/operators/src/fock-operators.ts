import { csrFromTriplets } from '@qsync/linalg';
import { assertSpace } from './assert';
import type { Operator } from './operator';
import type { Space } from './space';

function ladder(fn: string, space: Space, raise: boolean): Operator {
  assertSpace(fn, 'space', space, ['fock']);
  const n = space.size;
  const rows: number[] = [];
  const cols: number[] = [];
  const vals: number[] = [];
  for (let k = 1; k < n; k++) {
    // a|k⟩ = √k |k−1⟩, a†|k−1⟩ = √k |k⟩
    rows.push(raise ? k : k - 1);
    cols.push(raise ? k - 1 : k);
    vals.push(Math.sqrt(k));
  }
  return { dims: space.dims, matrix: csrFromTriplets(n, n, rows, cols, vals) };
}

/**
 * The annihilation operator a of a truncated Fock space: a|n⟩ = √n |n−1⟩ (a|0⟩ = 0).
 *
 * @param space - a Fock space (`fockSpace(N)`); other kinds throw
 * @example
 * const a = destroy(fockSpace(3));
 * csrToDense(a.matrix); // denseFromArrays([[0, 1, 0], [0, 0, Math.SQRT2], [0, 0, 0]])
 */
export function destroy(space: Space): Operator {
  return ladder('destroy', space, false);
}

/**
 * The creation operator a† of a truncated Fock space: a†|n⟩ = √(n+1) |n+1⟩ for n < N−1,
 * and a†|N−1⟩ = 0 (truncation; hence [a, a†] = 1 except on the top level).
 *
 * @param space - a Fock space (`fockSpace(N)`); other kinds throw
 * @example
 * const ad = create(fockSpace(3));
 * csrToDense(ad.matrix); // denseFromArrays([[0, 0, 0], [1, 0, 0], [0, Math.SQRT2, 0]])
 */
export function create(space: Space): Operator {
  return ladder('create', space, true);
}

/**
 * The number operator n = a†a = diag(0, 1, …, N−1) of a truncated Fock space (QuTiP's `num`).
 *
 * @param space - a Fock space (`fockSpace(N)`); other kinds throw
 * @example
 * csrToDense(num(fockSpace(3)).matrix); // denseFromArrays([[0, 0, 0], [0, 1, 0], [0, 0, 2]])
 */
export function num(space: Space): Operator {
  assertSpace('num', 'space', space, ['fock']);
  const n = space.size;
  const idx: number[] = [];
  const vals: number[] = [];
  for (let k = 1; k < n; k++) {
    idx.push(k);
    vals.push(k);
  }
  return { dims: space.dims, matrix: csrFromTriplets(n, n, idx, idx, vals) };
}
