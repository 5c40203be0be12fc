import type { TrajectoriesScenario } from '../scenario/scenario-types';
import { timeGridValues } from '../scenario/time-grid-values';
import type { UnravelingConfig } from './unraveling-trajectory';

/**
 * The trajectory configuration a `trajectories` scenario asks for: its model, unraveling and
 * schemes, the integration step (default: the output spacing) and the output grid. `qsync run`
 * (ensembles) and `qsync emit` (one trajectory's currents) both read scenarios through it.
 *
 * @param scenario - a validated `trajectories` scenario
 * @param columns - the observables to record and whether to write the currents
 * @example
 * const scenario = { method: 'trajectories', model: 'quantumVanDerPol', parameters: { cutoff: 6 }, unraveling: 'heterodyne', monitored: [1],
 *   times: { start: 0, stop: 1, count: 11 }, step: 0.01, observables: {}, noiseSeed: 1 } as unknown as Parameters<typeof unravelingConfig>[0];
 * const c = unravelingConfig(scenario, { observables: { n: 'n' }, withCurrents: true });
 * [c.dt, c.outputEvery, c.samples, c.scheme, c.phase]; // → [0.01, 10, 11, 'milstein', 0]
 */
export function unravelingConfig(
  scenario: TrajectoriesScenario,
  columns: { readonly observables: Readonly<Record<string, string>>; readonly withCurrents: boolean },
): UnravelingConfig {
  const times = timeGridValues(scenario.times);
  const spacing = times[1] - times[0];
  const step = scenario.step ?? spacing;
  return {
    model: scenario.model,
    parameters: scenario.parameters,
    initialState: scenario.initialState,
    unraveling: scenario.unraveling,
    monitored: scenario.monitored,
    efficiency: scenario.efficiency,
    phase: scenario.phase ?? 0,
    frequency: scenario.frequency ?? 0,
    scheme: scenario.scheme ?? 'milstein',
    t0: scenario.times.start,
    dt: step,
    outputEvery: Math.round(spacing / step),
    spacing,
    samples: times.length,
    observables: columns.observables,
    withCurrents: columns.withCurrents,
  };
}
