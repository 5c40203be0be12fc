import { jsonFromStdout } from './json-from-stdout';
import { runJsonScript } from './run-json-script';

/** One N of the NumPy side, as python/kuramoto_bench.py prints it (times in µs). */
export interface KuramotoNumpyCase {
  readonly N: number;
  readonly steps: number;
  readonly reps: number;
  readonly step_us: number;
  readonly steps_per_second: number;
  /** cos, sin, z and f (the drift), µs per step */
  readonly drift_us: number;
  /** np.cos + np.sin alone, µs per step */
  readonly trig_us: number;
  readonly normals_us: number;
  readonly rest_us: number;
  readonly final_r: number;
}

/** The whole JSON object python/kuramoto_bench.py prints. */
export interface KuramotoNumpyBench {
  readonly numpy_version: string;
  readonly python_version: string;
  readonly params: { readonly V: number; readonly G: number; readonly sigma: number; readonly dt: number };
  readonly cases: readonly KuramotoNumpyCase[];
}

/** Options of {@link runNumpyKuramoto}. */
export interface RunNumpyKuramotoConfig {
  /** Python with numpy (default /usr/bin/python3) */
  python?: string;
  /** path of kuramoto_bench.py (default: python/ beside this package's src) */
  script?: string;
  steps?: number;
  reps?: number;
  /** environment variables added for the script */
  env?: Record<string, string>;
  /** called with each progress line the script writes to stderr (and any stdout line before its result) */
  onLog?: (line: string) => void;
}

/**
 * Runs the NumPy side of the Kuramoto benchmark as a child process and parses its JSON result
 * (the last line of its stdout). Rejects with the script's stderr tail when it exits non-zero
 * or prints no valid JSON.
 *
 * @param sizes - oscillator counts N, passed as --sizes
 * @param config - interpreter, script, steps per run, runs, environment, progress callback
 * @example
 * ```ts fragment
 * // runs python/kuramoto_bench.py under NumPy, which a test cannot assume
 * const np = await runNumpyKuramoto([16384], { steps: 400, reps: 5 });
 * np.cases[0].steps_per_second; // about 1200 on a 2-core VM
 * ```
 */
export async function runNumpyKuramoto(sizes: readonly number[], config: RunNumpyKuramotoConfig = {}): Promise<KuramotoNumpyBench> {
  if (sizes.length === 0) throw new Error("runNumpyKuramoto: argument 'sizes' must list at least one N");
  const python = config.python ?? '/usr/bin/python3';
  const script = config.script ?? new URL('../python/kuramoto_bench.py', import.meta.url).pathname;
  const args = [script, '--sizes', sizes.join(',')];
  if (config.steps !== undefined) args.push('--steps', String(config.steps));
  if (config.reps !== undefined) args.push('--reps', String(config.reps));
  return parseNumpyKuramotoBench(await runJsonScript('runNumpyKuramoto', python, args, { env: config.env, onLog: config.onLog }));
}

/**
 * Parses and checks the script's stdout: its last line is one JSON object with `numpy_version`
 * and a `cases` array whose entries carry the timed fields of {@link KuramotoNumpyCase}.
 *
 * @param text - the script's stdout
 * @example
 * parseNumpyKuramotoBench('{"numpy_version":"1.24.2","cases":[]}').numpy_version; // '1.24.2'
 */
export function parseNumpyKuramotoBench(text: string): KuramotoNumpyBench {
  const d = jsonFromStdout(text, 'parseNumpyKuramotoBench') as Partial<KuramotoNumpyBench> | null;
  if (d === null || typeof d !== 'object' || !Array.isArray(d.cases) || typeof d.numpy_version !== 'string') {
    throw new Error("parseNumpyKuramotoBench: argument 'text' must be an object with 'numpy_version' and a 'cases' array");
  }
  for (const c of d.cases as Partial<KuramotoNumpyCase>[]) {
    for (const key of ['N', 'step_us', 'steps_per_second', 'drift_us', 'trig_us', 'normals_us', 'rest_us'] as const) {
      if (typeof c[key] !== 'number') {
        throw new Error(`parseNumpyKuramotoBench: case field '${key}' must be a number, got ${String(c[key])}`);
      }
    }
  }
  return d as KuramotoNumpyBench;
}
