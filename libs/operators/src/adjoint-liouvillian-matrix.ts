import { csrAdd, csrIdentity, csrKron, csrTranspose } from '@qsync/linalg';
import type { CsrMatrix } from '@qsync/linalg';
import type { Lindbladian } from './lindbladian';

const ONE = { re: 1, im: 0 };

/**
 * The n²×n² matrix of the Heisenberg generator L† of {@link heisenberg} (thesis Eq. 3.9) on
 * the row-major vectorisation vec(o)[i·n + j] = o_ij, i.e. vec(L†o) = M†·vec(o):
 * M† = 1 ⊗ leftᵀ + right ⊗ 1 + Σ_k rate_k B_k ⊗ A_kᵀ.
 * When L preserves Hermiticity (every Lindblad form, and cross dissipators in pairs
 * D[o1,o2] + D[o2,o1] with equal rates) this is the conjugate transpose of
 * `liouvillianMatrix(l)`.
 *
 * @param l - the Lindbladian, n = prod(l.dims)
 * @example
 * const s = spinHalfSpace();
 * adjointLiouvillianMatrix(lindbladian(sigmaZ(s), [{ rate: 1, jump: sigmaMinus(s) }])).rows; // 4
 */
export function adjointLiouvillianMatrix(l: Lindbladian): CsrMatrix {
  const id = csrIdentity(l.left.rows);
  let m = csrAdd(csrKron(id, csrTranspose(l.left)), csrKron(l.right, id));
  for (const s of l.sandwiches) {
    m = csrAdd(m, csrKron(s.right, csrTranspose(s.left)), ONE, { re: s.rate, im: 0 });
  }
  return m;
}
