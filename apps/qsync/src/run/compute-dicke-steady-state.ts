import { tapProgress } from '@qsync/frames';
import { steadyStateChunked, type SteadyStateResult } from '@qsync/integrators';
import type { PermutationInvariantInstance } from '@qsync/models';
import { dickeExpect, type DickeState } from '@qsync/operators';
import { lastValueFrom } from 'rxjs';
import { NumericalError } from '../common/errors';
import type { SteadyObservable, SteadyStateInfo } from './results';

/** What {@link computeDickeSteadyState} returns. */
export interface DickeSteadyStateOutcome {
  readonly state: DickeState;
  readonly info: SteadyStateInfo;
  readonly observables: Record<string, SteadyObservable>;
}

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
  let ss: SteadyStateResult<DickeState>;
  try {
    ss = await lastValueFrom(steadyStateChunked(model.lindbladian).withProgress().pipe(tapProgress(({ done, total }) => onProgress(done, total))));
  } catch (e) {
    throw new NumericalError('steady state', e);
  }
  if (!Number.isFinite(ss.residual)) throw new NumericalError('steady state', `residual is ${ss.residual}`);
  const out: Record<string, SteadyObservable> = {};
  for (const [name, op] of Object.entries(observables)) {
    const v = dickeExpect(model.operators[op], ss.rho);
    if (!Number.isFinite(v.re) || !Number.isFinite(v.im)) {
      throw new NumericalError('steady state', `⟨${op}⟩ (observable '${name}') is not finite: ${v.re} + ${v.im}i`);
    }
    out[name] = { operator: op, value: { re: v.re, im: v.im } };
  }
  return {
    state: ss.rho,
    info: { residual: ss.residual, solver: ss.method, blockSize: ss.blockSize, iterations: ss.iterations },
    observables: out,
  };
}
