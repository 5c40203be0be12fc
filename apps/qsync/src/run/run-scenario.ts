import { modelCatalog, type ModelInstance, type OdeModel, type OrderParameterModel, type PermutationInvariantInstance, type StochasticModel } from '@qsync/models';
import type { DensityMatrix } from '@qsync/operators';
import { computeDickeProbes } from './compute-dicke-probes';
import { computeDickeSteadyState } from './compute-dicke-steady-state';
import { computeProbes } from './compute-probes';
import { computeSimulation } from './compute-simulation';
import { computeSpectra } from './compute-spectrum';
import { computeSteadyState } from './compute-steady-state';
import { computeTimeEvolution } from './compute-time-evolution';
import { computeTrajectories } from './compute-trajectories';
import { silentProgress, terminalProgress, type ProgressReporter } from '../common/progress';
import type {
  ChannelSeries,
  ObservableSeries,
  ProbeResult,
  RunResults,
  SimulationInfo,
  SpectrumInfo,
  SpectrumResult,
  SteadyObservable,
  SteadyStateInfo,
  TimeEvolutionInfo,
  EnsembleSeries,
  TrajectoriesInfo,
  TrajectoryCurrents,
} from './results';
import { createRunDir, type RunDirConfig } from '../output/run-dir';
import { probeId } from '../scenario/probe-id';
import type { Scenario } from '../scenario/scenario-types';
import { validateAndBuild } from '../scenario/validate-scenario';
import { qsyncVersion } from '../common/version';
import { writeResults } from './write-results';

/** Options of {@link runScenario}: where to write, and how to show progress. */
export interface RunOptions extends RunDirConfig {
  /**
   * true: a terminal progress display on process.stderr (the caller checks it is a TTY);
   * false or absent: none; or a reporter of one's own.
   */
  readonly progress?: boolean | ProgressReporter;
}

/** What a run produced. */
export interface RunOutcome {
  /** The folder the files went to. */
  readonly runDir: string;
  /** The scenario as validated, defaults resolved (also written as scenario.json). */
  readonly scenario: Scenario;
  readonly results: RunResults;
  /** File names written into runDir. */
  readonly files: readonly string[];
}

/**
 * Runs a scenario: validates it (a `ScenarioError` if it is refused) and builds the model; for a
 * quantum model solves for the steady state (and, method 'spectrum', its spectra S(ω) by the
 * quantum regression theorem), integrates the master equation or runs an ensemble of measured
 * trajectories (method 'trajectories': homodyne or heterodyne detection) and evaluates the observables
 * and probes, for a classical model integrates its SDE (or order-parameter
 * equation) and records each observed channel's value or ensemble mean and spread; then writes
 * scenario.json, results.json, CSV tables and plots (SVG, PNG) as `outputs` asks, into a run
 * folder (`outDir`, or `runs/<name>-<YYYYMMDD-HHMMSS>`). A solver failure or a non-finite result
 * is a `NumericalError`; no run folder is created then.
 *
 * @param input - the scenario, as parsed from JSON (validated here) or already validated
 * @param options - run folder and progress display
 * @example
 * import { readFileSync } from 'node:fs';
 *
 * // defaultScenario: the path of scenarios/default.json; dir: a scratch folder
 * const run = await runScenario(JSON.parse(readFileSync(defaultScenario, 'utf8')), { outDir: `${dir}/default` });
 * run.results.observables.coherence; // { operator: 'adagb', value: { re: 0.514…, im: 0.108… } }
 */
export async function runScenario(input: unknown, options: RunOptions = {}): Promise<RunOutcome> {
  const t0 = performance.now();
  const { scenario, model } = validateAndBuild(input);
  const progress: ProgressReporter =
    options.progress === true ? terminalProgress(process.stderr) : options.progress === false || options.progress === undefined ? silentProgress : options.progress;
  const startedAt = new Date().toISOString();

  let observables: Record<string, SteadyObservable | ObservableSeries | ChannelSeries | EnsembleSeries>;
  let trajectories: TrajectoriesInfo | undefined;
  let currents: TrajectoryCurrents[] | undefined;
  let probes: Record<string, ProbeResult> = {};
  let steadyState: SteadyStateInfo | undefined;
  let timeEvolution: TimeEvolutionInfo | undefined;
  let simulation: SimulationInfo | undefined;
  let spectrum: SpectrumInfo | undefined;
  let spectra: Record<string, SpectrumResult> | undefined;
  let dims: number[] | undefined;
  const entry = modelCatalog[scenario.model];
  const t1 = performance.now();
  const buildMs = t1 - t0;
  let solveMs: number;
  let probesMs = 0;
  try {
    if (scenario.method === 'simulate') {
      const built =
        entry.kind === 'stochastic'
          ? { kind: 'stochastic' as const, model: model as StochasticModel }
          : { kind: 'order-parameter' as const, model: model as OrderParameterModel | OdeModel };
      const label = `simulation of ${scenario.model}`;
      const sim = await computeSimulation(scenario, built, (done, total) => progress.count(label, done, total));
      observables = sim.observables;
      simulation = sim.info;
      solveMs = performance.now() - t1;
    } else if (entry.kind === 'permutation-invariant') {
      const pi = model as PermutationInvariantInstance;
      const size = `${pi.space.size} block entries`;
      progress.status(`solving for the steady state of ${scenario.model} (${size})`);
      const ss = await computeDickeSteadyState(pi, scenario.observables, (done, total) => progress.count(`steady state (${size})`, done, total));
      observables = ss.observables;
      steadyState = ss.info;
      const t2 = performance.now();
      solveMs = t2 - t1;
      if (scenario.probes.length > 0) {
        progress.status(`probes: ${scenario.probes.map(probeId).join(', ')}`);
        probes = computeDickeProbes(ss.state, pi, scenario.probes);
      }
      probesMs = performance.now() - t2;
    } else {
      const quantum = model as ModelInstance;
      dims = [...quantum.space.dims];
      let state: DensityMatrix | null;
      if (scenario.method === 'steady-state' || scenario.method === 'spectrum') {
        progress.status(`solving for the steady state of ${scenario.model} (${quantum.space.size}×${quantum.space.size} density matrix)`);
        const label = `steady state (${quantum.space.size}×${quantum.space.size})`;
        const ss = await computeSteadyState(quantum, scenario.observables, (done, total) => progress.count(label, done, total));
        observables = ss.observables;
        steadyState = ss.info;
        state = ss.rho;
        if (scenario.method === 'spectrum') {
          const sp = await computeSpectra(scenario, quantum, ss.rho, (name, done, total) => progress.count(`spectrum ${name}`, done, total));
          spectrum = sp.info;
          spectra = sp.spectra;
        }
      } else if (scenario.method === 'trajectories') {
        const tr = await computeTrajectories(scenario, quantum, (done, total) => progress.count(`${scenario.unraveling} trajectories`, done, total));
        observables = tr.observables;
        trajectories = tr.info;
        currents = tr.currents;
        state = null;
      } else {
        const te = await computeTimeEvolution(scenario, quantum, (done, total) => progress.count('time evolution', done, total));
        observables = te.observables;
        timeEvolution = te.info;
        state = te.finalRho;
      }
      const t2 = performance.now();
      solveMs = t2 - t1;
      if (scenario.probes.length > 0 && state !== null) {
        progress.status(`probes: ${scenario.probes.map(probeId).join(', ')}`);
        probes = computeProbes(state, quantum, scenario.probes, scenario.model);
      }
      probesMs = performance.now() - t2;
    }
  } finally {
    progress.stop();
  }

  const runDir = createRunDir(options);
  const results: RunResults = {
    qsyncVersion,
    model: {
      name: scenario.model,
      title: entry.title,
      equation: entry.equation,
      parameters: scenario.parameters,
      ...(dims !== undefined ? { dims } : {}),
    },
    method: scenario.method,
    ...(steadyState !== undefined ? { steadyState } : {}),
    ...(timeEvolution !== undefined ? { timeEvolution } : {}),
    ...(simulation !== undefined ? { simulation } : {}),
    ...(trajectories !== undefined ? { trajectories } : {}),
    ...(currents !== undefined ? { currents } : {}),
    ...(spectrum !== undefined ? { spectrum } : {}),
    ...(spectra !== undefined ? { spectra } : {}),
    observables,
    probes,
    probeSpecs: scenario.method === 'simulate' ? {} : Object.fromEntries(scenario.probes.map((p) => [probeId(p), p])),
    timing: { startedAt, buildMs, solveMs, probesMs, totalMs: performance.now() - t0 },
  };
  const files = writeResults(runDir, scenario, results);
  return { runDir, scenario, results, files };
}
