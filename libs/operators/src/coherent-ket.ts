import type { Complex } from '@qsync/linalg';
import { assertSpace, toComplex } from './assert';
import type { Space } from './space';
import type { Ket } from './state';

/**
 * The coherent state |α⟩ truncated to the Fock space, by its Fock expansion (thesis,
 * footnote to Eq. 4.11): c_n = e^{−|α|²/2} αⁿ / √(n!) for n < N. The truncated ket is NOT
 * renormalised, so ‖ψ‖² = Σ_{n<N} |c_n|² ≤ 1, short of 1 by the weight of the tail n ≥ N
 * (this matches QuTiP's `coherent(N, alpha, method='analytic')`). Choose N so that the tail
 * is negligible (roughly N ≳ |α|² + 6|α| + 10). Magnitudes are computed in the log domain, so
 * large |α| does not underflow e^{−|α|²/2}.
 *
 * @param space - a Fock space
 * @param alpha - complex amplitude α (finite)
 * @example
 * const psi = coherentKet(fockSpace(30), { re: 1, im: 0 });
 * psi.data[2]; // Math.exp(-0.5) — the amplitude of |1⟩ is α e^{−|α|²/2}
 */
export function coherentKet(space: Space, alpha: Complex): Ket {
  assertSpace('coherentKet', 'space', space, ['fock']);
  const a = toComplex('coherentKet', 'alpha', alpha);
  const n = space.size;
  const data = new Float64Array(2 * n);
  const r = Math.hypot(a.re, a.im);
  if (r === 0) {
    data[0] = 1;
    return { dims: space.dims, data };
  }
  const phi = Math.atan2(a.im, a.re);
  const logR = Math.log(r);
  let logFactorial = 0;
  for (let k = 0; k < n; k++) {
    if (k > 0) logFactorial += Math.log(k);
    const mag = Math.exp(-0.5 * r * r + k * logR - 0.5 * logFactorial);
    data[2 * k] = mag * Math.cos(k * phi);
    data[2 * k + 1] = mag * Math.sin(k * phi);
  }
  return { dims: space.dims, data };
}
