// The trajectory task `qsync run` hands to trajectoryEnsemble (@qsync/unravelers): trajectory k of
// a catalog model under homodyne or heterodyne detection (Eqs. 3.11–3.15, 6.24). Workers receive
// only plain data, so the model is rebuilt here from its catalog name and parameters.
import { modelCatalog, type ModelInstance } from '@qsync/models';
import type { Operator } from '@qsync/operators';
import { createDiffusiveTrajectories, photonCounting, type DiffusiveTrajectories, type TrajectoryColumns } from '@qsync/unravelers';
import { lastValueFrom, toArray } from 'rxjs';
import type { InitialStateSpec } from '../scenario/scenario-types';
import { initialDensity } from './initial-state';

/** The module's URL, as trajectoryEnsemble wants it (`task.module`). */
export const unravelingTrajectoryModule = new URL(import.meta.url).href;

/** Plain-data description of one unraveling of a catalog model (structured-cloned into workers). */
export interface UnravelingConfig {
  readonly model: string;
  readonly parameters: Readonly<Record<string, number>>;
  readonly initialState: InitialStateSpec;
  readonly unraveling: 'homodyne' | 'heterodyne' | 'photon-counting';
  /** indices into the model's `lindbladian.dissipators` */
  readonly monitored: readonly number[];
  readonly efficiency: number;
  readonly phase: number;
  readonly frequency: number;
  /** homodyne and heterodyne: the SME scheme, step and steps per output sample */
  readonly scheme: 'euler-maruyama' | 'milstein';
  readonly t0: number;
  readonly dt: number;
  readonly outputEvery: number;
  /** spacing of the output samples */
  readonly spacing: number;
  readonly samples: number;
  /** column name → operator name of the model */
  readonly observables: Readonly<Record<string, string>>;
  /** also return the currents I<j> (one per monitored channel) */
  readonly withCurrents: boolean;
}

/** Column name of monitored channel j's current. */
export const currentColumn = (j: number): string => `I${j}`;
/** Prefix of the columns of conditional expectation values (keeps `I0`, `I1`, … free). */
export const OBSERVABLE = 'obs:';
/** The real one-entry column carrying a trajectory's count of positivity violations. */
export const VIOLATIONS = 'positivityViolations';

const prepared = new Map<string, DiffusiveTrajectories>();

/**
 * Builds (once per thread, config and seed) the diffusive trajectories a config describes: the
 * model's Hamiltonian, its unmonitored dissipators, and the monitored ones as detected channels
 * with the model's rates.
 *
 * @example
 * const config = { model: 'quantum-vdp', parameters: { cutoff: 4, omega: 0, kappa1: 0, kappa2: 0, kappa: 1 }, initialState: { type: 'fock', n: { a: 1 } },
 *   unraveling: 'homodyne', monitored: [2], efficiency: 1, phase: 0, frequency: 0, scheme: 'milstein', t0: 0, dt: 0.01, outputEvery: 10, spacing: 0.1,
 *   samples: 3, observables: { n: 'n' }, withCurrents: true } as const;
 * unravelingTrajectories(config, 1).samples; // → 3
 */
export function unravelingTrajectories(config: UnravelingConfig, noiseSeed: number): DiffusiveTrajectories {
  const key = JSON.stringify([config, noiseSeed]);
  let runs = prepared.get(key);
  if (runs === undefined) {
    const model = buildModel(config);
    const dissipators = model.lindbladian.dissipators;
    const monitoredSet = new Set(config.monitored);
    const monitored = config.monitored.map((d) => ({
      rate: dissipators[d].rate,
      jump: dissipators[d].jump,
      efficiency: config.efficiency,
      unraveling: config.unraveling === 'homodyne' ? ('homodyne' as const) : ('heterodyne' as const),
      ...(config.unraveling === 'homodyne' ? { phase: config.phase, frequency: config.frequency } : {}),
    }));
    const expect: Record<string, Operator> = {};
    for (const [name, op] of Object.entries(config.observables)) expect[OBSERVABLE + name] = model.operators[op];
    runs = createDiffusiveTrajectories(
      { hamiltonian: model.lindbladian.hamiltonian, dissipators: dissipators.filter((_, i) => !monitoredSet.has(i)), monitored },
      {
        rho0: initialDensity(config.initialState, model, config.model),
        t0: config.t0,
        dt: config.dt,
        tEnd: config.t0 + config.samples * config.outputEvery * config.dt,
        outputEvery: config.outputEvery,
        method: config.scheme,
        noiseSeed,
        expect,
      },
    );
    prepared.set(key, runs);
  }
  return runs;
}

function buildModel(config: UnravelingConfig): ModelInstance {
  const entry = modelCatalog[config.model];
  if (entry?.kind !== 'quantum') throw new Error(`unravelingTrajectory: '${config.model}' is not a quantum model of the catalog`);
  return entry.build(config.parameters);
}

const models = new Map<string, ModelInstance>();

/**
 * Photon counting (Sec. 3.3, Eq. 6.24) of trajectory k: `photonCounting`'s clicks per output
 * interval as real columns `I<j>` and the conditional ⟨O⟩_c at the output times.
 */
async function countingTrajectory(config: UnravelingConfig, trajectory: number, noiseSeed: number): Promise<TrajectoryColumns> {
  const key = JSON.stringify([config.model, config.parameters]);
  let model = models.get(key);
  if (model === undefined) {
    model = buildModel(config);
    models.set(key, model);
  }
  const expect: Record<string, Operator> = {};
  for (const [name, op] of Object.entries(config.observables)) expect[OBSERVABLE + name] = model.operators[op];
  const records = await lastValueFrom(
    photonCounting(model.lindbladian, initialDensity(config.initialState, model, config.model), {
      dt: config.spacing,
      samples: config.samples,
      t0: config.t0,
      monitored: config.monitored.map((dissipator) => ({ dissipator, efficiency: config.efficiency })),
      expect,
      noiseSeed,
      trajectory,
      blockLength: config.samples,
    }).pipe(toArray()),
  );
  const m = config.monitored.length;
  const out: TrajectoryColumns = {};
  const counts = config.monitored.map(() => new Float64Array(config.samples));
  const values = Object.fromEntries(Object.keys(expect).map((name) => [name, new Float64Array(2 * config.samples)]));
  let offset = 0;
  for (const record of records) {
    if (record.kind !== 'block') continue;
    const length = record.columns.counts.data.length / m;
    for (let i = 0; i < length; i++) for (let j = 0; j < m; j++) counts[j][offset + i] = record.columns.counts.data[i * m + j];
    for (const name of Object.keys(values)) values[name].set(record.columns[name].data, 2 * offset);
    offset += length;
  }
  for (const [name, data] of Object.entries(values)) out[name] = { kind: 'complex', data };
  if (config.withCurrents) counts.forEach((data, j) => (out[currentColumn(j)] = { kind: 'real', data }));
  out[VIOLATIONS] = { kind: 'real', data: Float64Array.of(0) };
  return out;
}

/**
 * Trajectory k: the conditional ⟨O⟩_c of every observable (complex columns `obs:<name>`), the
 * currents `I0`, `I1`, … when asked (homodyne: real; heterodyne: complex; photon counting: the
 * clicks in each output interval, real), and the positivity violations of its conditional states
 * (a one-entry real column; photon counting has no fixed-step test: 0). Photon counting returns a Promise.
 *
 * @example
 * // config as in unravelingTrajectories' example
 * const config = { model: 'quantum-vdp', parameters: { cutoff: 4, omega: 0, kappa1: 0, kappa2: 0, kappa: 1 }, initialState: { type: 'fock', n: { a: 1 } },
 *   unraveling: 'homodyne', monitored: [2], efficiency: 1, phase: 0, frequency: 0, scheme: 'milstein', t0: 0, dt: 0.01, outputEvery: 10, spacing: 0.1,
 *   samples: 3, observables: { n: 'n' }, withCurrents: true } as const;
 * const columns = await unravelingTrajectory(config, 0, 1);
 * // at dt = 0.01 a step from the pure |1⟩ leaves eigenvalues near −(κ dt)² = −1e-4, below the −1e-6 the test allows: counted
 * [columns.I0.data.length, columns['obs:n'].data[0], columns.positivityViolations.data[0]]; // → [3, 1, 2]
 */
export function unravelingTrajectory(config: UnravelingConfig, trajectory: number, noiseSeed: number): TrajectoryColumns | Promise<TrajectoryColumns> {
  if (config.unraveling === 'photon-counting') return countingTrajectory(config, trajectory, noiseSeed);
  const runs = unravelingTrajectories(config, noiseSeed);
  const arrays: Record<string, Float64Array> = {};
  const out: TrajectoryColumns = {};
  for (const [name, column] of Object.entries(runs.schema.channels)) {
    const complex = column.kind === 'complex';
    const data = new Float64Array((complex ? 2 : 1) * runs.samples);
    arrays[name] = data;
    if (name.startsWith(OBSERVABLE) || config.withCurrents) out[name] = { kind: complex ? 'complex' : 'real', data };
  }
  const stats = runs.runInto(trajectory, arrays);
  out[VIOLATIONS] = { kind: 'real', data: Float64Array.of(stats.positivityViolations) };
  return out;
}
