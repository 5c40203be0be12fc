import { basename, extname } from 'node:path';
import type { CommandIo } from '../common/command-io';
import { readScenarioFile } from '../scenario/read-scenario-file';
import { runScenario } from './run-scenario';
import { humanSummary, jsonSummary } from './summary';

/** Options of `qsync run`. */
export interface RunCommandOptions {
  /** Run folder (default runs/<scenario basename>-<timestamp>). */
  readonly out?: string;
  /** Print one JSON summary on stdout instead of the human one. */
  readonly json?: boolean;
  /** false for `--no-progress`. */
  readonly progress?: boolean;
}


/**
 * `qsync run <scenario.json>`: reads and runs the scenario, shows progress on stderr when it is
 * a TTY (unless `progress` is false), and prints the summary on stdout (JSON with `json`).
 * Errors propagate: `ScenarioError` (exit 2) and anything else (exit 1) are mapped by main.ts.
 *
 * @param file - path of the scenario file
 * @param options - parsed command-line options
 * @param io - output streams
 * @example
 * // io: process in the program; here one that keeps what is printed (io.printed); dir: a scratch folder
 * // defaultScenario: the path of scenarios/default.json
 * await runCommand(defaultScenario, { json: true, out: `${dir}/cli` }, io);
 * JSON.parse(io.printed.at(-1) ?? '').observables.coherence; // ≈ { re: 0.514, im: 0.108 }
 */
export async function runCommand(file: string, options: RunCommandOptions, io: CommandIo): Promise<void> {
  const scenario = readScenarioFile(file);
  const run = await runScenario(scenario, {
    ...(options.out !== undefined ? { outDir: options.out } : {}),
    name: basename(file, extname(file)) || 'scenario',
    progress: options.progress !== false && io.stderr.isTTY === true,
  });
  io.stdout.write(options.json === true ? `${JSON.stringify(jsonSummary(run))}\n` : `${humanSummary(run)}\n`);
}
