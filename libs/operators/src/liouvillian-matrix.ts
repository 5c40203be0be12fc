import { csrAdd, csrIdentity, csrKron, csrTranspose } from '@qsync/linalg';
import type { CsrMatrix } from '@qsync/linalg';
import type { Lindbladian } from './lindbladian';

const ONE = { re: 1, im: 0 };

/**
 * The n²×n² matrix of the superoperator L (thesis Eq. 3.8) acting on the ROW-MAJOR
 * vectorisation vec(ρ)[i·n + j] = ρ_ij, i.e. vec(Lρ) = M·vec(ρ), using vec(AρB) = (A ⊗ Bᵀ)·vec(ρ):
 * M = left ⊗ 1 + 1 ⊗ rightᵀ + Σ_k rate_k A_k ⊗ B_kᵀ.
 * Note: QuTiP's `liouvillian` stacks COLUMNS (vec(ρ)[j·n + i] = ρ_ij); its matrix equals
 * P·M·P with P the index swap (i, j) ↔ (j, i).
 *
 * @param l - the Lindbladian, n = prod(l.dims)
 * @example
 * const s = spinHalfSpace();
 * const m = liouvillianMatrix(lindbladian(sigmaZ(s), [{ rate: 1, jump: sigmaMinus(s) }]));
 * m.rows; // 4
 */
export function liouvillianMatrix(l: Lindbladian): CsrMatrix {
  const id = csrIdentity(l.left.rows);
  let m = csrAdd(csrKron(l.left, id), csrKron(id, csrTranspose(l.right)));
  for (const s of l.sandwiches) {
    m = csrAdd(m, csrKron(s.left, csrTranspose(s.right)), ONE, { re: s.rate, im: 0 });
  }
  return m;
}
