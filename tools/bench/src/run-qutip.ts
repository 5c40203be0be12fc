import { jsonFromStdout } from './json-from-stdout';
import { runJsonScript } from './run-json-script';

/** One Fock cutoff of the QuTiP side, as python/qutip_bench.py prints it. */
export interface QutipCase {
  readonly N: number;
  readonly dim: number;
  readonly liouvillian_dim: number;
  readonly nnz: number;
  readonly build_ms: number;
  readonly rhs_ms: number;
  readonly rhs_scipy_ms: number;
  readonly rhs_reps: number;
  readonly mesolve_s: number;
  readonly mesolve_steps: number | null;
  readonly mesolve_rhs_evaluations: number | null;
  readonly steady_s: number;
  readonly mesolve_t_end: number;
  readonly mesolve_n_t: number;
  readonly mesolve_expect_re: readonly number[];
  readonly mesolve_expect_im: readonly number[];
  readonly steady_adagb: readonly [number, number];
}

/** The whole JSON object python/qutip_bench.py prints. */
export interface QutipBench {
  readonly qutip_version: string;
  readonly numpy_version: string;
  readonly scipy_version: string;
  readonly python_version: string;
  readonly platform: string;
  readonly cases: readonly QutipCase[];
}

/** Options of {@link runQutip}. */
export interface RunQutipConfig {
  /** Python with QuTiP 4.7 (default /usr/bin/python3, Debian's python3-qutip). */
  python?: string;
  /** Path of qutip_bench.py (default: python/qutip_bench.py beside this package's src). */
  script?: string;
  /** Single spmv calls per median (the script's --reps). */
  reps?: number;
  /** Environment variables added for the script (e.g. HOME, PYTHONPATH). */
  env?: Record<string, string>;
  /** Called with each progress line the script writes to stderr (and any stdout line before its result). */
  onLog?: (line: string) => void;
}

/**
 * Runs the QuTiP side of the benchmark as a child process and parses its JSON result (the last
 * line of its stdout: it also works where QuTiP prints "Calibrating OpenMP threshold..." at its
 * first import on a machine). Rejects with the script's stderr tail when it exits non-zero or
 * prints no valid JSON.
 *
 * @param sizes - Fock cutoffs N, passed as --sizes
 * @param config - interpreter, script path, reps, environment, progress callback
 * @example
 * ```ts fragment
 * // runs python/qutip_bench.py under QuTiP, which a test cannot assume
 * const q = await runQutip([8], { reps: 50 });
 * q.cases[0].mesolve_s; // about 1.3 on a 2-core VM
 * ```
 */
export async function runQutip(sizes: readonly number[], config: RunQutipConfig = {}): Promise<QutipBench> {
  if (sizes.length === 0) throw new Error("runQutip: argument 'sizes' must list at least one cutoff");
  const python = config.python ?? '/usr/bin/python3';
  const script = config.script ?? new URL('../python/qutip_bench.py', import.meta.url).pathname;
  const args = [script, '--sizes', sizes.join(',')];
  if (config.reps !== undefined) args.push('--reps', String(config.reps));
  return parseQutipBench(await runJsonScript('runQutip', python, args, { env: config.env, onLog: config.onLog }));
}

/**
 * Parses and checks the script's stdout: its last line is one JSON object with a `cases` array
 * whose entries carry the fields of {@link QutipCase} (earlier lines, a library's message at
 * import, are skipped).
 *
 * @param text - the script's stdout
 * @example
 * parseQutipBench('{"qutip_version":"4.7.1","cases":[]}').qutip_version; // '4.7.1'
 */
export function parseQutipBench(text: string): QutipBench {
  const d = jsonFromStdout(text, 'parseQutipBench') as Partial<QutipBench> | null;
  if (d === null || typeof d !== 'object' || !Array.isArray(d.cases) || typeof d.qutip_version !== 'string') {
    throw new Error("parseQutipBench: argument 'text' must be an object with 'qutip_version' and a 'cases' array");
  }
  for (const c of d.cases as Partial<QutipCase>[]) {
    for (const key of ['N', 'nnz', 'rhs_ms', 'mesolve_s', 'steady_s'] as const) {
      if (typeof c[key] !== 'number') throw new Error(`parseQutipBench: case field '${key}' must be a number, got ${String(c[key])}`);
    }
    if (!Array.isArray(c.mesolve_expect_re) || !Array.isArray(c.mesolve_expect_im) || !Array.isArray(c.steady_adagb)) {
      throw new Error(`parseQutipBench: case N = ${c.N} must carry mesolve_expect_re/_im and steady_adagb arrays`);
    }
  }
  return d as QutipBench;
}
