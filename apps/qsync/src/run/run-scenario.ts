import { modelCatalog } from '@qsync/models';
import type { DensityMatrix } from '@qsync/operators';
import { computeProbes } from './compute-probes';
import { computeSteadyState } from './compute-steady-state';
import { computeTimeEvolution } from './compute-time-evolution';
import { silentProgress, terminalProgress, type ProgressReporter } from '../common/progress';
import type { ObservableSeries, ProbeResult, RunResults, SteadyObservable, SteadyStateInfo, TimeEvolutionInfo } from './results';
import { createRunDir, type RunDirConfig } from '../output/run-dir';
import { probeId, validateScenario, type Scenario } from '../scenario/scenario';
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
 * Runs a scenario: validates it (a `ScenarioError` if it is refused), builds the model, solves
 * for the steady state or integrates the master equation, evaluates the observables and probes,
 * and writes scenario.json, results.json, CSV files and SVG plots (as `outputs` asks) to a run
 * folder (`outDir`, or `runs/<name>-<YYYYMMDD-HHMMSS>`). A solver failure or a non-finite result
 * is a `NumericalError`; no run folder is created then.
 *
 * @param input - the scenario, as parsed from JSON (validated here) or already validated
 * @param options - run folder and progress display
 * @example
 * const run = await runScenario(JSON.parse(readFileSync('apps/qsync/scenarios/default.json', 'utf8')), { name: 'default' });
 * run.results.observables.coherence; // { operator: 'adagb', value: { re: 0.514…, im: 0.108… } }
 */
export async function runScenario(input: unknown, options: RunOptions = {}): Promise<RunOutcome> {
  const scenario = validateScenario(input);
  const progress: ProgressReporter =
    options.progress === true ? terminalProgress(process.stderr) : options.progress === false || options.progress === undefined ? silentProgress : options.progress;
  const startedAt = new Date().toISOString();
  const t0 = performance.now();

  let observables: Record<string, SteadyObservable | ObservableSeries>;
  let probes: Record<string, ProbeResult>;
  let steadyState: SteadyStateInfo | undefined;
  let timeEvolution: TimeEvolutionInfo | undefined;
  let buildMs: number;
  let solveMs: number;
  let probesMs: number;
  let dims: number[];
  const entry = modelCatalog[scenario.model];
  try {
    progress.status(`building ${scenario.model}`);
    const model = entry.build(scenario.parameters);
    dims = [...model.space.dims];
    const t1 = performance.now();
    buildMs = t1 - t0;
    let state: DensityMatrix | null;
    if (scenario.method === 'steady-state') {
      progress.status(`solving for the steady state of ${scenario.model} (${model.space.size}×${model.space.size} density matrix)`);
      // Let the message reach the terminal before the synchronous solve holds the event loop.
      await new Promise((resolve) => setImmediate(resolve));
      const ss = computeSteadyState(model, scenario.observables);
      observables = ss.observables;
      steadyState = ss.info;
      state = ss.rho;
    } else {
      const te = await computeTimeEvolution(scenario, model, (done, total) => progress.count('time evolution', done, total));
      observables = te.observables;
      timeEvolution = te.info;
      state = te.finalRho;
    }
    const t2 = performance.now();
    solveMs = t2 - t1;
    if (scenario.probes.length > 0 && state !== null) {
      progress.status(`probes: ${scenario.probes.map(probeId).join(', ')}`);
      probes = computeProbes(state, model, scenario.probes);
    } else {
      probes = {};
    }
    probesMs = performance.now() - t2;
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
      dims,
    },
    method: scenario.method,
    ...(steadyState !== undefined ? { steadyState } : {}),
    ...(timeEvolution !== undefined ? { timeEvolution } : {}),
    observables,
    probes,
    probeSpecs: Object.fromEntries(scenario.probes.map((p) => [probeId(p), p])),
    timing: { startedAt, buildMs, solveMs, probesMs, totalMs: performance.now() - t0 },
  };
  const files = writeResults(runDir, scenario, results);
  return { runDir, scenario, results, files };
}
