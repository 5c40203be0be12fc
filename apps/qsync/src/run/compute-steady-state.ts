import { steadyStateChunked } from '@qsync/integrators';
import type { ModelInstance } from '@qsync/models';
import { expect, type DensityMatrix } from '@qsync/operators';
import type { SteadyObservable, SteadyStateInfo } from './results';
import { solveSteadyState } from './solve-steady-state';

/** What {@link computeSteadyState} returns. */
export interface SteadyStateOutcome {
  readonly rho: DensityMatrix;
  readonly info: SteadyStateInfo;
  readonly observables: Record<string, SteadyObservable>;
}

/**
 * The steady state ρ_ss of the model (`steadyStateChunked` of @qsync/integrators, method 'auto':
 * it yields to the event loop between chunks of the solve and reports how far it is) and
 * ⟨O⟩ = Tr[O ρ_ss] for each observable. A solver error or a non-finite value is a
 * {@link NumericalError}.
 *
 * @param model - the built model
 * @param observables - output name → operator name (validated)
 * @param onProgress - called with (done, total) steps of the solve
 * @example
 * // the quantum limit of one vdP oscillator (κ = 0, κ2 ≫ κ1): populations (2/3, 1/3), so ⟨n⟩ = 1/3
 * const model = modelCatalog['quantum-vdp'].build({ cutoff: 5, kappa1: 1, kappa2: 1e4 });
 * (await computeSteadyState(model, { n: 'n' })).observables.n.value; // ≈ { re: 0.333, im: 0 }
 */
export async function computeSteadyState(
  model: ModelInstance,
  observables: Readonly<Record<string, string>>,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<SteadyStateOutcome> {
  const { state, info, observables: values } = await solveSteadyState(steadyStateChunked(model.lindbladian), model.operators, observables, expect, onProgress);
  return { rho: state, info, observables: values };
}
