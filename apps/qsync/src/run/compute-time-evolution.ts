import { tapProgress, type Frame } from '@qsync/frames';
import { tap } from 'rxjs';
import { mesolve } from '@qsync/integrators';
import type { ModelInstance } from '@qsync/models';
import type { DensityMatrix } from '@qsync/operators';
import { NumericalError } from '../common/errors';
import { initialDensity } from './initial-state';
import type { ObservableSeries, TimeEvolutionInfo } from './results';
import type { TimeEvolutionScenario } from '../scenario/scenario-types';
import { timeGridValues } from '../scenario/time-grid-values';

/** What {@link computeTimeEvolution} returns. */
export interface TimeEvolutionOutcome {
  /** ρ at the last output time (only when the scenario has probes, else null). */
  readonly finalRho: DensityMatrix | null;
  readonly info: TimeEvolutionInfo;
  readonly observables: Record<string, ObservableSeries>;
}

/** Prefix of the mesolve channels that carry observables (keeps 'trace' and 'rho' free). */
const CHANNEL = 'obs:';

/**
 * Integrates the master equation (`mesolve` of @qsync/integrators, adaptive Dormand–Prince with
 * the scenario's tolerances) from the scenario's initial state and records ⟨O⟩(t) of each
 * observable and Tr ρ(t) at the output times; keeps ρ of the last time for the probes.
 * An integrator error or a non-finite value is a {@link NumericalError}.
 *
 * @param scenario - a validated time-evolution scenario
 * @param model - the model built from it
 * @param onProgress - called with (done, total) output times
 * @example
 * // a damped oscillator from |1⟩: ⟨n⟩(t) = e^{−t}
 * const scenario = validateScenario({
 *   model: 'quantum-vdp', parameters: { cutoff: 6, kappa1: 0, kappa2: 0, kappa: 1 }, method: 'time-evolution',
 *   initialState: { type: 'fock', n: { a: 1 } }, times: { start: 0, stop: 1, count: 2 }, observables: { n: 'n' },
 * });
 * const model = modelCatalog['quantum-vdp'].build(scenario.parameters);
 * const { observables } = await computeTimeEvolution(scenario, model);
 * observables.n.final; // ≈ { re: 0.367879, im: 0 } — e^{−1} at times.stop
 */
export function computeTimeEvolution(
  scenario: TimeEvolutionScenario,
  model: ModelInstance,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<TimeEvolutionOutcome> {
  const times = timeGridValues(scenario.times);
  const names = Object.keys(scenario.observables);
  const expect = Object.fromEntries(names.map((name) => [CHANNEL + name, model.operators[scenario.observables[name]]]));
  const re = names.map(() => new Float64Array(times.length));
  const im = names.map(() => new Float64Array(times.length));
  const trace = new Float64Array(times.length);
  const n = model.space.size;
  const wantState = scenario.probes.length > 0;
  let finalRho: DensityMatrix | null = null;
  let k = 0;

  const record = (frame: Frame): void => {
    const tr = frame.channels.trace;
    trace[k] = tr.kind === 'real' ? tr.value : NaN;
    if (!Number.isFinite(trace[k])) throw new NumericalError('time evolution', `Tr ρ is not finite at t = ${frame.t}`);
    names.forEach((name, i) => {
      const c = frame.channels[CHANNEL + name];
      re[i][k] = c.kind === 'complex' ? c.re : NaN;
      im[i][k] = c.kind === 'complex' ? c.im : NaN;
      if (!Number.isFinite(re[i][k]) || !Number.isFinite(im[i][k])) {
        throw new NumericalError(
          'time evolution',
          `⟨${scenario.observables[name]}⟩ (observable '${name}') is not finite at t = ${frame.t}: ${re[i][k]} + ${im[i][k]}i`,
        );
      }
    });
    const rho = frame.channels.rho;
    if (rho !== undefined && rho.kind === 'array') finalRho = { dims: model.space.dims, matrix: { rows: n, cols: n, data: rho.data } };
    k++;
  };

  return new Promise<TimeEvolutionOutcome>((resolve, reject) => {
    let frames;
    try {
      frames = mesolve(model.lindbladian, initialDensity(scenario.initialState, model, scenario.model), times, {
        expect,
        includeState: wantState,
        rtol: scenario.tolerances.rtol,
        atol: scenario.tolerances.atol,
      });
    } catch (e) {
      reject(new NumericalError('time evolution', e));
      return;
    }
    // An error thrown in tap ends the stream (unsubscribing the integrator) and arrives in error().
    const progress = tapProgress<Frame>(({ done, total }) => onProgress(done, total));
    frames.withProgress().pipe(progress, tap(record)).subscribe({
      error(e) {
        reject(e instanceof NumericalError ? e : new NumericalError('time evolution', e));
      },
      complete() {
        if (k !== times.length || (wantState && finalRho === null)) {
          reject(new NumericalError('time evolution', `the integrator stopped after ${k} of ${times.length} output times`));
          return;
        }
        const observables: Record<string, ObservableSeries> = {};
        names.forEach((name, i) => {
          observables[name] = {
            operator: scenario.observables[name],
            re: Array.from(re[i]),
            im: Array.from(im[i]),
            final: { re: re[i][k - 1], im: im[i][k - 1] },
          };
        });
        resolve({
          finalRho,
          info: {
            times: Array.from(times),
            trace: Array.from(trace),
            rtol: scenario.tolerances.rtol,
            atol: scenario.tolerances.atol,
          },
          observables,
        });
      },
    });
  });
}
