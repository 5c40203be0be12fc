import type { Command } from 'commander';
import { integerArgument } from './integer-argument';
import { integerListArgument } from './integer-list-argument';
import { parseBenchCommandLine } from './parse-bench-command-line';
import type { CommandOutput } from './parse-command-line';

/** Options of one Kuramoto benchmark run, from {@link parseKuramotoBenchArgs}. */
export interface KuramotoBenchOptions {
  /** oscillator counts N */
  readonly sizes: readonly number[];
  readonly quick: boolean;
  /** Euler–Maruyama steps per timed run */
  readonly steps: number;
  /** timed runs per part; the fastest counts */
  readonly reps: number;
  /** rewrite the Kuramoto section of tools/bench/README.md (default: full runs only) */
  readonly writeReadme: boolean;
}

/**
 * Parses the command line of the Kuramoto benchmark (commander, as {@link parseBenchArgs}):
 * `--sizes` (default 4096,16384,65536; 16384 with `--quick`), `--steps` (steps per timed run,
 * default 400, 100 with `--quick`), `--reps` (runs, default 5, 2 with `--quick`), `--readme` /
 * `--no-readme` (the last one given counts; default: rewrite for a full run). `--opt value` and
 * `--opt=value` both work. Bad input throws an error naming the option; `--help` writes the
 * usage to `output` and throws commander's help error.
 *
 * @param argv - arguments after the script name
 * @param output - receives the `--help` text (default: stdout)
 * @example
 * parseKuramotoBenchArgs(['--quick']); // { sizes: [16384], quick: true, steps: 100, reps: 2, writeReadme: false }
 */
export function parseKuramotoBenchArgs(argv: readonly string[], output?: CommandOutput): KuramotoBenchOptions {
  const line = {
    name: 'kuramoto bench',
    script: 'bench:kuramoto',
    description: 'qsync against NumPy on Euler–Maruyama steps of the Kuramoto model (thesis Eq. 2.29)',
    readmeSection: 'Kuramoto results section',
    options: (c: Command) =>
      c
        .option('--sizes <list>', 'oscillator counts N, integers 1…16777216 (default 4096,16384,65536; 16384 with --quick)', integerListArgument(1, 1 << 24))
        .option('--steps <n>', 'steps per timed run, an integer 1…1000000 (default 400; 100 with --quick)', integerArgument(1, 1e6))
        .option('--reps <n>', 'timed runs per part, the fastest counts, an integer 1…1000 (default 5; 2 with --quick)', integerArgument(1, 1000))
        .option('--quick', 'N = 16384 only, fewer steps and runs; the README is left alone'),
  };
  const { sizes, steps, reps, quick, writeReadme } = parseBenchCommandLine<{ sizes?: number[]; steps?: number; reps?: number }>(line, argv, output);
  return { sizes: sizes ?? (quick ? [16384] : [4096, 16384, 65536]), quick, steps: steps ?? (quick ? 100 : 400), reps: reps ?? (quick ? 2 : 5), writeReadme };
}
