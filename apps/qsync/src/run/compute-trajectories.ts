import { availableParallelism } from 'node:os';
import { tapProgress } from '@qsync/frames';
import type { ModelInstance } from '@qsync/models';
import { trajectoryEnsemble, type EnsembleFrame } from '@qsync/unravelers';
import { lastValueFrom, tap } from 'rxjs';
import { NumericalError } from '../common/errors';
import type { EnsembleSeries, TrajectoriesInfo, TrajectoryCurrents } from './results';
import type { TrajectoriesScenario } from '../scenario/scenario-types';
import { timeGridValues } from '../scenario/time-grid-values';
import { unravelingConfig } from './unraveling-config';
import { OBSERVABLE, VIOLATIONS, currentColumn, unravelingTrajectory, unravelingTrajectoryModule } from './unraveling-trajectory';

/** What {@link computeTrajectories} returns. */
export interface TrajectoriesOutcome {
  readonly info: TrajectoriesInfo;
  readonly observables: Record<string, EnsembleSeries>;
  readonly currents: TrajectoryCurrents[];
}

/**
 * Runs the scenario's trajectory ensemble: its monitored dissipators detected by homodyne or
 * heterodyne detection with efficiency ξ (stochastic master equation of @qsync/unravelers,
 * Eqs. 3.11–3.15, 6.24) or photon counting (`photonCounting`, quantum jumps), trajectories on worker threads (`trajectoryEnsemble`), and returns the
 * ensemble mean of each observable's conditional ⟨O⟩_c with its standard error at the output
 * times, the currents of the first `currents` trajectories (computed again in this thread:
 * trajectory k's noise depends only on (noiseSeed, k), so they are the ensemble's own), and the
 * positivity violations of all trajectories. A failing trajectory is a {@link NumericalError}.
 *
 * @param scenario - a validated trajectories scenario
 * @param model - the model built from it (for the monitored dissipators' rates)
 * @param onProgress - called with (done, total) trajectories
 * @example
 * // a decaying oscillator from |1⟩, its loss a (dissipator 2) detected: E⟨n⟩_c = e^{−t}
 * const scenario = validateScenario({
 *   model: 'quantum-vdp', parameters: { cutoff: 4, kappa1: 0, kappa2: 0, kappa: 1 }, method: 'trajectories',
 *   initialState: { type: 'fock', n: { a: 1 } }, times: { start: 0, stop: 1, count: 3 }, step: 0.01,
 *   unraveling: 'heterodyne', monitored: [2], trajectories: 20, workers: 0, observables: { n: 'n' },
 * });
 * const model = modelCatalog['quantum-vdp'].build(scenario.parameters);
 * const { info, observables } = await computeTrajectories(scenario, model);
 * [info.trajectories, observables.n.re[0]]; // → [20, 1]
 */
export async function computeTrajectories(
  scenario: TrajectoriesScenario,
  model: ModelInstance,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<TrajectoriesOutcome> {
  const times = timeGridValues(scenario.times);
  const config = unravelingConfig(scenario, { observables: scenario.observables, withCurrents: false });
  const names = Object.keys(scenario.observables);
  const workers = scenario.workers ?? availableParallelism();
  let last: EnsembleFrame | undefined;
  try {
    const ensemble = trajectoryEnsemble(
      { module: unravelingTrajectoryModule, name: 'unravelingTrajectory', config },
      {
        trajectories: scenario.trajectories,
        noiseSeed: scenario.noiseSeed,
        workers,
        ...(scenario.targetError !== undefined && names.length > 0
          ? { targetStandardError: scenario.targetError, targetChannels: names.map((n) => OBSERVABLE + n) }
          : {}),
        emitEvery: scenario.trajectories,
      },
    );
    last = await lastValueFrom(
      ensemble.withProgress().pipe(
        tapProgress(({ done, total }) => onProgress(done, total)),
        tap((frame) => (last = frame)),
      ),
    );
  } catch (e) {
    throw new NumericalError('trajectories', e);
  }
  const observables: Record<string, EnsembleSeries> = {};
  const k = times.length;
  for (const name of names) {
    const c = last.channels[OBSERVABLE + name];
    const pick = (a: Float64Array, part: 0 | 1) => Array.from({ length: k }, (_, i) => a[2 * i + part]);
    observables[name] = {
      operator: scenario.observables[name],
      re: pick(c.mean, 0),
      im: pick(c.mean, 1),
      reStandardError: pick(c.standardError, 0),
      imStandardError: pick(c.standardError, 1),
      final: { re: c.mean[2 * k - 2], im: c.mean[2 * k - 1] },
    };
  }
  const n = last.trajectories;
  const violations = Math.round(last.channels[VIOLATIONS].mean[0] * n);
  const currents: TrajectoryCurrents[] = [];
  for (let trajectory = 0; trajectory < Math.min(scenario.currents, n); trajectory++) {
    let columns;
    try {
      columns = await unravelingTrajectory({ ...config, withCurrents: true }, trajectory, scenario.noiseSeed);
    } catch (e) {
      throw new NumericalError('trajectories', e);
    }
    const byName: TrajectoryCurrents['currents'] = Object.fromEntries(
      scenario.monitored.map((_, j) => {
        const { kind, data } = columns[currentColumn(j)];
        const re = kind === 'complex' ? Array.from({ length: k }, (_, i) => data[2 * i]) : Array.from(data);
        const im = kind === 'complex' ? Array.from({ length: k }, (_, i) => data[2 * i + 1]) : new Array<number>(k).fill(0);
        return [currentColumn(j), { re, im }];
      }),
    );
    currents.push({ trajectory, currents: byName });
  }
  const dissipators = model.lindbladian.dissipators;
  return {
    info: {
      times: Array.from(times),
      unraveling: scenario.unraveling,
      monitored: scenario.monitored.map((d, j) => ({ dissipator: d, rate: dissipators[d].rate, current: currentColumn(j) })),
      efficiency: scenario.efficiency,
      ...(scenario.scheme !== undefined ? { scheme: scenario.scheme } : {}),
      ...(scenario.step !== undefined ? { step: scenario.step } : {}),
      noiseSeed: scenario.noiseSeed,
      workers,
      trajectories: n,
      ...(scenario.targetError !== undefined ? { targetReached: n < scenario.trajectories || reached(last, names, scenario.targetError) } : {}),
      positivityViolations: violations,
    },
    observables,
    currents,
  };
}

function reached(frame: EnsembleFrame, names: readonly string[], target: number): boolean {
  return names.every((name) => frame.channels[OBSERVABLE + name].standardError.every((se) => se <= target));
}
