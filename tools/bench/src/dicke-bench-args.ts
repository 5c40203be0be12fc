import type { Command } from 'commander';
import { integerArgument } from './integer-argument';
import { integerListArgument } from './integer-list-argument';
import { parseBenchCommandLine } from './parse-bench-command-line';
import type { CommandOutput } from './parse-command-line';

/** Options of one run of the permutation-invariant benchmark, from {@link parseDickeBenchArgs}. */
export interface DickeBenchOptions {
  /** numbers of spins run on both sides */
  readonly sizes: readonly number[];
  /** numbers of spins run by qsync alone */
  readonly alone: readonly number[];
  readonly quick: boolean;
  /** timed calls per N, the fastest counts */
  readonly reps: number;
  /** rewrite the permutation-invariant section of tools/bench/README.md (default: full runs only) */
  readonly writeReadme: boolean;
}

/**
 * Parses the command line of `npm run bench:dicke` (commander): `--sizes` (both sides, default
 * 10,20,40; 10,20 with `--quick`), `--alone` (qsync only, default 100,200; 100 with `--quick`),
 * `--reps` (default 3, 1 with `--quick`), `--readme` / `--no-readme`. Bad input throws an
 * error naming the option.
 *
 * @param argv - arguments after the script name
 * @param output - receives the `--help` text (default: stdout)
 * @example
 * parseDickeBenchArgs(['--quick']); // { sizes: [10, 20], alone: [100], quick: true, reps: 1, writeReadme: false }
 */
export function parseDickeBenchArgs(argv: readonly string[], output?: CommandOutput): DickeBenchOptions {
  const line = {
    name: 'dicke bench',
    script: 'bench:dicke',
    description: 'qsync against QuTiP PIQS on the permutation-invariant steady state of the spin ensemble (thesis Eq. 4.52)',
    readmeSection: 'permutation-invariant results section',
    options: (c: Command) =>
      c
        .option('--sizes <list>', 'numbers of spins on both sides, integers 1…60 (default 10,20,40; 10,20 with --quick)', integerListArgument(1, 60))
        .option('--alone <list>', 'numbers of spins for qsync alone, integers 1…400 (default 100,200; 100 with --quick)', integerListArgument(1, 400))
        .option('--reps <n>', 'timed calls per N, the fastest counts, an integer 1…100 (default 3; 1 with --quick)', integerArgument(1, 100))
        .option('--quick', 'smaller sizes, one timed call; the README is left alone'),
  };
  const { sizes, alone, reps, quick, writeReadme } = parseBenchCommandLine<{ sizes?: number[]; alone?: number[]; reps?: number }>(line, argv, output);
  return { sizes: sizes ?? (quick ? [10, 20] : [10, 20, 40]), alone: alone ?? (quick ? [100] : [100, 200]), quick, reps: reps ?? (quick ? 1 : 3), writeReadme };
}
