import { compileLindbladRhs, mesolve } from '@qsync/integrators';
import { lindbladian } from '@qsync/operators';
import { readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileDiffusiveSme, createDiffusiveTrajectories, createTrajectoryPool, trajectoryEnsemble } from '@qsync/unravelers';
import type { SmeMethod, TrajectoryEnsembleConfig } from '@qsync/unravelers';
import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { kerrBenchModel, KERR_BENCH_PARAMS } from './kerr-bench-model';
import { kerrHomodyneTask } from './kerr-homodyne-task';
import type { KerrHomodyneConfig } from './kerr-homodyne-task';
import { median } from './median';
import { measurementVdpModel } from './measurement-vdp-model';
import type { MeasurementVdpProblem } from './measurement-vdp-model';
import { measurementVdpTask } from './measurement-vdp-task';
import type { MeasurementVdpConfig } from './measurement-vdp-task';

/** qsync's time per step of one heterodyne vdP trajectory. */
export interface VdpStepCase {
  readonly N: number;
  readonly method: SmeMethod;
  readonly steps: number;
  readonly secondsPerStep: number;
  /** CPU time per step of the same runs (this process; best of the repetitions) */
  readonly cpuSecondsPerStep: number;
}

/** Where one SME step's time goes (seconds per call, medians). */
export interface StepProfile {
  readonly problem: 'vdp' | 'kerr';
  readonly N: number;
  readonly method: SmeMethod;
  /** the deterministic Lindblad RHS alone, `compileLindbladRhs(l).applyInto` */
  readonly rhs: number;
  /** one `compileDiffusiveSme(...).stepInto` (RHS, noise terms, Hermitian symmetrisation, trace renormalisation) */
  readonly step: number;
  /** a trajectory step with every cost of `runInto` (noise draws, currents, expectation values, positivity test at its default cadence) */
  readonly trajectoryStep: number;
  /** that default cadence: the positivity test runs every this many steps (max(10, n)) */
  readonly positivityCheckEvery: number;
  /** the same with the positivity test never run */
  readonly trajectoryStepNoCheck: number;
}

function kerrHomodyne(N: number): MeasurementVdpProblem {
  const m = kerrBenchModel(N);
  return { model: { hamiltonian: m.hamiltonian, dissipators: [m.gain], monitored: [{ ...m.loss, unraveling: 'homodyne' }] }, rho0: m.rho0, a: m.number };
}

/**
 * Seconds per step of `runInto` over `steps` steps (output every 10 steps, ⟨a⟩ sampled): the best
 * of `reps`; the positivity test at its default cadence unless `checkEvery` is given.
 */
function trajectorySeconds(
  { model, rho0, a }: MeasurementVdpProblem,
  method: SmeMethod,
  dt: number,
  steps: number,
  reps: number,
  checkEvery?: number,
): { wall: number; cpu: number } {
  const runs = createDiffusiveTrajectories(model, {
    rho0,
    dt,
    tEnd: dt * steps,
    outputEvery: 10,
    method,
    noiseSeed: 1,
    expect: { a },
    ...(checkEvery !== undefined ? { positivityCheckEvery: checkEvery } : {}),
  });
  const cols = { I0: new Float64Array(2 * runs.samples), a: new Float64Array(2 * runs.samples) }; // I0 complex or real: large enough
  // warm-up of at least 50 ms: V8 optimises the JavaScript for this size, and the WebAssembly
  // module of the step (compiled at first by the baseline compiler) is tiered up in the
  // background, which a loaded machine delays (one short trajectory measured the baseline code)
  const warm = performance.now();
  do runs.runInto(0, cols);
  while (performance.now() - warm < 50);
  let wall = Infinity;
  let cpu = Infinity;
  for (let r = 0; r < reps; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    runs.runInto(r + 1, cols);
    wall = Math.min(wall, (performance.now() - t0) / 1e3);
    const c = process.cpuUsage(c0);
    cpu = Math.min(cpu, (c.user + c.system) / 1e6);
  }
  return { wall: wall / steps, cpu: cpu / steps };
}

/**
 * qsync's seconds per step of one heterodyne trajectory of the vdP oscillator (Fig. 4.1) at Fock
 * cutoff N: `createDiffusiveTrajectories(...).runInto` over `steps` steps of `dt`, best of `reps`.
 *
 * @param N - Fock cutoff
 * @param method - 'euler-maruyama' or 'milstein'
 * @param config - step, steps, repetitions
 * @example
 * benchVdpStep(4, 'milstein', { dt: 1e-3, steps: 100, reps: 1 }).secondsPerStep > 0; // true
 */
export function benchVdpStep(N: number, method: SmeMethod, config: { dt: number; steps: number; reps: number }): VdpStepCase {
  const t = trajectorySeconds(measurementVdpModel(N), method, config.dt, config.steps, config.reps);
  return { N, method, steps: config.steps, secondsPerStep: t.wall, cpuSecondsPerStep: t.cpu };
}

/**
 * Where one SME step spends its time at cutoff N — the heterodyne vdP oscillator (Fig. 4.1) or the
 * homodyne Kerr benchmark: the deterministic RHS alone, one `stepInto`, and a trajectory step
 * with and without the positivity test (medians of `calls`; trajectory steps best of 3 runs).
 *
 * @param problem - 'vdp' or 'kerr'
 * @param N - Fock cutoff
 * @param method - scheme
 * @param calls - calls per median
 * @example
 * const p = profileSmeStep('vdp', 4, 'milstein', 50);
 * [p.problem, p.N]; // ['vdp', 4]
 */
export function profileSmeStep(problem: 'vdp' | 'kerr', N: number, method: SmeMethod, calls: number): StepProfile {
  const p = problem === 'vdp' ? measurementVdpModel(N) : kerrHomodyne(N);
  const { model, rho0 } = p;
  const sme = compileDiffusiveSme(model);
  const l = lindbladian(model.hamiltonian, [...(model.dissipators ?? []), ...model.monitored.map((c) => ({ rate: c.rate, jump: c.jump }))]);
  const rhs = compileLindbladRhs(l);
  const rho = Float64Array.from(rho0.matrix.data);
  const out = new Float64Array(rho.length);
  const dW = new Float64Array(sme.noises);
  const signal = new Float64Array(sme.noises);
  const time = (f: () => void): number => {
    for (let i = 0; i < Math.max(20, calls / 5); i++) f();
    const ts: number[] = [];
    for (let i = 0; i < calls; i++) {
      const t0 = performance.now();
      f();
      ts.push((performance.now() - t0) / 1e3);
    }
    return median(ts);
  };
  const dt = 1e-3;
  const sq = Math.sqrt(dt);
  let k = 0;
  const rhsS = time(() => rhs.applyInto(out, rho));
  const stepS = time(() => {
    k++;
    // bounded, deterministic increments: the state stays physical and the call costs no draws
    for (let j = 0; j < dW.length; j++) dW[j] = sq * Math.sin(k + j);
    sme.stepInto(rho, 0, dt, dW, signal, method);
  });
  const steps = Math.max(200, calls * 2);
  return {
    problem,
    N,
    method,
    rhs: rhsS,
    step: stepS,
    trajectoryStep: trajectorySeconds(p, method, dt, steps, 3).wall,
    positivityCheckEvery: Math.max(10, sme.n),
    trajectoryStepNoCheck: trajectorySeconds(p, method, dt, steps, 3, steps).wall,
  };
}

/** qsync's Kerr mesolve: time and ⟨H⟩ at the output times. */
export interface KerrMesolveCase {
  readonly rtol: number;
  readonly atol: number;
  readonly seconds: number;
  /** CPU time of the fastest call (this process), s */
  readonly cpuSeconds: number;
  readonly H: readonly number[];
}

/**
 * qsync's `mesolve` on the driven Kerr oscillator (cutoff 50), 100 output times on [0, 10], ⟨H⟩:
 * the best of `reps` calls at the given tolerances.
 *
 * @param tol - rtol and atol
 * @param reps - timed calls
 * @param N - Fock cutoff (default 50)
 * @example
 * ```ts fragment
 * const c = await benchKerrMesolve({ rtol: 1e-6, atol: 1e-8 }, 1);
 * c.H.length; // 100
 * ```
 */
export async function benchKerrMesolve(tol: { rtol: number; atol: number }, reps: number, N: number = KERR_BENCH_PARAMS.N): Promise<KerrMesolveCase> {
  const m = kerrBenchModel(N);
  const l = lindbladian(m.hamiltonian, [m.loss, m.gain]);
  const { tEnd, mesolveTimes } = KERR_BENCH_PARAMS;
  const times = Array.from({ length: mesolveTimes }, (_, k) => (k * tEnd) / (mesolveTimes - 1));
  let best = Infinity;
  let bestCpu = Infinity;
  let H: number[] = [];
  for (let r = 0; r < reps; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const frames = await lastValueFrom(mesolve(l, m.rho0, times, { expect: { H: m.hamiltonian }, ...tol }).pipe(toArray()));
    best = Math.min(best, (performance.now() - t0) / 1e3);
    const c = process.cpuUsage(c0);
    bestCpu = Math.min(bestCpu, (c.user + c.system) / 1e6);
    H = frames.map((f) => {
      const ch = f.channels.H;
      if (ch === undefined || ch.kind !== 'complex') throw new Error(`benchKerrMesolve: frame at t = ${f.t} has no complex channel 'H'`);
      return ch.re;
    });
  }
  return { ...tol, seconds: best, cpuSeconds: bestCpu, H };
}

/** qsync's homodyne Kerr ensemble. */
export interface KerrSmesolveCase {
  readonly method: SmeMethod;
  readonly trajectories: number;
  readonly workers: number;
  readonly steps: number;
  readonly seconds: number;
  /** one trajectory in this thread, per step (no pool) */
  readonly secondsPerStep: number;
  /** CPU time per step of that trajectory (this thread) */
  readonly cpuSecondsPerStep: number;
  /** CPU time of the whole ensemble (all threads of this process: main and workers), s */
  readonly cpuSeconds: number;
  /** ensemble ⟨a†a⟩ and its standard error at the last sample */
  readonly nEnd: number;
  readonly nEndError: number;
}

/**
 * qsync's homodyne `smesolve` benchmark on the Kerr oscillator: `trajectories` trajectories of
 * 500 samples, 20 steps of 1e-3 each, monitoring the loss channel, ⟨a†a⟩, through
 * `trajectoryEnsemble` on `workers` workers; and one trajectory in this thread for the time per step.
 *
 * @param config - trajectories, workers, scheme
 * @example
 * ```ts fragment
 * const c = await benchKerrSmesolve({ trajectories: 100, workers: 2, method: 'milstein' });
 * c.seconds; // the whole ensemble, s
 * ```
 */
export async function benchKerrSmesolve(config: { trajectories: number; workers: number; method: SmeMethod; samples?: number }): Promise<KerrSmesolveCase> {
  const { dt, smesolveTimes } = KERR_BENCH_PARAMS;
  const task: { module: string; name: string; config: KerrHomodyneConfig } = {
    module: kerrHomodyneTask,
    name: 'kerrHomodyneTrajectory',
    config: { dt, outputEvery: 20, samples: config.samples ?? smesolveTimes, method: config.method },
  };
  const { kerrHomodyneTrajectory } = await import('./kerr-homodyne-task');
  const steps = task.config.outputEvery * task.config.samples;
  kerrHomodyneTrajectory({ ...task.config, samples: 5 }, 0, 1); // warm-up
  let c0 = process.cpuUsage();
  let t0 = performance.now();
  kerrHomodyneTrajectory(task.config, 0, 1);
  const secondsPerStep = (performance.now() - t0) / 1e3 / steps;
  let c = process.cpuUsage(c0);
  const cpuSecondsPerStep = (c.user + c.system) / 1e6 / steps;
  c0 = process.cpuUsage();
  t0 = performance.now();
  const last = await lastValueFrom(trajectoryEnsemble(task, { trajectories: config.trajectories, noiseSeed: 11, workers: config.workers, emitEvery: config.trajectories }));
  const seconds = (performance.now() - t0) / 1e3;
  c = process.cpuUsage(c0);
  const cpuSeconds = (c.user + c.system) / 1e6;
  const n = last.channels.n;
  const end = n.mean.length - 2;
  return {
    method: config.method,
    trajectories: config.trajectories,
    workers: config.workers,
    steps,
    seconds,
    cpuSeconds,
    secondsPerStep,
    cpuSecondsPerStep,
    nEnd: n.mean[end],
    nEndError: n.standardError[end],
  };
}

/** Wall and CPU time of one measurement, s. */
export interface TimedRun {
  readonly seconds: number;
  /** this process (all threads) and its child processes (esbuild's, where /proc shows them) */
  readonly cpuSeconds: number;
}

/** qsync's heterodyne vdP ensemble on worker threads. */
export interface VdpEnsembleCase {
  readonly N: number;
  readonly method: SmeMethod;
  readonly trajectories: number;
  readonly workers: number;
  /** steps per trajectory */
  readonly steps: number;
  /** wall time of the whole ensemble as one call runs it: a fresh pool, the task's bundle cached, start included, s */
  readonly seconds: number;
  /** CPU time of that call (all threads of this process), s */
  readonly cpuSeconds: number;
  /** seconds / (trajectories × steps) */
  readonly secondsPerStep: number;
  /** pool start, the first frame of a 2-trajectory, 10-step ensemble: fresh pool, empty bundle cache (bundling included) */
  readonly coldStart: TimedRun;
  /** the same with the bundle cached (validated, not rebuilt) */
  readonly warmStart: TimedRun;
  /** the same with `bundle: false`: the workers load the TypeScript through tsx (the path before bundling) */
  readonly tsxStart: TimedRun;
  /** wall time per trajectory step of the same ensemble on a started pool (createTrajectoryPool, task loaded) */
  readonly startedSecondsPerStep: number;
  /** CPU time per trajectory step on the started pool (all threads) */
  readonly startedCpuSecondsPerStep: number;
  /** ensemble ⟨a⟩ at the last sample (re, im) and its standard error (re), from the started pool's run */
  readonly aEnd: readonly [number, number];
  readonly aEndError: number;
}

/** CPU seconds so far of this process's child processes that are still running (Linux /proc; 0 elsewhere): esbuild's service. */
function childProcessesCpuSeconds(): number {
  let ticks = 0;
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const children = readFileSync(`/proc/self/task/${tid}/children`, 'utf8').trim();
      for (const pid of children === '' ? [] : children.split(/\s+/)) {
        // fields after the command's closing parenthesis: utime and stime are the 12th and 13th
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        ticks += Number(fields[11]) + Number(fields[12]);
      }
    }
  } catch {
    return 0;
  }
  return ticks / 100;
}

/**
 * qsync's heterodyne vdP ensemble (Fig. 4.1, cutoff N): `trajectories` trajectories of `steps`
 * steps of `dt` (⟨a⟩ every 10 steps) through `trajectoryEnsemble` on `workers` worker threads.
 * Times (wall and CPU) the pool's start — the first frame of a 2-trajectory, 10-step ensemble on
 * a fresh pool — with an empty bundle cache, with the bundle cached, and through tsx
 * (`bundle: false`); the whole ensemble as one call runs it (fresh pool, bundle cached, start
 * included); and the same ensemble on a started pool (`createTrajectoryPool`, task loaded), per
 * trajectory step.
 *
 * @param N - Fock cutoff
 * @param method - 'euler-maruyama' or 'milstein'
 * @param config - step, steps per trajectory, trajectories, workers
 * @example
 * ```ts fragment
 * const c = await benchVdpEnsemble(10, 'milstein', { dt: 1e-3, steps: 4000, trajectories: 100, workers: 2 });
 * c.secondsPerStep; // wall time per trajectory step of one call, start included, s
 * c.startedSecondsPerStep; // the same on a started pool
 * ```
 */
export async function benchVdpEnsemble(
  N: number,
  method: SmeMethod,
  config: { dt: number; steps: number; trajectories: number; workers: number },
): Promise<VdpEnsembleCase> {
  const outputEvery = 10;
  const timed = async <T>(work: () => Promise<T>): Promise<T & TimedRun> => {
    const c0 = process.cpuUsage();
    const k0 = childProcessesCpuSeconds();
    const t0 = performance.now();
    const value = await work();
    const seconds = (performance.now() - t0) / 1e3;
    const cpu = process.cpuUsage(c0);
    return { ...value, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 + childProcessesCpuSeconds() - k0 };
  };
  const ensemble = (task: MeasurementVdpConfig, trajectories: number, options: Partial<TrajectoryEnsembleConfig>) =>
    trajectoryEnsemble({ module: measurementVdpTask, name: 'measurementVdpTrajectory', config: task }, { trajectories, noiseSeed: 5, emitEvery: trajectories, ...options });
  const short: MeasurementVdpConfig = { N, dt: config.dt, outputEvery, samples: 1, method };
  const task: MeasurementVdpConfig = { N, dt: config.dt, outputEvery, samples: Math.round(config.steps / outputEvery), method };
  const steps = task.samples * outputEvery;
  const first = (options: Partial<TrajectoryEnsembleConfig>) => timed(async () => ({ frame: await firstValueFrom(ensemble(short, 2, { ...options, emitEvery: 1 })) }));
  const cacheDirectory = mkdtempSync(join(tmpdir(), 'qsync-bench-bundles-'));
  try {
    const bundle = { cacheDirectory };
    const { seconds: coldSeconds, cpuSeconds: coldCpu } = await first({ workers: config.workers, bundle });
    const { seconds: warmSeconds, cpuSeconds: warmCpu } = await first({ workers: config.workers, bundle });
    const { seconds: tsxSeconds, cpuSeconds: tsxCpu } = await first({ workers: config.workers, bundle: false });
    const call = await timed(async () => ({ last: await lastValueFrom(ensemble(task, config.trajectories, { workers: config.workers, bundle })) }));
    const pool = createTrajectoryPool({ workers: config.workers });
    try {
      await lastValueFrom(ensemble(short, 2 * config.workers, { pool, bundle }));
      const started = await timed(async () => ({ last: await lastValueFrom(ensemble(task, config.trajectories, { pool, bundle })) }));
      const a = started.last.channels.a;
      const end = a.mean.length - 2;
      const n = config.trajectories * steps;
      return {
        N,
        method,
        trajectories: config.trajectories,
        workers: config.workers,
        steps,
        seconds: call.seconds,
        cpuSeconds: call.cpuSeconds,
        secondsPerStep: call.seconds / n,
        coldStart: { seconds: coldSeconds, cpuSeconds: coldCpu },
        warmStart: { seconds: warmSeconds, cpuSeconds: warmCpu },
        tsxStart: { seconds: tsxSeconds, cpuSeconds: tsxCpu },
        startedSecondsPerStep: started.seconds / n,
        startedCpuSecondsPerStep: started.cpuSeconds / n,
        aEnd: [a.mean[end], a.mean[end + 1]],
        aEndError: a.standardError[end],
      };
    } finally {
      await pool.close();
    }
  } finally {
    rmSync(cacheDirectory, { recursive: true, force: true });
  }
}
