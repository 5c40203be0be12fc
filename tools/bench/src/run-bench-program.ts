import { CommanderError } from 'commander';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { benchRunHeader, type BenchRunHeader } from './bench-run-header';
import { replaceSection } from './replace-section';

const here = (p: string) => new URL(p, import.meta.url).pathname;

/** What a benchmark program measured, for {@link runBenchProgram} to print and write. */
export interface BenchOutcome {
  /** the report (its head from `context.header`), written as JSON */
  readonly report: { readonly date: string };
  /** the other side's raw output, written beside the report (`{ qutipRaw: … }`) */
  readonly raw: Record<string, unknown>;
  /** the report as Markdown: printed, and the README section of a full run */
  readonly text: string;
}

/** What {@link runBenchProgram} gives the measuring part of a program. */
export interface BenchContext {
  /** writes a progress line to stderr, prefixed with the program's name */
  log(line: string): void;
  /** `os.loadavg()` when the program started */
  readonly loadBefore: readonly number[];
  /** the report's head, taken when called (after the measurements), with the other side's tools */
  header<Tools extends object>(tools: Tools): BenchRunHeader<Tools>;
}

/** One benchmark program, for {@link runBenchProgram}. */
export interface BenchProgram<O extends { readonly quick: boolean; readonly writeReadme: boolean }> {
  /** the name in its progress lines ('dicke bench') */
  readonly name: string;
  /** its results file: tools/bench/out/<file>-<date>.json */
  readonly file: string;
  parseArgs(argv: readonly string[]): O;
  /** the section of the README a full run rewrites: its markers and what the log line calls it */
  readonly readme: { readonly start: string; readonly end: string; readonly section: string };
  measure(opts: O, context: BenchContext): Promise<BenchOutcome>;
}

/**
 * Runs a benchmark program: parses its command line, measures, prints the Markdown report to
 * stdout, writes the report and the other side's raw output as JSON to
 * `<outDir><file>-<date>.json`, and (when `writeReadme`) rewrites the program's section of the
 * README. `--help` ends it normally; any error is printed to stderr and sets the exit code 1
 * (the returned promise never rejects).
 *
 * @param program - name, results file, argument parser, README section and the measuring part
 * @param argv - the arguments (default: the process's, after the script name)
 * @param files - where the JSON goes and which README is rewritten (default: tools/bench/out/, tools/bench/README.md)
 * @example
 * const outDir = `${mkdtempSync(`${tmpdir()}/bench-`)}/`;
 * await runBenchProgram(
 *   {
 *     name: 'demo bench',
 *     file: 'demo',
 *     parseArgs: () => ({ quick: true, writeReadme: false }),
 *     readme: { start: '<!-- demo:start -->', end: '<!-- demo:end -->', section: 'demo section' },
 *     measure: async (opts, context) => ({ report: context.header({}), raw: {}, text: 'demo report' }),
 *   },
 *   [],
 *   { outDir, readme: '' },
 * );
 * readdirSync(outDir).length; // 1
 */
export async function runBenchProgram<O extends { readonly quick: boolean; readonly writeReadme: boolean }>(
  program: BenchProgram<O>,
  argv: readonly string[] = process.argv.slice(2),
  files: { readonly outDir: string; readonly readme: string } = { outDir: here('../out/'), readme: here('../README.md') },
): Promise<void> {
  try {
    const opts = program.parseArgs(argv);
    const loadBefore = os.loadavg();
    const log = (s: string) => console.error(`[${program.name}] ${s}`);
    const header = <Tools extends object>(tools: Tools) => benchRunHeader(opts.quick, loadBefore, tools);
    const { report, raw, text } = await program.measure(opts, { log, loadBefore, header });
    console.log(text);
    mkdirSync(files.outDir, { recursive: true });
    const file = `${files.outDir}${program.file}-${report.date.replace(/[:.]/g, '-')}.json`;
    writeFileSync(file, JSON.stringify({ ...report, ...raw }, null, 1) + '\n');
    log(`wrote ${file}`);
    if (opts.writeReadme) {
      const { start, end, section } = program.readme;
      writeFileSync(files.readme, replaceSection(readFileSync(files.readme, 'utf8'), text, start, end));
      log(`rewrote the ${section} of ${files.readme}`);
    }
  } catch (e: unknown) {
    // --help: commander has written the usage; a normal exit
    if (e instanceof CommanderError && e.code === 'commander.helpDisplayed') return;
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  }
}
