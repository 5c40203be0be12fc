import type { Command } from 'commander';
import { integerArgument } from './integer-argument';
import { integerListArgument } from './integer-list-argument';
import { parseBenchCommandLine } from './parse-bench-command-line';
import type { CommandOutput } from './parse-command-line';

/** Options of one detector-throughput run, from {@link parseDetectorBenchArgs}. */
export interface DetectorBenchOptions {
  /** Fock cutoffs per oscillator */
  readonly cutoffs: readonly number[];
  /** SME steps per current sample, one case each */
  readonly outputEvery: readonly number[];
  /** current samples per trajectory */
  readonly samples: number;
  /** samples per block */
  readonly blockLength: number;
  /** timed runs per stage, the fastest counts */
  readonly reps: number;
  readonly quick: boolean;
  /** rewrite the detector section of tools/bench/README.md (default: full runs only) */
  readonly writeReadme: boolean;
}

/**
 * Parses the command line of `npm run bench:detector` (commander): `--cutoffs` (default 6,8; 4 with
 * `--quick`), `--output-every` (default 1,10), `--samples` (default 20000; 2000 with `--quick`),
 * `--block` (default 1024), `--reps` (default 3; 1 with `--quick`), `--readme` / `--no-readme`.
 * Bad input throws an error naming the option.
 *
 * @param argv - arguments after the script name
 * @param output - receives the `--help` text (default: stdout)
 * @example
 * parseDetectorBenchArgs(['--quick']); // { cutoffs: [4], outputEvery: [1, 10], samples: 2000, blockLength: 1024, reps: 1, quick: true, writeReadme: false }
 */
export function parseDetectorBenchArgs(argv: readonly string[], output?: CommandOutput): DetectorBenchOptions {
  const line = {
    name: 'detector bench',
    script: 'bench:detector',
    description:
      'one heterodyne trajectory of two quantum vdP oscillators (Fig. 4.3(b)) streamed as blocks through the phase-difference detector (Eq. 4.15) in-process: samples per second of the simulation, the detector and both piped',
    readmeSection: 'detector section',
    options: (c: Command) =>
      c
        .option('--cutoffs <list>', 'Fock cutoffs per oscillator, integers 2…16 (default 6,8; 4 with --quick)', integerListArgument(2, 16))
        .option('--output-every <list>', 'SME steps per current sample, integers 1…1000 (default 1,10)', integerListArgument(1, 1000))
        .option('--samples <n>', 'current samples per trajectory, an integer 100…10000000 (default 20000; 2000 with --quick)', integerArgument(100, 10_000_000))
        .option('--block <n>', 'samples per block, an integer 1…1000000 (default 1024)', integerArgument(1, 1_000_000))
        .option('--reps <n>', 'timed runs per stage, the fastest counts, an integer 1…100 (default 3; 1 with --quick)', integerArgument(1, 100))
        .option('--quick', 'cutoff 4, 2000 samples, one run per stage; the README is left alone'),
  };
  const o = parseBenchCommandLine<{ cutoffs?: number[]; outputEvery?: number[]; samples?: number; block?: number; reps?: number }>(line, argv, output);
  const quick = o.quick;
  return {
    cutoffs: o.cutoffs ?? (quick ? [4] : [6, 8]),
    outputEvery: o.outputEvery ?? [1, 10],
    samples: o.samples ?? (quick ? 2000 : 20000),
    blockLength: o.block ?? 1024,
    reps: o.reps ?? (quick ? 1 : 3),
    quick,
    writeReadme: o.writeReadme,
  };
}
