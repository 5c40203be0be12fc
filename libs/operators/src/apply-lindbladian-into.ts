import { csrDenseMatmulInto, denseCsrMatmulInto, denseZeros, zaxpy } from '@qsync/linalg';
import type { DenseMatrix } from '@qsync/linalg';
import type { Lindbladian } from './lindbladian';

function checkSquare(name: string, m: DenseMatrix, n: number): void {
  if (m == null || m.rows !== n || m.cols !== n || !(m.data instanceof Float64Array) || m.data.length !== 2 * n * n) {
    const got = m == null ? String(m) : `${m.rows}×${m.cols}`;
    throw new Error(`applyLindbladianInto: argument '${name}' must be a ${n}×${n} DenseMatrix, got ${got}`);
  }
}

/**
 * Writes Lρ = left·ρ + ρ·right + Σ_k rate_k A_k ρ B_k (thesis Eq. 3.8) into `out`; returns
 * `out`. A simple reference implementation by sparse×dense products; it allocates two n×n
 * scratch matrices per call (the allocation-free version for time stepping belongs to the
 * integrators library).
 *
 * @param out - n×n result (overwritten); must not share memory with rho
 * @param l - the Lindbladian (n = prod(l.dims))
 * @param rho - n×n density matrix ρ (any complex matrix)
 * @example
 * // amplitude damping at rate γ = 2 of a spin-1/2 excited state: ρ̇_11 = −2
 * const s = spinHalfSpace();
 * const l = lindbladian(scaled(identity(s), 0), [{ rate: 2, jump: sigmaMinus(s) }]);
 * const out = applyLindbladianInto(denseZeros(2, 2), l, pureState(fockKet(s, 1)).matrix);
 * out.data[6]; // -2
 */
export function applyLindbladianInto(out: DenseMatrix, l: Lindbladian, rho: DenseMatrix): DenseMatrix {
  const n = l.left.rows;
  checkSquare('out', out, n);
  checkSquare('rho', rho, n);
  if (out.data === rho.data) {
    throw new Error(`applyLindbladianInto: argument 'out' must not share memory with 'rho'`);
  }
  const t1 = denseZeros(n, n);
  const t2 = denseZeros(n, n);
  csrDenseMatmulInto(out, l.left, rho);
  denseCsrMatmulInto(t1, rho, l.right);
  zaxpy(1, t1.data, out.data);
  for (const s of l.sandwiches) {
    csrDenseMatmulInto(t1, s.left, rho);
    denseCsrMatmulInto(t2, t1, s.right);
    zaxpy(s.rate, t2.data, out.data);
  }
  return out;
}
