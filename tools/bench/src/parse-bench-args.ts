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

const USAGE = 'usage: npm run bench -- [--sizes 8,12,16] [--quick] [--reps R] [--readme | --no-readme]';

/**
 * Parses the command line of `npm run bench`: `--sizes 8,12,16` (default 8,12,16; 8 with
 * `--quick`), `--quick` (fewer repetitions), `--reps R` (RHS calls per median; default 200,
 * 50 with `--quick`), `--readme` / `--no-readme` (whether the README's results section is
 * rewritten; default: yes for a full run, no for `--quick`, so quick numbers never replace full ones). Both `--sizes 8,12` and `--sizes=8,12` work.
 *
 * @param argv - arguments after the script name (`process.argv.slice(2)`)
 * @example
 * parseBenchArgs(['--quick']); // { sizes: [8], quick: true, rhsReps: 50, writeReadme: false }
 */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  let sizes: number[] | null = null;
  let quick = false;
  let reps: number | null = null;
  let writeReadme: boolean | null = null;
  const args = argv.flatMap((a) => (a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a]));
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    const value = (): string => {
      const v = args[k + 1];
      if (v === undefined || v.startsWith('--')) throw new Error(`bench: option '${a}' needs a value; ${USAGE}`);
      k++;
      return v;
    };
    if (a === '--quick') quick = true;
    else if (a === '--no-readme') writeReadme = false;
    else if (a === '--readme') writeReadme = true;
    else if (a === '--sizes') {
      const v = value();
      const parts = v.split(',').map((s) => s.trim()).filter((s) => s !== '');
      const ns = parts.map(Number);
      if (ns.length === 0 || ns.some((x) => !(Number.isInteger(x) && x >= 2 && x <= 40))) {
        throw new Error(`bench: option '--sizes' must be a comma-separated list of integers 2…40, got '${v}'`);
      }
      sizes = ns;
    } else if (a === '--reps') {
      const v = value();
      const r = Number(v);
      if (!(Number.isInteger(r) && r >= 1)) throw new Error(`bench: option '--reps' must be an integer ≥ 1, got '${v}'`);
      reps = r;
    } else {
      throw new Error(`bench: unknown argument '${a}'; ${USAGE}`);
    }
  }
  return {
    sizes: sizes ?? (quick ? [8] : [8, 12, 16]),
    quick,
    rhsReps: reps ?? (quick ? 50 : 200),
    writeReadme: writeReadme ?? !quick,
  };
}
