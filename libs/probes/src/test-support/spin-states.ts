/**
 * Two-spin states for the spin probes' specs (test support, not part of the public entry), written
 * with plain loops and no code of src/.
 */
import type { DensityInput } from '../density-input';
import { pure } from './states';

/** A random pure state of two spins, ψ with entries uniform in the unit square, normalised. */
export function randomPairKet(rand: () => number): Float64Array {
  const psi = new Float64Array(8);
  let norm = 0;
  for (let k = 0; k < 8; k++) {
    psi[k] = 2 * rand() - 1;
    norm += psi[k] * psi[k];
  }
  for (let k = 0; k < 8; k++) psi[k] /= Math.sqrt(norm);
  return psi;
}

/** (|0,1⟩ + e^{iχ}|1,0⟩)/√2 as a density matrix (index of |a, b⟩ = 2a + b). */
export function correlatedPair(chi: number): DensityInput {
  const psi = new Float64Array(8);
  psi[2 * 1] = Math.SQRT1_2;
  psi[2 * 2] = Math.SQRT1_2 * Math.cos(chi);
  psi[2 * 2 + 1] = Math.SQRT1_2 * Math.sin(chi);
  return pure(psi, [2, 2]);
}
