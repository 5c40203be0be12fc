import { jsonFromStdout } from './json-from-stdout';
import { runJsonScript } from './run-json-script';

/** The QuTiP side of the exact-laser benchmark (python/qutip_laser_bench.py; times in seconds, fastest call). */
export interface QutipLaserCase {
  readonly params: Readonly<Record<string, number>>;
  readonly hilbert_dim: number;
  readonly liouvillian_dim: number;
  readonly nnz: number;
  readonly reps: number;
  readonly has_mkl: boolean;
  /** qutip.steadystate(H, c_ops), method 'direct' */
  readonly steadystate_s: number;
  readonly steadystate_cpu_s: number;
  readonly expect: Readonly<Record<string, readonly [number, number]>>;
  readonly omega: readonly number[];
  /** liouvillian + steadystate + one sparse spsolve of (iω − L) per frequency */
  readonly spectrum_s: number;
  readonly spectrum_cpu_s: number;
  readonly S: readonly number[];
}

/** The whole JSON object python/qutip_laser_bench.py prints. */
export interface QutipLaserBench {
  readonly qutip_version: string;
  readonly numpy_version: string;
  readonly scipy_version: string;
  readonly python_version: string;
  readonly cases: readonly QutipLaserCase[];
}

/**
 * Runs the QuTiP side of the exact-laser benchmark as a child process and parses its JSON result.
 *
 * @param config - frequencies and timed calls (the script's options), interpreter, progress callback
 * @example
 * ```ts fragment
 * // runs python/qutip_laser_bench.py under QuTiP, which a test cannot assume
 * const q = await runQutipLaser({ freqs: 20, reps: 3 });
 * q.cases[0].steadystate_s; // a few seconds on a loaded 2-core VM
 * ```
 */
export async function runQutipLaser(config: { freqs: number; reps: number; python?: string; onLog?: (line: string) => void }): Promise<QutipLaserBench> {
  const script = new URL('../python/qutip_laser_bench.py', import.meta.url).pathname;
  const args = [script, '--freqs', String(config.freqs), '--reps', String(config.reps)];
  return parseQutipLaserBench(await runJsonScript('runQutipLaser', config.python ?? '/usr/bin/python3', args, { onLog: config.onLog }));
}

/**
 * Parses and checks the script's stdout (its last line is the JSON result): one case with its
 * times, moments and spectrum.
 *
 * @param text - the script's stdout
 * @example
 * parseQutipLaserBench('{"qutip_version":"4.7.1","cases":[]}'); // throws "parseQutipLaserBench: the result must have 'qutip_version' and one case"
 */
export function parseQutipLaserBench(text: string): QutipLaserBench {
  const o = jsonFromStdout(text, 'parseQutipLaserBench') as Partial<QutipLaserBench> | null;
  if (o == null || typeof o.qutip_version !== 'string' || !Array.isArray(o.cases) || o.cases.length !== 1) {
    throw new Error("parseQutipLaserBench: the result must have 'qutip_version' and one case");
  }
  const c = o.cases[0] as unknown as Record<string, unknown>;
  for (const key of ['liouvillian_dim', 'nnz', 'steadystate_s', 'steadystate_cpu_s', 'spectrum_s', 'spectrum_cpu_s']) {
    if (typeof c[key] !== 'number') throw new Error(`parseQutipLaserBench: case field '${key}' must be a number, got ${String(c[key])}`);
  }
  for (const key of ['omega', 'S']) {
    if (!Array.isArray(c[key])) throw new Error(`parseQutipLaserBench: case field '${key}' must be an array`);
  }
  if (typeof c.expect !== 'object' || c.expect === null) throw new Error("parseQutipLaserBench: case field 'expect' must be an object");
  return o as QutipLaserBench;
}
