import { steadyStateChunked } from '@qsync/integrators';
import type { PermutationInvariantInstance } from '@qsync/models';
import { dickeExpect, type DickeState } from '@qsync/operators';
import { solveSteadyState, type SolvedSteadyState } from './solve-steady-state';

/** What {@link computeDickeSteadyState} returns. */
export type DickeSteadyStateOutcome = SolvedSteadyState<DickeState>;

/**
 * The steady state of a permutation-invariant model (its blocks ρ_j in the Dicke basis, by
 * `steadyStateChunked` of @qsync/integrators, with progress) and ⟨O⟩ = Σ_j Tr[O_j ρ_j] of each
 * observable (`dickeExpect`). A solver error or a non-finite value is a {@link NumericalError}.
 *
 * @param model - the built model
 * @param observables - output name → operator name (validated)
 * @param onProgress - called with (done, total) steps of the solve
 * @example
 * // N = 2, V = 0: independent spins, s_z = (γ+ − γ−)/(γ+ + γ−) = 1/3
 * const model = modelCatalog['spin-ensemble-permutation-invariant'].build({ N: 2, V: 0, gammaPlus: 2, gammaMinus: 1 });
 * (await computeDickeSteadyState(model, { sz: 'sigmaZ' })).observables.sz.value; // ≈ { re: 0.333333, im: 0 }
 */
export async function computeDickeSteadyState(
  model: PermutationInvariantInstance,
  observables: Readonly<Record<string, string>>,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<DickeSteadyStateOutcome> {
  return solveSteadyState(steadyStateChunked(model.lindbladian), model.operators, observables, dickeExpect, onProgress);
}
