import { assertDensityMatrix, dimsString } from './assert';
import type { DensityMatrix } from './state';

/**
 * The reduced state Tr_{traced}[ρ] keeping the subsystems listed in `keep`
 * ((ρ_K)_{i j} = Σ_t ρ_{(i,t),(j,t)}). Like QuTiP's ptrace, the kept subsystems stay in
 * their original order whatever the order of `keep`. Cost O(n · n_K), n = prod(dims).
 *
 * @param rho - density matrix with dims (d_0, …, d_{m−1})
 * @param keep - indices of the subsystems to keep, distinct integers in 0…m−1, at least one
 * @example
 * const f = fockSpace(2);
 * const rho = tensorState(pureState(fockKet(f, 1)), pureState(fockKet(f, 0)));
 * partialTrace(rho, [0]).matrix; // denseFromArrays([[0, 0], [0, 1]]) — |1⟩⟨1|
 */
export function partialTrace(rho: DensityMatrix, keep: readonly number[]): DensityMatrix {
  const fn = 'partialTrace';
  assertDensityMatrix(fn, 'rho', rho);
  const dims = rho.dims;
  const m = dims.length;
  if (!Array.isArray(keep) || keep.length < 1) {
    throw new Error(`${fn}: argument 'keep' must be a non-empty array of subsystem indices in 0…${m - 1}`);
  }
  const kept = new Array<boolean>(m).fill(false);
  for (const k of keep) {
    if (typeof k !== 'number' || !Number.isSafeInteger(k) || k < 0 || k >= m) {
      throw new Error(
        `${fn}: argument 'keep' must hold subsystem indices in 0…${m - 1} (rho has dims ${dimsString(dims)}), got ${String(k)}`,
      );
    }
    if (kept[k]) throw new Error(`${fn}: argument 'keep' lists subsystem ${k} twice`);
    kept[k] = true;
  }
  const n = rho.matrix.rows;
  let nk = 1;
  for (let s = 0; s < m; s++) if (kept[s]) nk *= dims[s];
  const nt = n / nk;
  // fullOf[t·nk + i] = full basis index of (kept index i, traced index t)
  const fullOf = new Int32Array(n);
  for (let f = 0; f < n; f++) {
    let rest = f;
    let i = 0;
    let t = 0;
    let si = 1;
    let st = 1;
    for (let s = m - 1; s >= 0; s--) {
      const digit = rest % dims[s];
      rest = (rest - digit) / dims[s];
      if (kept[s]) {
        i += digit * si;
        si *= dims[s];
      } else {
        t += digit * st;
        st *= dims[s];
      }
    }
    fullOf[t * nk + i] = f;
  }
  const src = rho.matrix.data;
  const data = new Float64Array(2 * nk * nk);
  for (let t = 0; t < nt; t++) {
    const base = t * nk;
    for (let i = 0; i < nk; i++) {
      const row = fullOf[base + i] * n;
      for (let j = 0; j < nk; j++) {
        const p = 2 * (row + fullOf[base + j]);
        const q = 2 * (i * nk + j);
        data[q] += src[p];
        data[q + 1] += src[p + 1];
      }
    }
  }
  return { dims: dims.filter((_, s) => kept[s]), matrix: { rows: nk, cols: nk, data } };
}
