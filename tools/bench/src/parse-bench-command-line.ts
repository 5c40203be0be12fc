import { Command } from 'commander';
import { parseCommandLine, type CommandOutput } from './parse-command-line';

/** The command line of one benchmark program, for {@link parseBenchCommandLine}. */
export interface BenchCommandLine {
  /** the program's name, which starts its error messages ('dicke bench') */
  readonly name: string;
  /** its npm script ('bench:dicke'), for the usage line */
  readonly script: string;
  readonly description: string;
  /** the section of tools/bench/README.md that `--readme` rewrites ('spectrum results section') */
  readonly readmeSection: string;
  /** adds the program's own options, `--quick` among them, to `command` */
  options(command: Command): Command;
}

/**
 * Parses the command line of a benchmark program (commander): its own options, then `--readme` /
 * `--no-readme`, which every program has (the last one given counts; default: rewrite the
 * README's section for a full run, not with `--quick`, so quick numbers never replace full ones).
 * Errors and `--help` as {@link parseCommandLine}.
 *
 * @param line - the program's name, script, description, README section and options
 * @param argv - arguments after the script name
 * @param output - receives the `--help` text (default: stdout)
 * @returns the options commander read, with `quick` and `writeReadme` decided
 * @example
 * const line = { name: 'demo', script: 'bench:demo', description: 'a demo', readmeSection: 'demo section', options: (c) => c.option('--quick', 'fewer') };
 * parseBenchCommandLine(line, ['--quick']).writeReadme; // false
 * parseBenchCommandLine(line, ['--quick', '--readme']).writeReadme; // true
 */
export function parseBenchCommandLine<T extends object>(
  line: BenchCommandLine,
  argv: readonly string[],
  output?: CommandOutput,
): T & { readonly quick: boolean; readonly writeReadme: boolean } {
  const command = line
    .options(new Command(line.name).usage(`[options]   (npm run ${line.script} -- [options])`).description(line.description))
    .option('--readme', `rewrite the ${line.readmeSection} of tools/bench/README.md (default for a full run)`)
    .option('--no-readme', 'leave the README alone (default with --quick)');
  const o = parseCommandLine<T & { quick?: boolean; readme?: boolean }>(command, argv, output);
  const quick = o.quick === true;
  return { ...o, quick, writeReadme: o.readme ?? !quick };
}
