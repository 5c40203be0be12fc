// @qsync/cli — the qsync command-line program; these modules are importable for scripts and tests.
export { runScenario } from './run/run-scenario';
export type { RunOptions, RunOutcome } from './run/run-scenario';
export { validateScenario, probeId, timeGridValues, scenarioDefaults, coherentTailLimit } from './scenario/scenario';
export type {
  InitialStateSpec,
  OutputKind,
  ProbeSpec,
  Scenario,
  ScenarioMethod,
  SteadyStateScenario,
  TimeEvolutionScenario,
  TimeGrid,
  Tolerances,
} from './scenario/scenario';
export { readScenarioFile } from './scenario/read-scenario-file';
export { ScenarioError, NumericalError } from './common/errors';
export type * from './run/results';
export { jsonSummary, humanSummary } from './run/summary';
export type { JsonSummary, SummaryObservable } from './run/summary';
export { silentProgress, terminalProgress } from './common/progress';
export type { ProgressReporter } from './common/progress';
export { runCommand } from './run/run-command';
export type { CommandIo, RunCommandOptions } from './run/run-command';
