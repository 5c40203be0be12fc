import { expect, type DensityMatrix } from '@qsync/operators';
import type { CumulantEquations } from './cumulant-equations';
import { toOperator } from './to-operator';

/**
 * The moment variables of a system of cumulant equations in a density matrix, as the y of its
 * right-hand side: y[m.offset] = Re Tr[m ρ] (and y[m.offset + 1] = Im for complex moments).
 * The initial condition of a cumulant run, or the state at which to compare its right-hand side
 * with the master equation's.
 *
 * @param equations - from `cumulantEquations`
 * @param rho - a density matrix whose dims are the site dimensions (2 per spin, a Fock cutoff per boson)
 * @example
 * // a spin in |1⟩ (all up): ⟨σz⟩ = 1
 * const alg = operatorAlgebra({ sites: [{ kind: 'spin', name: '1' }] });
 * const eqs = cumulantEquations({ hamiltonian: alg.sigmaX(0), dissipators: [{ rate: 1, jump: alg.sigmaMinus(0) }] }, { moments: [alg.sigmaZ(0)], order: 1 });
 * const s = spinHalfSpace();
 * momentsOf(eqs, pureState(fockKet(s, 1))); // Float64Array [0, 0, 1] — Re⟨σ+⟩, Im⟨σ+⟩, ⟨σz⟩
 */
export function momentsOf(equations: CumulantEquations, rho: DensityMatrix): Float64Array {
  if (equations === null || typeof equations !== 'object' || !Array.isArray(equations.moments as unknown)) {
    throw new Error("momentsOf: argument 'equations' must come from cumulantEquations");
  }
  if (rho === null || typeof rho !== 'object' || !Array.isArray(rho.dims)) throw new Error("momentsOf: argument 'rho' must be a DensityMatrix");
  const y = new Float64Array(equations.size);
  for (const m of equations.moments) {
    const v = expect(toOperator(m.operator, rho.dims), rho);
    y[m.offset] = v.re;
    if (!m.real) y[m.offset + 1] = v.im;
  }
  return y;
}
