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

const USAGE = 'usage: tsx tools/bench/src/kuramoto-main.ts [--sizes 4096,16384,65536] [--steps S] [--reps R] [--quick] [--readme | --no-readme]';

/**
 * Parses the command line of the Kuramoto benchmark: `--sizes` (default 4096,16384,65536;
 * 16384 with `--quick`), `--steps` (steps per timed run, default 400, 100 with `--quick`), `--reps`
 * (runs, default 5, 2 with `--quick`), `--readme` / `--no-readme` (default: rewrite for a full run).
 * `--opt value` and `--opt=value` both work.
 *
 * @param argv - arguments after the script name
 * @example
 * parseKuramotoBenchArgs(['--quick']); // { sizes: [16384], quick: true, steps: 100, reps: 2, writeReadme: false }
 */
export function parseKuramotoBenchArgs(argv: readonly string[]): KuramotoBenchOptions {
  let sizes: number[] | null = null;
  let quick = false;
  let steps: number | null = null;
  let reps: number | null = null;
  let writeReadme: boolean | null = null;
  const args = argv.flatMap((a) => (a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a]));
  const positive = (name: string, v: string, max: number): number => {
    const x = Number(v);
    if (!(Number.isInteger(x) && x >= 1 && x <= max)) {
      throw new Error(`kuramoto bench: option '${name}' must be an integer 1…${max}, got '${v}'`);
    }
    return x;
  };
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    const value = (): string => {
      const v = args[k + 1];
      if (v === undefined || v.startsWith('--')) throw new Error(`kuramoto bench: option '${a}' needs a value; ${USAGE}`);
      k++;
      return v;
    };
    if (a === '--quick') quick = true;
    else if (a === '--readme') writeReadme = true;
    else if (a === '--no-readme') writeReadme = false;
    else if (a === '--sizes') {
      const v = value();
      const parts = v.split(',').map((s) => s.trim()).filter((s) => s !== '');
      if (parts.length === 0) throw new Error(`kuramoto bench: option '--sizes' must list at least one N, got '${v}'`);
      sizes = parts.map((p) => positive('--sizes', p, 1 << 24));
    } else if (a === '--steps') steps = positive('--steps', value(), 1e6);
    else if (a === '--reps') reps = positive('--reps', value(), 1000);
    else throw new Error(`kuramoto bench: unknown argument '${a}'; ${USAGE}`);
  }
  return {
    sizes: sizes ?? (quick ? [16384] : [4096, 16384, 65536]),
    quick,
    steps: steps ?? (quick ? 100 : 400),
    reps: reps ?? (quick ? 2 : 5),
    writeReadme: writeReadme ?? !quick,
  };
}
