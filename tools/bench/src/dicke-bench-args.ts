import { Command } from 'commander';
import { integerArgument } from './integer-argument';
import { integerListArgument } from './integer-list-argument';
import { parseCommandLine, type CommandOutput } from './parse-command-line';

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
  const command = new Command('dicke bench')
    .usage('[options]   (npm run bench:dicke -- [options])')
    .description('qsync against QuTiP PIQS on the permutation-invariant steady state of the spin ensemble (thesis Eq. 4.52)')
    .option('--sizes <list>', 'numbers of spins on both sides, integers 1…60 (default 10,20,40; 10,20 with --quick)', integerListArgument(1, 60))
    .option('--alone <list>', 'numbers of spins for qsync alone, integers 1…400 (default 100,200; 100 with --quick)', integerListArgument(1, 400))
    .option('--reps <n>', 'timed calls per N, the fastest counts, an integer 1…100 (default 3; 1 with --quick)', integerArgument(1, 100))
    .option('--quick', 'smaller sizes, one timed call; the README is left alone')
    .option('--readme', 'rewrite the permutation-invariant results section of tools/bench/README.md (default for a full run)')
    .option('--no-readme', 'leave the README alone (default with --quick)');
  const o = parseCommandLine<{ sizes?: number[]; alone?: number[]; reps?: number; quick?: boolean; readme?: boolean }>(command, argv, output);
  const quick = o.quick === true;
  return {
    sizes: o.sizes ?? (quick ? [10, 20] : [10, 20, 40]),
    alone: o.alone ?? (quick ? [100] : [100, 200]),
    quick,
    reps: o.reps ?? (quick ? 1 : 3),
    writeReadme: o.readme ?? !quick,
  };
}
