import { conjugate, scaled } from './algebra';
import { lindbladian } from './lindbladian';
import type { Dissipator, Lindbladian } from './lindbladian';

/**
 * The complex-conjugate Liouvillian L* of thesis Eq. (6.15): H → −H*, every jump operator
 * J → J* (and o2 → o2* for cross dissipators), rates unchanged, so that
 * L*ρ = +i[H*, ρ] + Σ_k rate_k D[o1_k*, o2_k*]ρ and liouvillianMatrix(L*) is the entry-wise
 * conjugate of liouvillianMatrix(L). (Conjugation is in the basis of the space.)
 *
 * @param l - the Lindbladian
 * @example
 * const s = spinHalfSpace();
 * const l = lindbladian(sigmaY(s), []);
 * csrToDense(conjugateLindbladian(l).hamiltonian.matrix); // csrToDense(sigmaY(s).matrix) — −σy* = σy
 */
export function conjugateLindbladian(l: Lindbladian): Lindbladian {
  const dissipators: Dissipator[] = l.dissipators.map((d) =>
    d.jump2 === undefined
      ? { rate: d.rate, jump: conjugate(d.jump) }
      : { rate: d.rate, jump: conjugate(d.jump), jump2: conjugate(d.jump2) },
  );
  return lindbladian(scaled(conjugate(l.hamiltonian), -1), dissipators);
}
