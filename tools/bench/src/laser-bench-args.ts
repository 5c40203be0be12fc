import type { Command } from 'commander';
import { integerArgument } from './integer-argument';
import { parseBenchCommandLine } from './parse-bench-command-line';
import type { CommandOutput } from './parse-command-line';

/** Options of one run of the exact-laser benchmark, from {@link parseLaserBenchArgs}. */
export interface LaserBenchOptions {
  readonly quick: boolean;
  /** frequencies: midpoints on [−1, 1] */
  readonly freqs: number;
  /** timed calls of each task on each side, the fastest counts */
  readonly reps: number;
  /** rewrite the laser section of tools/bench/README.md (default: full runs only) */
  readonly writeReadme: boolean;
}

/**
 * Parses the command line of `npm run bench:laser` (commander): `--freqs` (default 20, the
 * fixture's grid; 4 with `--quick`), `--reps` (default 3; 1 with `--quick`), `--readme` /
 * `--no-readme`. Bad input throws an error naming the option.
 *
 * @param argv - arguments after the script name
 * @param output - receives the `--help` text (default: stdout)
 * @example
 * parseLaserBenchArgs(['--quick']); // { quick: true, freqs: 4, reps: 1, writeReadme: false }
 */
export function parseLaserBenchArgs(argv: readonly string[], output?: CommandOutput): LaserBenchOptions {
  const line = {
    name: 'laser bench',
    script: 'bench:laser',
    description:
      "qsync against QuTiP 4.7 on the exact steady state and emission spectrum of the laser with driven and undriven atoms (thesis Eq. 7.1; N_d = 3, N_ud = 1, Fock cutoff 10)",
    readmeSection: 'laser results section',
    options: (c: Command) =>
      c
        .option('--freqs <n>', 'frequencies (midpoints on [−1, 1]), an integer 1…200 (default 20; 4 with --quick)', integerArgument(1, 200))
        .option('--reps <n>', 'timed calls of each task on each side, the fastest counts, an integer 1…20 (default 3; 1 with --quick)', integerArgument(1, 20))
        .option('--quick', 'fewer frequencies and one timed call; the README is left alone'),
  };
  const o = parseBenchCommandLine<{ freqs?: number; reps?: number }>(line, argv, output);
  const quick = o.quick;
  return { quick, freqs: o.freqs ?? (quick ? 4 : 20), reps: o.reps ?? (quick ? 1 : 3), writeReadme: o.writeReadme };
}
