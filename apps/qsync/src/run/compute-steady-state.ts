import { tapProgress } from '@qsync/frames';
import { steadyStateChunked, type SteadyStateResult } from '@qsync/integrators';
import type { ModelInstance } from '@qsync/models';
import { expect, type DensityMatrix } from '@qsync/operators';
import { lastValueFrom } from 'rxjs';
import { NumericalError } from '../common/errors';
import type { SteadyObservable, SteadyStateInfo } from './results';

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
  let ss: SteadyStateResult<DensityMatrix>;
  try {
    ss = await lastValueFrom(steadyStateChunked(model.lindbladian).withProgress().pipe(tapProgress(({ done, total }) => onProgress(done, total))));
  } catch (e) {
    throw new NumericalError('steady state', e);
  }
  if (!Number.isFinite(ss.residual)) throw new NumericalError('steady state', `residual is ${ss.residual}`);
  const out: Record<string, SteadyObservable> = {};
  for (const [name, op] of Object.entries(observables)) {
    const v = expect(model.operators[op], ss.rho);
    if (!Number.isFinite(v.re) || !Number.isFinite(v.im)) {
      throw new NumericalError('steady state', `⟨${op}⟩ (observable '${name}') is not finite: ${v.re} + ${v.im}i`);
    }
    out[name] = { operator: op, value: { re: v.re, im: v.im } };
  }
  return {
    rho: ss.rho,
    info: { residual: ss.residual, solver: ss.method, blockSize: ss.blockSize, iterations: ss.iterations },
    observables: out,
  };
}
