import { modelCatalog } from '@qsync/models';
import type { DensityMatrix, Operator } from '@qsync/operators';
import type { DiffusiveSmeModel, SmeMethod } from '@qsync/unravelers';
import { initialDensity } from '../run/initial-state';
import { currentColumn } from '../run/unraveling-trajectory';
import { validateScenario } from '../scenario/validate-scenario';

/** What the quantum filter of a stream needs: the monitored model, ρ(t0), the observables and the scheme. */
export interface FilterSetup {
  readonly model: DiffusiveSmeModel;
  readonly rho0: DensityMatrix;
  readonly expect: Readonly<Record<string, Operator>>;
  readonly method: SmeMethod;
  /** the scenario's integration step (the filter takes one step per sample: it needs samples this fine) */
  readonly step: number;
  /** the scenario's start time: the filter's ρ0 is the state there, so its record must begin there */
  readonly start: number;
}

/**
 * The quantum filter (Eqs. 3.11–3.15, 6.24) a stream's provenance allows: when its `scenario` is
 * a valid `trajectories` scenario with homodyne or heterodyne detection and observables, the
 * model it names with its monitored dissipators as the channels `I0`, `I1`, … (the currents of
 * `qsync emit`), its initial state as ρ(t0), its observables and its SME scheme; otherwise the
 * reason there is none.
 *
 * @param scenario - the header's `provenance.scenario`
 * @example
 * import { readFileSync } from 'node:fs';
 * const raw = JSON.parse(readFileSync(defaultScenario.replace('default.json', 'vdp-pair-heterodyne-stream.json'), 'utf8'));
 * const setup = filterSetup(raw);
 * typeof setup !== 'string' && [setup.model.monitored.map((c) => c.name), Object.keys(setup.expect), setup.method]; // → [['I0', 'I1'], ['nA', 'nB'], 'milstein']
 * filterSetup({ ...raw, unraveling: 'photon-counting', step: undefined }); // → "the stream's scenario counts photons"
 * filterSetup(undefined); // → 'the stream carries no scenario'
 */
export function filterSetup(scenario: unknown): FilterSetup | string {
  if (scenario === undefined) return 'the stream carries no scenario';
  let s;
  try {
    s = validateScenario(scenario);
  } catch (e) {
    return `the stream's scenario does not validate here: ${e instanceof Error ? e.message : String(e)}`;
  }
  if (s.method !== 'trajectories') return "the stream's scenario is not method 'trajectories'";
  if (s.unraveling === 'photon-counting') return "the stream's scenario counts photons";
  if (Object.keys(s.observables).length === 0) return "the stream's scenario names no observables to filter";
  const entry = modelCatalog[s.model];
  if (entry?.kind !== 'quantum') return `model '${s.model}' is not a quantum model of the catalog`;
  const built = entry.build(s.parameters);
  const dissipators = built.lindbladian.dissipators;
  const monitored = new Set(s.monitored);
  const unraveling = s.unraveling;
  return {
    model: {
      hamiltonian: built.lindbladian.hamiltonian,
      dissipators: dissipators.filter((_, i) => !monitored.has(i)),
      monitored: s.monitored.map((d, j) => ({
        name: currentColumn(j),
        rate: dissipators[d].rate,
        jump: dissipators[d].jump,
        efficiency: s.efficiency,
        unraveling,
        ...(unraveling === 'homodyne' ? { phase: s.phase ?? 0, frequency: s.frequency ?? 0 } : {}),
      })),
    },
    rho0: initialDensity(s.initialState, built, s.model),
    expect: Object.fromEntries(Object.entries(s.observables).map(([name, op]) => [name, built.operators[op]])),
    method: s.scheme ?? 'milstein',
    step: s.step ?? (s.times.stop - s.times.start) / (s.times.count - 1),
    start: s.times.start,
  };
}
