import type { Command } from 'commander';
import { integerArgument } from './integer-argument';
import { integerListArgument } from './integer-list-argument';
import { parseBenchCommandLine } from './parse-bench-command-line';
import type { CommandOutput } from './parse-command-line';

/** Options of one benchmark run, from {@link parseBenchArgs}. */
export interface BenchOptions {
  /** Fock cutoffs N per oscillator (Hilbert dimension N², Liouvillian N⁴). */
  readonly sizes: readonly number[];
  /** `--quick`: N = 8 only (unless --sizes is given), fewer repetitions. */
  readonly quick: boolean;
  /** Single right-hand-side calls per size whose median is reported. */
  readonly rhsReps: number;
  /** Rewrite the results section of tools/bench/README.md: default for a full run, not for `--quick`; `--readme` / `--no-readme` decide explicitly. */
  readonly writeReadme: boolean;
}

/**
 * Parses the command line of `npm run bench` (commander): `--sizes 8,12,16` (default 8,12,16;
 * 8 with `--quick`), `--quick` (fewer repetitions), `--reps R` (RHS calls per median; default
 * 200, 50 with `--quick`), `--readme` / `--no-readme` (whether the README's results section is
 * rewritten, the last one given counts; default: yes for a full run, no for `--quick`, so quick
 * numbers never replace full ones). `--sizes 8,12` and `--sizes=8,12` both work. Bad input
 * throws an error naming the option; `--help` writes the usage to `output` and throws
 * commander's help error (see {@link parseCommandLine}).
 *
 * @param argv - arguments after the script name (`process.argv.slice(2)`)
 * @param output - receives the `--help` text (default: stdout)
 * @example
 * parseBenchArgs(['--quick']); // { sizes: [8], quick: true, rhsReps: 50, writeReadme: false }
 */
export function parseBenchArgs(argv: readonly string[], output?: CommandOutput): BenchOptions {
  const line = {
    name: 'bench',
    script: 'bench',
    description: 'qsync against QuTiP 4.7 on two coupled quantum van-der-Pol oscillators (thesis Eq. 4.8)',
    readmeSection: 'results section',
    options: (c: Command) =>
      c
        .option('--sizes <list>', 'Fock cutoffs N per oscillator, integers 2…40 (default 8,12,16; 8 with --quick)', integerListArgument(2, 40))
        .option('--quick', 'N = 8 only and fewer repetitions; the README is left alone')
        .option('--reps <n>', 'single RHS calls per median, an integer ≥ 1 (default 200; 50 with --quick)', integerArgument(1))
        .addHelpText('after', '\nThe Kuramoto benchmark (qsync against NumPy, Eq. 2.29) is a separate program:\n' + '  npm run bench:kuramoto -- --help\n'),
  };
  const o = parseBenchCommandLine<{ sizes?: number[]; reps?: number }>(line, argv, output);
  return { sizes: o.sizes ?? (o.quick ? [8] : [8, 12, 16]), quick: o.quick, rhsReps: o.reps ?? (o.quick ? 50 : 200), writeReadme: o.writeReadme };
}
