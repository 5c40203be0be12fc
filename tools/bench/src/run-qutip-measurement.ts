import { jsonFromStdout } from './json-from-stdout';
import { runJsonScript } from './run-json-script';

/** One vdP heterodyne case of the QuTiP side (python/qutip_measurement_bench.py). */
export interface QutipVdpCase {
  readonly N: number;
  /** QuTiP's `solver` ('euler-maruyama', 'milstein', …) */
  readonly solver: string;
  readonly dt: number;
  readonly ntraj: number;
  /** trajectory steps timed (ntraj × steps each) */
  readonly steps: number;
  readonly seconds: number;
  readonly secondsPerStep: number;
  /** CPU time of the call (all threads of the Python process), s; absent in older results */
  readonly cpuSeconds?: number;
}

/**
 * QuTiP's vdP heterodyne ensemble: `ntraj` trajectories serial (smesolve's default map) or on 2
 * processes (`map_func=parallel_map`), the pool's start included.
 */
export interface QutipVdpEnsembleCase extends QutipVdpCase {
  readonly parallel: boolean;
  readonly processes: number;
  /** CPU time of the Python process and its finished children, s */
  readonly cpuSeconds: number;
}

/** QuTiP's Kerr mesolve at one tolerance pair: the best time and ⟨H⟩ at the 100 output times. */
export interface QutipKerrMesolve {
  readonly atol: number;
  readonly rtol: number;
  readonly seconds: number;
  /** CPU time of the fastest call, s; absent in older results */
  readonly cpuSeconds?: number;
  readonly times: readonly number[];
  readonly H: readonly number[];
}

/** QuTiP's homodyne Kerr smesolve on `ntraj` trajectories. */
export interface QutipKerrSmesolve {
  readonly solver: string;
  readonly ntraj: number;
  readonly steps: number;
  readonly dt: number;
  readonly seconds: number;
  readonly secondsPerStep: number;
  /** CPU time of the call (all threads of the Python process), s; absent in older results */
  readonly cpuSeconds?: number;
  /** ensemble ⟨a†a⟩ at the last output time */
  readonly nEnd: number;
}

/** The whole JSON object python/qutip_measurement_bench.py prints. */
export interface QutipMeasurementBench {
  readonly qutip_version: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly cases: {
    readonly vdp: readonly QutipVdpCase[];
    /** the vdP ensembles (empty unless asked for with `vdpEnsembleNtraj`) */
    readonly vdpEnsemble: readonly QutipVdpEnsembleCase[];
    /** QuTiP's default tolerances (atol 1e-8, rtol 1e-6) and the tight reference (1e-12, 1e-10); null with --skip-kerr */
    readonly kerrMesolve: { readonly default: QutipKerrMesolve; readonly tight: QutipKerrMesolve } | null;
    readonly kerrSmesolve: readonly QutipKerrSmesolve[];
  };
}

/** Options of {@link runQutipMeasurement}. */
export interface RunQutipMeasurementConfig {
  /** vdP Fock cutoffs (default: the script's, 10,20) */
  sizes?: readonly number[];
  /** QuTiP solvers for the vdP cases (default: euler-maruyama, milstein) */
  solvers?: readonly string[];
  /** vdP step (default 1e-3), steps per trajectory, trajectories */
  vdpDt?: number;
  vdpSteps?: number;
  vdpNtraj?: number;
  /** trajectories of the vdP ensembles, serial and on 2 processes (default 0: none) */
  vdpEnsembleNtraj?: number;
  /** Kerr: cutoff (default 50), smesolve trajectories (0: none), output times kept, solvers; skip it all */
  kerrN?: number;
  kerrNtraj?: number;
  kerrSamples?: number;
  kerrSolvers?: readonly string[];
  skipKerr?: boolean;
  /** Python with QuTiP 4.7 (default /usr/bin/python3) */
  python?: string;
  /** path of qutip_measurement_bench.py (default: python/ beside this package's src) */
  script?: string;
  /** called with each progress line the script writes to stderr */
  onLog?: (line: string) => void;
}

/**
 * Runs the QuTiP side of the measurement benchmark (python/qutip_measurement_bench.py) as a child
 * process and parses its JSON result (the last line of its stdout).
 *
 * @param config - what to run, interpreter, script, progress callback
 * @example
 * ```ts fragment
 * // needs python3-qutip, which a test cannot assume
 * const q = await runQutipMeasurement({ sizes: [10], kerrNtraj: 2 });
 * q.cases.vdp[0].secondsPerStep; // a few µs
 * ```
 */
export async function runQutipMeasurement(config: RunQutipMeasurementConfig = {}): Promise<QutipMeasurementBench> {
  const python = config.python ?? '/usr/bin/python3';
  const script = config.script ?? new URL('../python/qutip_measurement_bench.py', import.meta.url).pathname;
  const args = [script];
  const list = (flag: string, v: readonly (number | string)[] | undefined) => {
    if (v === undefined) return;
    if (v.length === 0) throw new Error(`runQutipMeasurement: '${flag.slice(2)}' must list at least one entry`);
    args.push(flag, v.join(','));
  };
  const num = (flag: string, v: number | undefined) => {
    if (v !== undefined) args.push(flag, String(v));
  };
  list('--sizes', config.sizes);
  list('--solvers', config.solvers);
  list('--kerr-solvers', config.kerrSolvers);
  num('--vdp-dt', config.vdpDt);
  num('--vdp-steps', config.vdpSteps);
  num('--vdp-ntraj', config.vdpNtraj);
  num('--vdp-ens-ntraj', config.vdpEnsembleNtraj);
  num('--kerr-n', config.kerrN);
  num('--kerr-ntraj', config.kerrNtraj);
  num('--kerr-samples', config.kerrSamples);
  if (config.skipKerr === true) args.push('--skip-kerr');
  return parseQutipMeasurementBench(await runJsonScript('runQutipMeasurement', python, args, { onLog: config.onLog }));
}

/**
 * Parses and checks the script's stdout (its last line is the JSON result).
 *
 * @param text - the script's stdout
 * @example
 * parseQutipMeasurementBench('{"qutip_version":"4.7.1","params":{},"cases":{"vdp":[],"kerrMesolve":null,"kerrSmesolve":[]}}').cases.vdpEnsemble; // []
 */
export function parseQutipMeasurementBench(text: string): QutipMeasurementBench {
  const fn = 'parseQutipMeasurementBench';
  const o = jsonFromStdout(text, fn) as Partial<QutipMeasurementBench> | null;
  const c = o?.cases as Partial<QutipMeasurementBench['cases']> | undefined;
  if (o == null || typeof o.qutip_version !== 'string' || c == null || !Array.isArray(c.vdp) || !Array.isArray(c.kerrSmesolve)) {
    throw new Error(`${fn}: the result must have 'qutip_version' and 'cases' with 'vdp' and 'kerrSmesolve' arrays`);
  }
  const numbers = (x: unknown, where: string, keys: readonly string[]) => {
    for (const key of keys) {
      const v = (x as Record<string, unknown>)[key];
      if (typeof v !== 'number') throw new Error(`${fn}: ${where} field '${key}' must be a number, got ${String(v)}`);
    }
  };
  for (const v of c.vdp) numbers(v, 'vdp case', ['N', 'dt', 'ntraj', 'steps', 'seconds', 'secondsPerStep']);
  if (c.vdpEnsemble !== undefined && !Array.isArray(c.vdpEnsemble)) throw new Error(`${fn}: 'cases.vdpEnsemble' must be an array when present`);
  const vdpEnsemble = c.vdpEnsemble ?? [];
  for (const v of vdpEnsemble) {
    numbers(v, 'vdpEnsemble case', ['N', 'dt', 'ntraj', 'steps', 'seconds', 'secondsPerStep', 'cpuSeconds', 'processes']);
    if (typeof v.parallel !== 'boolean') throw new Error(`${fn}: vdpEnsemble case field 'parallel' must be a boolean, got ${String(v.parallel)}`);
  }
  for (const s of c.kerrSmesolve) numbers(s, 'kerrSmesolve case', ['ntraj', 'steps', 'dt', 'seconds', 'secondsPerStep', 'nEnd']);
  if (c.kerrMesolve != null) {
    for (const k of ['default', 'tight'] as const) {
      const m = c.kerrMesolve[k];
      numbers(m, `kerrMesolve.${k}`, ['atol', 'rtol', 'seconds']);
      if (!Array.isArray(m.H) || !Array.isArray(m.times) || m.H.length !== m.times.length) {
        throw new Error(`${fn}: kerrMesolve.${k} must have arrays 'times' and 'H' of one length`);
      }
    }
  }
  return { ...(o as QutipMeasurementBench), cases: { ...(c as QutipMeasurementBench['cases']), vdpEnsemble } };
}
