import type { Command } from 'commander';
import { integerArgument } from './integer-argument';
import { integerListArgument } from './integer-list-argument';
import { parseBenchCommandLine } from './parse-bench-command-line';
import type { CommandOutput } from './parse-command-line';

/** Options of `npm run bench:cumulants`, from {@link parseCumulantsBenchArgs}. */
export interface CumulantsBenchOptions {
  /** cumulant orders, each solved and compared with QuTiP's exact ⟨σz_3⟩ */
  readonly orders: readonly number[];
  /** orders of the grouped derivations ((6.1) and (7.1), two groups of symbolic size), each in a fresh process */
  readonly groups: readonly number[];
  /** warm runs per order (the fastest counts) and QuTiP mesolve runs */
  readonly reps: number;
  readonly quick: boolean;
  /** rewrite the cumulants section of tools/bench/README.md (default: full runs only) */
  readonly writeReadme: boolean;
}

/**
 * Parses the command line of `npm run bench:cumulants` (commander): `--orders` (default 1,2,3),
 * `--groups` (default 2,3,4; 2,3 with `--quick`), `--reps` (default 3; 1 with `--quick`),
 * `--quick`, `--readme` / `--no-readme`. Bad input
 * throws an error naming the option.
 *
 * @param argv - arguments after the script name
 * @param output - receives the `--help` text (default: stdout)
 * @example
 * parseCumulantsBenchArgs(['--quick']); // { orders: [1, 2, 3], groups: [2, 3], reps: 1, quick: true, writeReadme: false }
 * parseCumulantsBenchArgs(['--orders', '5']); // throws "--orders"
 */
export function parseCumulantsBenchArgs(argv: readonly string[], output?: CommandOutput): CumulantsBenchOptions {
  const line = {
    name: 'cumulants bench',
    script: 'bench:cumulants',
    description:
      'time to first solve (derive, compile, initial moments, integrate) of the order-k cumulant equations of the dissipative Ising chain of QuantumCumulants.jl #294, beside QuTiP 4.7 mesolve of the exact chain; and the derivation time and peak memory of the grouped equations of (6.1) and (7.1)',
    readmeSection: 'cumulants section',
    options: (c: Command) =>
      c
        .option('--orders <list>', 'cumulant orders, integers 1…4 (default 1,2,3)', integerListArgument(1, 4))
        .option('--groups <list>', 'orders of the grouped derivations of (6.1) and (7.1), integers 1…4 (default 2,3,4; 2,3 with --quick)', integerListArgument(1, 4))
        .option('--reps <n>', 'warm runs per order and QuTiP runs, the fastest counts, an integer 1…20 (default 3; 1 with --quick)', integerArgument(1, 20))
        .option('--quick', 'one run each; the README is left alone'),
  };
  const o = parseBenchCommandLine<{ orders?: number[]; groups?: number[]; reps?: number }>(line, argv, output);
  return {
    orders: o.orders ?? [1, 2, 3],
    groups: o.groups ?? (o.quick ? [2, 3] : [2, 3, 4]),
    reps: o.reps ?? (o.quick ? 1 : 3),
    quick: o.quick,
    writeReadme: o.writeReadme,
  };
}
