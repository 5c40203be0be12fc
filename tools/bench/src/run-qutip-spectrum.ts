import { jsonFromStdout } from './json-from-stdout';
import { runJsonScript } from './run-json-script';

/** One Fock cutoff of the QuTiP side of the spectrum benchmark (times in seconds). */
export interface QutipSpectrumCase {
  readonly N: number;
  readonly liouvillian_dim: number;
  readonly nnz: number;
  readonly freqs: number;
  /** spectrum(..., solver='es') on all `freqs` frequencies */
  readonly es_s: number;
  /** spectrum(..., solver='pi') on `pi_freqs` of them */
  readonly pi_freqs: number;
  readonly pi_s: number;
  readonly omega: readonly number[];
  readonly S_es: readonly number[];
  /** indices into `omega` of the frequencies 'pi' was run on, and its values there */
  readonly pi_index: readonly number[];
  readonly S_pi: readonly number[];
}

/** The whole JSON object python/qutip_spectrum_bench.py prints. */
export interface QutipSpectrumBench {
  readonly qutip_version: string;
  readonly numpy_version: string;
  readonly scipy_version: string;
  readonly python_version: string;
  readonly params: { readonly kappa: number; readonly kappa1: number; readonly kappa2: number; readonly delta: number; readonly V: number; readonly omegaMax: number };
  readonly cases: readonly QutipSpectrumCase[];
}

/** Options of {@link runQutipSpectrum}. */
export interface RunQutipSpectrumConfig {
  /** Python with QuTiP 4.7 (default /usr/bin/python3) */
  python?: string;
  /** path of qutip_spectrum_bench.py (default: python/ beside this package's src) */
  script?: string;
  /** frequencies on [−10, 10] (default: the script's, 121) */
  freqs?: number;
  /** frequencies the dense 'pi' solver is timed on (default: the script's, 3) */
  piFreqs?: number;
  /** environment variables added for the script */
  env?: Record<string, string>;
  /** called with each progress line the script writes to stderr */
  onLog?: (line: string) => void;
}

/**
 * Runs the QuTiP side of the steady-state spectrum benchmark as a child process and parses its
 * JSON result (the last line of its stdout).
 *
 * @param sizes - Fock cutoffs N, passed as --sizes
 * @param config - interpreter, script, frequencies, environment, progress callback
 * @example
 * ```ts fragment
 * // runs python/qutip_spectrum_bench.py under QuTiP, which a test cannot assume
 * const q = await runQutipSpectrum([6, 8], { piFreqs: 3 });
 * q.cases[1].es_s; // about 100 s on a 2-core VM
 * ```
 */
export async function runQutipSpectrum(sizes: readonly number[], config: RunQutipSpectrumConfig = {}): Promise<QutipSpectrumBench> {
  if (sizes.length === 0) throw new Error("runQutipSpectrum: argument 'sizes' must list at least one cutoff");
  const python = config.python ?? '/usr/bin/python3';
  const script = config.script ?? new URL('../python/qutip_spectrum_bench.py', import.meta.url).pathname;
  const args = [script, '--sizes', sizes.join(',')];
  if (config.freqs !== undefined) args.push('--freqs', String(config.freqs));
  if (config.piFreqs !== undefined) args.push('--pi-freqs', String(config.piFreqs));
  return parseQutipSpectrumBench(await runJsonScript('runQutipSpectrum', python, args, { env: config.env, onLog: config.onLog }));
}

/**
 * Parses and checks the script's stdout (its last line is the JSON result).
 *
 * @param text - the script's stdout
 * @example
 * parseQutipSpectrumBench('{"qutip_version":"4.7.1","params":{},"cases":[]}').qutip_version; // '4.7.1'
 */
export function parseQutipSpectrumBench(text: string): QutipSpectrumBench {
  const o = jsonFromStdout(text, 'parseQutipSpectrumBench') as Partial<QutipSpectrumBench> | null;
  if (o == null || typeof o.qutip_version !== 'string' || !Array.isArray(o.cases)) {
    throw new Error("parseQutipSpectrumBench: the result must have 'qutip_version' and a 'cases' array");
  }
  for (const c of o.cases as unknown as Record<string, unknown>[]) {
    for (const key of ['N', 'liouvillian_dim', 'nnz', 'freqs', 'es_s', 'pi_freqs', 'pi_s']) {
      if (typeof c[key] !== 'number') throw new Error(`parseQutipSpectrumBench: case field '${key}' must be a number, got ${String(c[key])}`);
    }
    for (const key of ['omega', 'S_es', 'pi_index', 'S_pi']) {
      if (!Array.isArray(c[key])) throw new Error(`parseQutipSpectrumBench: case field '${key}' must be an array`);
    }
  }
  return o as QutipSpectrumBench;
}
