import { tapProgress, type ChunkedObservable } from '@qsync/frames';
import type { SteadyStateResult } from '@qsync/integrators';
import type { Operator } from '@qsync/operators';
import { lastValueFrom } from 'rxjs';
import { NumericalError } from '../common/errors';
import type { ComplexValue, SteadyObservable, SteadyStateInfo } from './results';

/** What {@link solveSteadyState} returns. */
export interface SolvedSteadyState<S> {
  readonly state: S;
  readonly info: SteadyStateInfo;
  readonly observables: Record<string, SteadyObservable>;
}

/**
 * Runs a steady-state solve (a `steadyStateChunked` of @qsync/integrators, of a full or a
 * permutation-invariant Lindbladian), reporting its progress, and evaluates ⟨O⟩ of each
 * observable on the state with `expectation` (`expect` for a density matrix, `dickeExpect` for
 * Dicke blocks). The one loop behind `computeSteadyState` and `computeDickeSteadyState`: a solver
 * error, a non-finite residual or a non-finite ⟨O⟩ is a {@link NumericalError}.
 *
 * @param solve - the cold solve; subscribed once
 * @param operators - the model's operators by name
 * @param observables - output name → operator name (validated)
 * @param expectation - ⟨O⟩ of an operator on the solved state
 * @param onProgress - called with (done, total) steps of the solve
 * @example
 * import { dickeExpect } from '@qsync/operators';
 *
 * // N = 2, V = 0: independent spins, s_z = (γ+ − γ−)/(γ+ + γ−) = 1/3
 * const model = modelCatalog['spin-ensemble-permutation-invariant'].build({ N: 2, V: 0, gammaPlus: 2, gammaMinus: 1 });
 * const ss = await solveSteadyState(steadyStateChunked(model.lindbladian), model.operators, { sz: 'sigmaZ' }, dickeExpect);
 * ss.observables.sz.value; // ≈ { re: 0.333333, im: 0 }
 */
export async function solveSteadyState<S>(
  solve: ChunkedObservable<SteadyStateResult<S>>,
  operators: Readonly<Record<string, Operator>>,
  observables: Readonly<Record<string, string>>,
  expectation: (op: Operator, state: S) => ComplexValue,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<SolvedSteadyState<S>> {
  let ss: SteadyStateResult<S>;
  try {
    ss = await lastValueFrom(solve.withProgress().pipe(tapProgress(({ done, total }) => onProgress(done, total))));
  } catch (e) {
    throw new NumericalError('steady state', e);
  }
  if (!Number.isFinite(ss.residual)) throw new NumericalError('steady state', `residual is ${ss.residual}`);
  const out: Record<string, SteadyObservable> = {};
  for (const [name, op] of Object.entries(observables)) {
    const v = expectation(operators[op], ss.rho);
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
