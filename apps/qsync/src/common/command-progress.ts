import type { CommandIo } from './command-io';
import { type ProgressReporter, silentProgress, terminalProgress } from './progress';

/**
 * The progress reporter of a long command: a bar on stderr when stderr is a terminal and the
 * user did not ask for `--no-progress` (`progress` false), else nothing.
 *
 * @param io - the command's streams
 * @param progress - commander's value of `--progress` / `--no-progress`
 * @example
 * commandProgress(io, true) === silentProgress; // → true (io.stderr is not a terminal)
 */
export function commandProgress(io: CommandIo, progress: boolean | undefined): ProgressReporter {
  return progress !== false && io.stderr.isTTY ? terminalProgress(io.stderr) : silentProgress;
}
