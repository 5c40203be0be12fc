import { availableParallelism } from 'node:os';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Piscina } from 'piscina';
import { Observable } from 'rxjs';
import type { Subscriber } from 'rxjs';
import type { ChunkedEvent, ChunkedObservable } from '@qsync/frames';
import { bundleTaskModule } from './bundle-task-module';
import type { BundleTaskModuleOptions } from './bundle-task-module';
import { createTrajectoryPool, poolInternals } from './create-trajectory-pool';
import type { PoolInternals, TrajectoryPool } from './create-trajectory-pool';

/**
 * One output column of a trajectory: a value per output time, real (`data[i]` at time i) or
 * complex (interleaved, `data[2i]`, `data[2i + 1]` = re, im at time i).
 */
export interface TrajectoryColumn {
  readonly kind: 'real' | 'complex';
  readonly data: Float64Array;
}

/** What a task returns for one trajectory: its columns by name (e.g. `{ a: …, current: … }`). */
export type TrajectoryColumns = Record<string, TrajectoryColumn>;

/**
 * The function a task module exports: trajectory `trajectory` of the ensemble seeded by
 * `noiseSeed`. It must draw its noise from `trajectoryRng(noiseSeed, trajectory)` (or
 * `noiseSeed`/`noiseStream: trajectory` of the integrators' SDE steppers, the same stream), so
 * its result depends on (config, trajectory, noiseSeed) alone. Worker threads copy the returned
 * columns to the main thread (a transfer would detach buffers and slow the worker's typed-array
 * loops), so a task may reuse or share its arrays' buffers.
 */
export type TrajectoryFunction<C> = (
  config: C,
  trajectory: number,
  noiseSeed: number,
) => TrajectoryColumns | Promise<TrajectoryColumns>;

/**
 * Where a trajectory function lives: `module` (an absolute path or a file URL of a TypeScript or
 * JavaScript module), the name of its export, and the configuration handed to every call (it is
 * structured-cloned into the workers: plain data and typed arrays, no functions).
 */
export interface TrajectoryTask<C> {
  readonly module: string | URL;
  readonly name: string;
  readonly config: C;
}

/** Options of {@link trajectoryEnsemble}. */
export interface TrajectoryEnsembleConfig {
  /** number of trajectories to run (at most, with `targetStandardError`), an integer ≥ 1 */
  trajectories: number;
  /** the master seed: trajectory k draws from `trajectoryRng(noiseSeed, k)` (safe integer) */
  noiseSeed: number;
  /**
   * worker threads of a pool started for this ensemble alone (default: the machine's available
   * parallelism); 0 runs every trajectory in this thread. Not with `pool`.
   */
  workers?: number;
  /**
   * a pool from `createTrajectoryPool`, shared with other ensembles and closed by its owner: the
   * ensemble runs on its threads and never terminates them. Not with `workers`.
   */
  pool?: TrajectoryPool;
  /**
   * bundle the task module and what it imports into one plain ES module for the workers
   * (`bundleTaskModule`, cached on disk; default true; an object: true with these options, e.g.
   * `{ cacheDirectory }`). If bundling fails, the workers load the TypeScript source through tsx
   * instead and `onWarning` is told why.
   */
  bundle?: boolean | BundleTaskModuleOptions;
  /** receives notices such as a failed bundle (default: `process.emitWarning`) */
  onWarning?: (message: string) => void;
  /**
   * stop as soon as the standard error of every entry (of `targetChannels`) is at most this
   * (> 0); without it all `trajectories` run
   */
  targetStandardError?: number;
  /** the channels `targetStandardError` looks at (default: all) */
  targetChannels?: readonly string[];
  /** with `targetStandardError`: never stop before this many trajectories (integer ≥ 2, default 10) */
  minTrajectories?: number;
  /** emit a frame after every this many trajectories (integer ≥ 1, default 1), and after the last */
  emitEvery?: number;
}

/** The ensemble statistics of one column: mean and its standard error, laid out as the column. */
export interface EnsembleChannel {
  readonly kind: 'real' | 'complex';
  /** ensemble mean at each output time (complex: interleaved) */
  readonly mean: Float64Array;
  /**
   * standard error of the mean, s/√n with s² the unbiased sample variance, entry by entry
   * (complex: of the real and of the imaginary part, interleaved); +∞ while n = 1
   */
  readonly standardError: Float64Array;
}

/** What {@link trajectoryEnsemble} emits: the statistics of the first `trajectories` trajectories. */
export interface EnsembleFrame {
  /** n: the frame averages trajectories 0 … n − 1 */
  readonly trajectories: number;
  readonly channels: Record<string, EnsembleChannel>;
}

const FN = 'trajectoryEnsemble';
const OPTIONS = ['trajectories', 'noiseSeed', 'workers', 'pool', 'bundle', 'onWarning', 'targetStandardError', 'targetChannels', 'minTrajectories', 'emitEvery'];

/**
 * Runs an ensemble of stochastic trajectories — on worker threads (a piscina pool) or in this
 * thread — and emits the running ensemble mean with its standard error, live, as trajectories
 * finish. A cold Observable: each subscription runs its own ensemble; unsubscribing stops it
 * and terminates its pool at once; after the last frame no further trajectory starts, and the
 * pool ends when the ones handed out (at most two per worker) have returned. On a shared
 * `pool` (createTrajectoryPool) the threads are left running for the next ensemble: after the
 * last frame or an unsubscription no trajectory starts, and those running finish and are dropped.
 *
 * Workers load the task as one plain ES module bundled by esbuild (`bundleTaskModule`, cached on
 * disk and rebuilt whenever a source it was built from changes), not hundreds of TypeScript
 * modules through tsx; with `bundle: false`, or when bundling fails (reported to `onWarning`),
 * they load the source through tsx. Limitation: an import by a path computed at run time that
 * esbuild cannot follow (`import(new URL('./part.ts', import.meta.url).href)`, `require(name)`)
 * runs as written in the worker, which has no TypeScript loader (neither has tsx's `tsImport`):
 * a `.ts` file cannot be imported so, and a relative `require` resolves against the cache
 * directory. `onWarning` names each such import (file:line:column); import statically, or a
 * JavaScript file by absolute URL. A concatenation such as `import('./parts/' + name + '.ts')`
 * is bundled with every part (see `bundleTaskModule`).
 * `withProgress()` adds `{ kind: 'progress', done, total }` events (trajectories averaged of
 * `trajectories`), read with `tapProgress` of @qsync/frames.
 *
 * Reproducible: trajectory k draws only from `trajectoryRng(noiseSeed, k)`, and results are
 * folded into the running sums in trajectory order (a result that arrives before its
 * predecessors waits for them), so every frame — mean, standard error, and where the ensemble
 * stops — is the same, bit for bit, with 0, 1 or any number of workers. Memory does not grow
 * with the number of trajectories: Welford's running mean and sum of squared deviations per
 * entry, plus at most 4 × workers results waiting for their turn.
 *
 * @param task - the trajectory function's module, export name and configuration
 * @param config - number of trajectories, master seed, workers or a shared pool, bundling,
 *   stopping rule, emission cadence
 * @returns a ChunkedObservable of {@link EnsembleFrame}s; it completes after the last trajectory
 *   or once the target standard error is reached
 * @throws Error naming the option for bad options (at the call); a task that fails, returns
 *   something other than columns, a non-finite value, or columns that differ in names, kinds or
 *   lengths from trajectory 0's ends the stream with an error naming the trajectory; so does
 *   closing a shared `pool` while a trajectory runs
 * @example
 * // ornsteinUhlenbeckTask: dx = −θx dt + σ dW from x = 1 (test-support), 3 output times
 * const task = { module: ornsteinUhlenbeckTask, name: 'ornsteinUhlenbeckTrajectory', config: { theta: 1, sigma: 0.5, x0: 1, dt: 0.01, times: [0, 0.5, 1] } };
 * const last = await lastValueFrom(trajectoryEnsemble(task, { trajectories: 50, noiseSeed: 3, workers: 0 }));
 * [last.trajectories, last.channels.x.mean[0], last.channels.x.standardError[0]]; // → [50, 1, 0]
 */
export function trajectoryEnsemble<C>(task: TrajectoryTask<C>, config: TrajectoryEnsembleConfig): ChunkedObservable<EnsembleFrame> {
  const plan = checkArguments(task, config);
  const values = new Observable<EnsembleFrame>((subscriber) => runEnsemble(plan, subscriber, false));
  const withProgress = (): Observable<ChunkedEvent<EnsembleFrame>> =>
    new Observable<ChunkedEvent<EnsembleFrame>>((subscriber) => runEnsemble(plan, subscriber, true));
  return Object.assign(values, { withProgress });
}

interface Plan {
  module: string;
  name: string;
  config: unknown;
  trajectories: number;
  noiseSeed: number;
  workers: number;
  pool: TrajectoryPool | undefined;
  /** false: tsx; else the options of bundleTaskModule */
  bundle: false | BundleTaskModuleOptions;
  onWarning: (message: string) => void;
  target: number | undefined;
  targetChannels: readonly string[] | undefined;
  minTrajectories: number;
  emitEvery: number;
}

function checkArguments<C>(task: TrajectoryTask<C>, config: TrajectoryEnsembleConfig): Plan {
  if (task === null || typeof task !== 'object') throw new Error(`${FN}: 'task' must be { module, name, config }`);
  let module: string;
  if (task.module instanceof URL) module = task.module.href;
  else if (typeof task.module === 'string' && task.module.startsWith('file:')) module = task.module;
  else if (typeof task.module === 'string' && isAbsolute(task.module)) module = pathToFileURL(task.module).href;
  else throw new Error(`${FN}: 'task.module' must be an absolute path or a file URL, got ${String(task.module)}`);
  if (typeof task.name !== 'string' || task.name === '') {
    throw new Error(`${FN}: 'task.name' must name the module's trajectory function, got ${String(task.name)}`);
  }
  if (config === null || typeof config !== 'object') throw new Error(`${FN}: 'config' must be an object of options`);
  for (const key of Object.keys(config)) {
    if (!OPTIONS.includes(key)) throw new Error(`${FN}: unknown option '${key}' (known: ${OPTIONS.join(', ')})`);
  }
  const integer = (name: string, value: unknown, min: number): number => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
      throw new Error(`${FN}: option '${name}' must be an integer ≥ ${min}, got ${String(value)}`);
    }
    return value;
  };
  const trajectories = integer('trajectories', config.trajectories, 1);
  if (typeof config.noiseSeed !== 'number' || !Number.isSafeInteger(config.noiseSeed)) {
    throw new Error(`${FN}: option 'noiseSeed' must be a safe integer, got ${String(config.noiseSeed)}`);
  }
  const pool = config.pool;
  if (pool !== undefined && !(typeof pool === 'object' && pool !== null && poolInternals.has(pool))) {
    throw new Error(`${FN}: option 'pool' must be a pool from createTrajectoryPool, got ${String(pool)}`);
  }
  if (pool !== undefined && config.workers !== undefined) {
    throw new Error(`${FN}: options 'pool' and 'workers' exclude each other (the pool has ${pool.workers} workers)`);
  }
  const workers = pool !== undefined ? pool.workers : config.workers === undefined ? availableParallelism() : integer('workers', config.workers, 0);
  const bundle = config.bundle ?? true;
  if (typeof bundle !== 'boolean' && (bundle === null || typeof bundle !== 'object')) {
    throw new Error(`${FN}: option 'bundle' must be true, false or the options of bundleTaskModule, got ${String(bundle)}`);
  }
  const cacheDirectory = typeof bundle === 'object' ? bundle.cacheDirectory : undefined;
  if (cacheDirectory !== undefined && (typeof cacheDirectory !== 'string' || !isAbsolute(cacheDirectory))) {
    throw new Error(`${FN}: option 'bundle.cacheDirectory' must be an absolute path, got ${String(cacheDirectory)}`);
  }
  if (config.onWarning !== undefined && typeof config.onWarning !== 'function') {
    throw new Error(`${FN}: option 'onWarning' must be a function, got ${String(config.onWarning)}`);
  }
  const target = config.targetStandardError;
  if (target !== undefined && !(typeof target === 'number' && target > 0 && Number.isFinite(target))) {
    throw new Error(`${FN}: option 'targetStandardError' must be a finite number > 0, got ${String(target)}`);
  }
  const targetChannels = config.targetChannels;
  if (targetChannels !== undefined && !(Array.isArray(targetChannels) && targetChannels.length > 0 && targetChannels.every((c) => typeof c === 'string'))) {
    throw new Error(`${FN}: option 'targetChannels' must be a non-empty array of channel names`);
  }
  return {
    module,
    name: task.name,
    config: task.config,
    trajectories,
    noiseSeed: config.noiseSeed,
    workers,
    pool,
    bundle: bundle === true ? {} : bundle,
    onWarning: config.onWarning ?? ((message) => process.emitWarning(message, 'QsyncWarning')),
    target,
    targetChannels,
    minTrajectories: config.minTrajectories === undefined ? 10 : integer('minTrajectories', config.minTrajectories, 2),
    emitEvery: config.emitEvery === undefined ? 1 : integer('emitEvery', config.emitEvery, 1),
  };
}

/**
 * Welford's running mean and sum of squared deviations (M2) per entry of every column. Adding
 * the same values in the same order gives the same bits; the order is fixed by the caller.
 */
class EnsembleAccumulator {
  n = 0;
  private readonly names: string[] = [];
  private readonly kinds: ('real' | 'complex')[] = [];
  private readonly means: Float64Array[] = [];
  private readonly m2s: Float64Array[] = [];

  add(columns: unknown, trajectory: number): void {
    if (columns === null || typeof columns !== 'object') {
      throw new Error(`${FN}: trajectory ${trajectory} returned ${String(columns)}, not columns { name: { kind, data } }`);
    }
    const entries = Object.entries(columns as Record<string, unknown>);
    if (this.n === 0) {
      if (entries.length === 0) throw new Error(`${FN}: trajectory ${trajectory} returned no columns`);
      for (const [name, column] of entries) {
        const { kind, data } = checkColumn(column, name, trajectory);
        this.names.push(name);
        this.kinds.push(kind);
        this.means.push(new Float64Array(data.length));
        this.m2s.push(new Float64Array(data.length));
      }
    } else if (entries.length !== this.names.length) {
      throw new Error(`${FN}: trajectory ${trajectory} returned columns [${entries.map(([n]) => n).join(', ')}], trajectory 0 [${this.names.join(', ')}]`);
    }
    const n = this.n + 1;
    for (let c = 0; c < this.names.length; c++) {
      const name = this.names[c];
      const { kind, data } = checkColumn((columns as Record<string, unknown>)[name], name, trajectory);
      const mean = this.means[c];
      const m2 = this.m2s[c];
      if (kind !== this.kinds[c] || data.length !== mean.length) {
        throw new Error(`${FN}: column '${name}' of trajectory ${trajectory} is ${kind} of length ${data.length}, trajectory 0's ${this.kinds[c]} of length ${mean.length}`);
      }
      for (let i = 0; i < data.length; i++) {
        const x = data[i];
        if (!Number.isFinite(x)) throw new Error(`${FN}: column '${name}' of trajectory ${trajectory} has the non-finite value ${x} at entry ${i}`);
        const d = x - mean[i];
        mean[i] += d / n;
        m2[i] += d * (x - mean[i]);
      }
    }
    this.n = n;
  }

  /** the largest standard error over the entries of `channels` (all when undefined) */
  maxStandardError(channels: readonly string[] | undefined): number {
    if (this.n < 2) return Infinity;
    let worst = 0;
    for (let c = 0; c < this.names.length; c++) {
      if (channels !== undefined && !channels.includes(this.names[c])) continue;
      const m2 = this.m2s[c];
      for (let i = 0; i < m2.length; i++) if (m2[i] > worst) worst = m2[i];
    }
    return Math.sqrt(worst / (this.n - 1) / this.n);
  }

  hasChannel(name: string): boolean {
    return this.names.includes(name);
  }

  frame(): EnsembleFrame {
    const channels: Record<string, EnsembleChannel> = {};
    const n = this.n;
    for (let c = 0; c < this.names.length; c++) {
      const m2 = this.m2s[c];
      const standardError = new Float64Array(m2.length);
      for (let i = 0; i < m2.length; i++) standardError[i] = n < 2 ? Infinity : Math.sqrt(m2[i] / (n - 1) / n);
      channels[this.names[c]] = { kind: this.kinds[c], mean: Float64Array.from(this.means[c]), standardError };
    }
    return { trajectories: n, channels };
  }
}

function checkColumn(column: unknown, name: string, trajectory: number): TrajectoryColumn {
  const c = column as Partial<TrajectoryColumn> | null;
  if (c === null || typeof c !== 'object' || (c.kind !== 'real' && c.kind !== 'complex') || !(c.data instanceof Float64Array)) {
    throw new Error(`${FN}: column '${name}' of trajectory ${trajectory} must be { kind: 'real' | 'complex', data: Float64Array }`);
  }
  if (c.kind === 'complex' && c.data.length % 2 !== 0) {
    throw new Error(`${FN}: complex column '${name}' of trajectory ${trajectory} has odd length ${c.data.length} (interleaved re, im expected)`);
  }
  return c as TrajectoryColumn;
}

/**
 * `error` if it is an Error (given its cause's code when the copy from the worker dropped its
 * own: load-task-function.mjs puts it in the message and keeps the cause); else (a plain object
 * prints as [object Object]) an Error saying `what`, with the value's code and message, and the
 * value as its cause.
 */
function asError(error: unknown, what: string): Error {
  const { code, message, cause } = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; message?: unknown; cause?: { code?: unknown } };
  if (error instanceof Error) {
    if (code === undefined && typeof cause === 'object' && cause !== null && typeof cause.code === 'string') Object.assign(error, { code: cause.code });
    return error;
  }
  const detail = [code, message].filter((x) => typeof x === 'string').join(': ') || String(error);
  return Object.assign(new Error(`${FN}: ${what}: ${detail}`, { cause: error }), typeof code === 'string' ? { code } : {});
}

/** One subscription's ensemble; returns its teardown. */
function runEnsemble(
  plan: Plan,
  subscriber: Subscriber<EnsembleFrame> | Subscriber<ChunkedEvent<EnsembleFrame>>,
  asEvents: boolean,
): () => void {
  const out = subscriber as Subscriber<EnsembleFrame | ChunkedEvent<EnsembleFrame>>;
  const total = plan.trajectories;
  const accumulator = new EnsembleAccumulator();
  // results that arrived before all lower trajectories were folded in: at most `window` (twice
  // what may be in flight on workers, so one slow trajectory does not idle the others at once)
  const waiting = new Map<number, unknown>();
  let window = 1;
  let nextRun = 0;
  let nextFold = 0;
  let done = false;
  // the ensemble's own pool (none with a shared one, which is never terminated here)
  let own: TrajectoryPool | null = null;
  let internals: PoolInternals | null = null;
  let threads: Piscina | null = null;
  // trajectories handed to the pool and not yet settled: at most the pool's tasksPerWorker per
  // worker (the next waits in the worker's queue while it runs one, so it never idles for the
  // round trip through this thread), none in piscina's queue, so the pool can be left to drain
  // once the ensemble is complete
  let inFlight = 0;
  let capacity = 0;
  let draining = false;

  const terminate = (): void => {
    if (internals !== null) internals.errorSubscribers.delete(fail);
    internals = null;
    threads = null;
    if (own === null) return;
    const p = own;
    own = null;
    void p.close().catch(() => undefined);
  };
  // unsubscription or failure: terminate the workers now, running trajectories and all
  const stop = (): void => {
    if (draining) return;
    done = true;
    waiting.clear();
    terminate();
  };
  // the last frame is out: run no more trajectories, and terminate the pool only when the ones
  // still running have returned. A worker terminated just after it posted its result makes
  // piscina 5 deliver that result to a pool that no longer knows the task, which it reports as
  // an uncaught "Unexpected message from Worker".
  const finish = (): void => {
    done = true;
    draining = true;
    waiting.clear();
    if (inFlight === 0) terminate();
  };
  const fail = (error: unknown): void => {
    if (done) return;
    stop();
    out.error(error);
  };
  const emit = (): void => {
    const frame = accumulator.frame();
    out.next(asEvents ? { kind: 'value', value: frame } : frame);
  };

  /** Folds every waiting result that is next in trajectory order; true when the ensemble is done. */
  const fold = (): boolean => {
    let folded = false;
    while (waiting.has(nextFold)) {
      const columns = waiting.get(nextFold);
      waiting.delete(nextFold);
      accumulator.add(columns, nextFold);
      if (nextFold === 0 && plan.targetChannels !== undefined) {
        const unknown = plan.targetChannels.filter((name) => !accumulator.hasChannel(name));
        if (unknown.length > 0) throw new Error(`${FN}: option 'targetChannels' names [${unknown.join(', ')}], which the task does not return`);
      }
      nextFold++;
      folded = true;
      const reached =
        plan.target !== undefined && nextFold >= plan.minTrajectories && accumulator.maxStandardError(plan.targetChannels) <= plan.target;
      const last = reached || nextFold === total;
      if (last || nextFold % plan.emitEvery === 0) emit();
      if (out.closed) return true;
      if (last) {
        if (asEvents) out.next({ kind: 'progress', done: nextFold, total });
        finish();
        out.complete();
        return true;
      }
    }
    if (folded && asEvents) out.next({ kind: 'progress', done: nextFold, total });
    return false;
  };

  if (plan.workers === 0) {
    void (async () => {
      const exports = (await import(/* @vite-ignore */ plan.module)) as Record<string, unknown>;
      const run = exports[plan.name];
      if (typeof run !== 'function') throw new Error(`${FN}: task module ${plan.module} has no exported function '${plan.name}'`);
      while (!done && nextRun < total) {
        const k = nextRun++;
        waiting.set(k, await (run as TrajectoryFunction<unknown>)(plan.config, k, plan.noiseSeed));
        if (done || fold()) return;
        // let the event loop (and an unsubscription) in between trajectories
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    })().catch(fail);
  } else {
    if (plan.pool !== undefined && plan.pool.closed) {
      out.error(new Error(`${FN}: option 'pool' is closed`));
      return () => undefined;
    }
    // the threads start while the task is bundled
    if (plan.pool === undefined) own = createTrajectoryPool({ workers: plan.workers });
    internals = poolInternals.get(plan.pool ?? (own as TrajectoryPool)) as PoolInternals;
    threads = internals.threads;
    capacity = internals.tasksPerWorker * plan.workers;
    window = 2 * capacity;
    // an error of the pool itself (a worker that died between tasks) ends the stream; once the
    // stream has ended, fail ignores it: it is the echo of a worker this subscription terminated
    internals.errorSubscribers.add(fail);
    const settled = (): boolean => {
      inFlight--;
      if (draining && inFlight === 0) terminate();
      return done;
    };
    let module = plan.module;
    const dispatch = (): void => {
      if (!done && plan.pool?.closed === true) {
        fail(new Error(`${FN}: option 'pool' was closed before trajectory ${nextRun} started`));
        return;
      }
      while (!done && nextRun < total && nextRun - nextFold < window && inFlight < capacity) {
        const k = nextRun++;
        const job = { module, name: plan.name, config: plan.config, trajectory: k, noiseSeed: plan.noiseSeed };
        inFlight++;
        (threads as Piscina).run(job).then(
          (columns: unknown) => {
            if (settled()) return;
            waiting.set(k, columns);
            try {
              if (!fold()) dispatch();
            } catch (error) {
              fail(error);
            }
          },
          (error: unknown) => {
            if (settled()) return;
            // a shared pool closed by its owner: piscina says only "Terminating worker thread"
            if (plan.pool?.closed === true) fail(new Error(`${FN}: option 'pool' was closed while trajectory ${k} ran`, { cause: error }));
            else fail(asError(error, `trajectory ${k} failed`));
          },
        );
      }
    };
    if (plan.bundle === false) dispatch();
    else {
      bundleTaskModule(plan.module, plan.bundle).then(
        (bundle) => {
          module = bundle.url;
          // tsx's tsImport cannot follow them either (a computed import of a .ts file fails there
          // too): the bundle runs, and the user is told where
          if (bundle.computedImports.length > 0) {
            plan.onWarning(
              `${FN}: the task module ${plan.module} imports by a path computed at run time (${bundle.computedImports.join('; ')}): in a worker a TypeScript file cannot be imported that way and a relative require resolves against the bundle's cache directory; import it statically, or a JavaScript file by absolute URL`,
            );
          }
        },
        (error: unknown) => {
          const why = error instanceof Error ? error.message : String(error);
          plan.onWarning(`${FN}: could not bundle the task module ${plan.module} (${why}); its workers load the TypeScript source through tsx (slower start)`);
        },
      ).then(() => {
        if (!done) dispatch();
      }).catch(fail);
    }
  }
  return stop;
}
