import { jsonFromStdout } from './json-from-stdout';
import { runJsonScript } from './run-json-script';

/** One N of the PIQS side, as python/piqs_bench.py prints it (times in seconds). */
export interface PiqsCase {
  readonly N: number;
  readonly nds: number;
  readonly liouvillian_dim: number;
  readonly nnz: number;
  readonly build_s: number;
  readonly steady_s: number;
  readonly Sz: number;
  readonly SpSm: number;
}

/** The whole JSON object python/piqs_bench.py prints. */
export interface PiqsBench {
  readonly qutip_version: string;
  readonly numpy_version: string;
  readonly scipy_version: string;
  readonly python_version: string;
  readonly cases: readonly PiqsCase[];
}

/** Options of {@link runPiqs}. */
export interface RunPiqsConfig {
  /** Python with QuTiP 4.7 (default /usr/bin/python3) */
  python?: string;
  /** path of piqs_bench.py (default: python/ beside this package's src) */
  script?: string;
  /** timed steadystate calls per N, the fastest counts */
  reps?: number;
  /** environment variables added for the script */
  env?: Record<string, string>;
  /** called with each progress line the script writes to stderr */
  onLog?: (line: string) => void;
}

/**
 * Runs the PIQS side of the permutation-invariant steady-state benchmark as a child process and
 * parses its JSON result (the last line of its stdout).
 *
 * @param sizes - numbers of spins N, passed as --sizes
 * @param config - interpreter, script, reps, environment, progress callback
 * @example
 * ```ts fragment
 * // runs python/piqs_bench.py under QuTiP, which a test cannot assume
 * const q = await runPiqs([10, 20], { reps: 3 });
 * q.cases[1].steady_s; // about 0.02 on a 2-core VM
 * ```
 */
export async function runPiqs(sizes: readonly number[], config: RunPiqsConfig = {}): Promise<PiqsBench> {
  if (sizes.length === 0) throw new Error("runPiqs: argument 'sizes' must list at least one N");
  const python = config.python ?? '/usr/bin/python3';
  const script = config.script ?? new URL('../python/piqs_bench.py', import.meta.url).pathname;
  const args = [script, '--sizes', sizes.join(',')];
  if (config.reps !== undefined) args.push('--reps', String(config.reps));
  return parsePiqsBench(await runJsonScript('runPiqs', python, args, { env: config.env, onLog: config.onLog }));
}

/**
 * Parses and checks the script's stdout (its last line is the JSON result).
 *
 * @param text - the script's stdout
 * @example
 * parsePiqsBench('{"qutip_version":"4.7.1","cases":[]}').qutip_version; // '4.7.1'
 */
export function parsePiqsBench(text: string): PiqsBench {
  const o = jsonFromStdout(text, 'parsePiqsBench') as Partial<PiqsBench> | null;
  if (o == null || typeof o.qutip_version !== 'string' || !Array.isArray(o.cases)) {
    throw new Error("parsePiqsBench: the result must have 'qutip_version' and a 'cases' array");
  }
  for (const c of o.cases as unknown as Record<string, unknown>[]) {
    for (const key of ['N', 'nds', 'liouvillian_dim', 'nnz', 'build_s', 'steady_s', 'Sz', 'SpSm']) {
      if (typeof c[key] !== 'number') throw new Error(`parsePiqsBench: case field '${key}' must be a number, got ${String(c[key])}`);
    }
  }
  return o as PiqsBench;
}
