// @qsync/cli — the qsync command-line program; these modules are importable for scripts and tests.
export { runScenario } from './run/run-scenario';
export type { RunOptions, RunOutcome } from './run/run-scenario';
export { validateScenario } from './scenario/validate-scenario';
export { scenarioSchema } from './scenario/scenario-schema';
export { scenarioJsonSchema } from './scenario/scenario-json-schema';
export { probeId } from './scenario/probe-id';
export { timeGridValues } from './scenario/time-grid-values';
export { scenarioDefaults, scenarioLimits, coherentTailLimit } from './scenario/scenario-defaults';
export type {
  FrequencyGrid,
  InitialStateSpec,
  OutputKind,
  ProbeSpec,
  Scenario,
  ScenarioMethod,
  SdeSettings,
  SimulationScenario,
  SpectrumScenario,
  SpectrumSpec,
  SpinStateSpec,
  SpinStatesSpec,
  SteadyStateScenario,
  TimeEvolutionScenario,
  TimeGrid,
  Tolerances,
} from './scenario/scenario-types';
export { readScenarioFile } from './scenario/read-scenario-file';
export { ScenarioError, NumericalError } from './common/errors';
export type * from './run/results';
export { jsonSummary, humanSummary } from './run/summary';
export type { JsonSummary, SummaryObservable } from './run/summary';
export { silentProgress, terminalProgress } from './common/progress';
export { commandProgress } from './common/command-progress';
export { untilStopped } from './common/until-stopped';
export type { ProgressReporter } from './common/progress';
export type { CommandIo } from './common/command-io';
export { runCommand } from './run/run-command';
export type { RunCommandOptions } from './run/run-command';
export { figureCommand } from './figure/figure-command';
export type { FigureCommandOptions } from './figure/figure-command';
export { schemaCommand } from './schema/schema-command';
export { csvTable } from './output/csv-table';
export { UsageError } from './common/errors';
export { parseEndpoint } from './stream/endpoint';
export type { Endpoint } from './stream/endpoint';
export { unravelingTrajectory } from './run/unraveling-trajectory';
export type { UnravelingConfig } from './run/unraveling-trajectory';
export { scenarioCurrents } from './stream/scenario-currents';
export type { ScenarioCurrents, ScenarioCurrentsOptions } from './stream/scenario-currents';
export { sendWire } from './stream/send-wire';
export { emitCommand } from './stream/emit-command';
export { replayCommand } from './stream/replay-command';
export { drainPaced } from './stream/drain-paced';
export type { EmitOptions } from './stream/emit-command';
export type { ReplayOptions } from './stream/replay-command';
export { detectCommand } from './stream/detect-command';
export type { DetectOptions } from './stream/detect-command';
export { detectorEstimates } from './stream/detector-estimates';
export { estimateStreams } from './stream/estimate-streams';
export type { DetectorConfig, DetectorLine } from './stream/detector-estimates';
