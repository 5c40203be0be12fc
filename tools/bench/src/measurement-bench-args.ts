import type { Command } from 'commander';
import { integerArgument } from './integer-argument';
import { integerListArgument } from './integer-list-argument';
import { parseBenchCommandLine } from './parse-bench-command-line';
import type { CommandOutput } from './parse-command-line';

/** Options of one measurement benchmark run, from {@link parseMeasurementBenchArgs}. */
export interface MeasurementBenchOptions {
  /** Fock cutoffs of the heterodyne vdP oscillator */
  readonly sizes: readonly number[];
  readonly quick: boolean;
  /** steps of each timed vdP trajectory (both sides) */
  readonly vdpSteps: number;
  /** trajectories of each vdP ensemble (both sides; 0: no ensembles) */
  readonly vdpTrajectories: number;
  /** trajectories qsync runs in the Kerr smesolve benchmark (the paper's 100) */
  readonly trajectories: number;
  /** trajectories QuTiP runs there; its time is scaled to `trajectories` */
  readonly qutipTrajectories: number;
  /** output times of each Kerr trajectory (the paper's 500; fewer cut the run short, both sides) */
  readonly samples: number;
  /** worker threads of qsync's trajectory ensemble */
  readonly workers: number;
  /** rewrite the measurement section of tools/bench/README.md (default: full runs only) */
  readonly writeReadme: boolean;
}

/**
 * Parses the command line of `npm run bench:measurement` (commander): `--sizes` (vdP cutoffs,
 * default 10,20), `--vdp-steps` (default 4000; 1000 with `--quick`), `--vdp-trajectories` (vdP
 * ensembles on workers, default 100; 8 with `--quick`), `--trajectories` (qsync's
 * Kerr ensemble, default 100; 4 with `--quick`), `--qutip-trajectories` (default 4; 1 with
 * `--quick`), `--samples` (Kerr output times, default 500; 100 with `--quick`), `--workers`
 * (default 2), `--readme` / `--no-readme`. Bad input throws an error naming the option.
 *
 * @param argv - arguments after the script name
 * @param output - receives the `--help` text (default: stdout)
 * @example
 * parseMeasurementBenchArgs(['--quick']); // { sizes: [10, 20], quick: true, vdpSteps: 1000, vdpTrajectories: 8, trajectories: 4, qutipTrajectories: 1, samples: 100, workers: 2, writeReadme: false }
 */
export function parseMeasurementBenchArgs(argv: readonly string[], output?: CommandOutput): MeasurementBenchOptions {
  const line = {
    name: 'measurement bench',
    script: 'bench:measurement',
    description:
      "qsync's stochastic master equations against QuTiP 4.7's smesolve and mesolve: heterodyne vdP oscillator (Fig. 4.1) per step, and the QuantumToolbox.jl paper's driven Kerr oscillator",
    readmeSection: 'measurement results section',
    options: (c: Command) =>
      c
        .option('--sizes <list>', 'Fock cutoffs of the vdP oscillator, integers 2…40 (default 10,20)', integerListArgument(2, 40))
        .option('--vdp-steps <n>', 'steps of each timed vdP trajectory, an integer 100…100000 (default 4000; 1000 with --quick)', integerArgument(100, 100000))
        .option('--vdp-trajectories <n>', 'trajectories of each vdP ensemble (qsync on --workers threads, QuTiP serial and on 2 processes), an integer 0…10000 (default 100; 8 with --quick; 0: none)', integerArgument(0, 10000))
        .option('--trajectories <n>', "qsync's Kerr smesolve trajectories, an integer 1…10000 (default 100; 4 with --quick)", integerArgument(1, 10000))
        .option('--qutip-trajectories <n>', "QuTiP's, its time scaled to qsync's count, an integer 1…1000 (default 4; 1 with --quick)", integerArgument(1, 1000))
        .option('--samples <n>', 'output times of each Kerr trajectory, an integer 3…500 (default 500; 100 with --quick)', integerArgument(3, 500))
        .option('--workers <n>', "worker threads of qsync's ensemble, an integer 0…64 (default 2; 0: in this thread)", integerArgument(0, 64))
        .option('--quick', 'shorter vdP runs, 4 Kerr trajectories of 100 samples (QuTiP 1); the README is left alone'),
  };
  const o = parseBenchCommandLine<{ sizes?: number[]; vdpSteps?: number; vdpTrajectories?: number; trajectories?: number; qutipTrajectories?: number; samples?: number; workers?: number }>(
    line,
    argv,
    output,
  );
  const quick = o.quick;
  return {
    sizes: o.sizes ?? [10, 20],
    quick,
    vdpSteps: o.vdpSteps ?? (quick ? 1000 : 4000),
    vdpTrajectories: o.vdpTrajectories ?? (quick ? 8 : 100),
    trajectories: o.trajectories ?? (quick ? 4 : 100),
    qutipTrajectories: o.qutipTrajectories ?? (quick ? 1 : 4),
    samples: o.samples ?? (quick ? 100 : 500),
    workers: o.workers ?? 2,
    writeReadme: o.writeReadme,
  };
}
