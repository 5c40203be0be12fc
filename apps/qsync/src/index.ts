// @qsync/cli — the qsync command-line program; these modules are importable for scripts and tests.
export { runScenario } from './run-scenario';
export type { RunOptions, RunOutcome } from './run-scenario';
export { validateScenario, probeId, timeGridValues, scenarioDefaults, coherentTailLimit } from './scenario';
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
} from './scenario';
export { readScenarioFile } from './read-scenario-file';
export { ScenarioError, NumericalError } from './errors';
export type * from './results';
export { svgLinePlot, linePlotBox } from './svg-line-plot';
export type { LinePlotConfig, LineSeries, VerticalMarker } from './svg-line-plot';
export { svgHeatmap, heatmapPlotBox } from './svg-heatmap';
export type { HeatmapConfig } from './svg-heatmap';
export { niceTicks } from './nice-ticks';
export type { Ticks } from './nice-ticks';
export { jsonSummary, humanSummary } from './summary';
export type { JsonSummary, SummaryObservable } from './summary';
export { silentProgress, terminalProgress } from './progress';
export type { ProgressReporter } from './progress';
export { runCommand } from './run-command';
export type { CommandIo, RunCommandOptions } from './run-command';
