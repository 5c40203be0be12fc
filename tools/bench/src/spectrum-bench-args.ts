import type { Command } from 'commander';
import { integerArgument } from './integer-argument';
import { integerListArgument } from './integer-list-argument';
import { parseBenchCommandLine } from './parse-bench-command-line';
import type { CommandOutput } from './parse-command-line';

/** Options of one spectrum benchmark run, from {@link parseSpectrumBenchArgs}. */
export interface SpectrumBenchOptions {
  /** Fock cutoffs run on both sides */
  readonly sizes: readonly number[];
  /** Fock cutoffs run by qsync alone */
  readonly alone: readonly number[];
  readonly quick: boolean;
  /** frequencies on [−10, 10] */
  readonly freqs: number;
  /** frequencies QuTiP's dense 'pi' solver is timed on */
  readonly piFreqs: number;
  /** timed qsync calls per cutoff, the fastest counts */
  readonly reps: number;
  /** rewrite the spectrum section of tools/bench/README.md (default: full runs only) */
  readonly writeReadme: boolean;
}

/**
 * Parses the command line of `npm run bench:spectrum` (commander): `--sizes` (both sides,
 * default 6,8; 6 with `--quick`), `--alone` (qsync only, default 16; 12 with `--quick`),
 * `--freqs` (default 121), `--pi-freqs` (default 3; 1 with `--quick`), `--reps` (default 3;
 * 1 with `--quick`), `--readme` / `--no-readme`. Bad input throws an error naming the option.
 *
 * @param argv - arguments after the script name
 * @param output - receives the `--help` text (default: stdout)
 * @example
 * parseSpectrumBenchArgs(['--quick']); // { sizes: [6], alone: [12], quick: true, freqs: 121, piFreqs: 1, reps: 1, writeReadme: false }
 */
export function parseSpectrumBenchArgs(argv: readonly string[], output?: CommandOutput): SpectrumBenchOptions {
  const line = {
    name: 'spectrum bench',
    script: 'bench:spectrum',
    description: "qsync against QuTiP 4.7's spectrum (solvers 'es' and 'pi') on the steady-state spectrum of two quantum vdP oscillators (thesis Eqs. 4.8, 4.12)",
    readmeSection: 'spectrum results section',
    options: (c: Command) =>
      c
        .option('--sizes <list>', 'Fock cutoffs on both sides, integers 2…10 (default 6,8; 6 with --quick)', integerListArgument(2, 10))
        .option('--alone <list>', 'Fock cutoffs for qsync alone, integers 2…24 (default 16; 12 with --quick)', integerListArgument(2, 24))
        .option('--freqs <n>', 'frequencies on [−10, 10], an integer 2…10000 (default 121)', integerArgument(2, 10000))
        .option('--pi-freqs <n>', "frequencies QuTiP's dense 'pi' solver is timed on, an integer 1…121 (default 3; 1 with --quick)", integerArgument(1, 121))
        .option('--reps <n>', 'timed qsync calls per cutoff, the fastest counts, an integer 1…100 (default 3; 1 with --quick)', integerArgument(1, 100))
        .option('--quick', 'cutoff 6 against QuTiP and 12 alone, fewer timed calls; the README is left alone'),
  };
  const o = parseBenchCommandLine<{ sizes?: number[]; alone?: number[]; freqs?: number; piFreqs?: number; reps?: number }>(line, argv, output);
  const quick = o.quick;
  return {
    sizes: o.sizes ?? (quick ? [6] : [6, 8]),
    alone: o.alone ?? (quick ? [12] : [16]),
    quick,
    freqs: o.freqs ?? 121,
    piFreqs: o.piFreqs ?? (quick ? 1 : 3),
    reps: o.reps ?? (quick ? 1 : 3),
    writeReadme: o.writeReadme,
  };
}
