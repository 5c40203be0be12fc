import { assertSpace } from './assert';
import type { Space } from './space';
import type { DensityMatrix } from './state';

/**
 * The thermal state of a truncated mode with mean occupation n̄: Bose–Einstein populations
 * p_n ∝ (n̄/(1+n̄))ⁿ for n < N, renormalised to Σ p_n = 1 after truncation (so the mean
 * occupation of the result is slightly below n̄ when the cutoff N is not ≫ n̄).
 *
 * @param space - a Fock space
 * @param nbar - mean occupation n̄ of the untruncated state, finite ≥ 0 (0 gives |0⟩⟨0|)
 * @example
 * const rho = thermalState(fockSpace(2), 1);
 * rho.matrix.data[0]; // 2 / 3 — p = (1/2, 1/4)/(3/4)
 */
export function thermalState(space: Space, nbar: number): DensityMatrix {
  assertSpace('thermalState', 'space', space, ['fock']);
  if (typeof nbar !== 'number' || !Number.isFinite(nbar) || nbar < 0) {
    throw new Error(`thermalState: argument 'nbar' must be a finite mean occupation ≥ 0, got ${String(nbar)}`);
  }
  const n = space.size;
  const x = nbar / (1 + nbar);
  const p = new Float64Array(n);
  let w = 1;
  let sum = 0;
  for (let k = 0; k < n; k++) {
    p[k] = w;
    sum += w;
    w *= x;
  }
  const data = new Float64Array(2 * n * n);
  for (let k = 0; k < n; k++) data[2 * (k * n + k)] = p[k] / sum;
  return { dims: space.dims, matrix: { rows: n, cols: n, data } };
}
