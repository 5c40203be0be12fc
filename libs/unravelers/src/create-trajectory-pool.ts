import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import type { Piscina } from 'piscina';

/**
 * Worker threads for {@link trajectoryEnsemble}, started once and shared by every ensemble given
 * it as `pool` (a parameter sweep then pays the threads' start once). Made by
 * {@link createTrajectoryPool}; `close()` terminates the threads.
 */
export interface TrajectoryPool {
  /** the number of worker threads */
  readonly workers: number;
  /** true once `close()` was called: ensembles refuse the pool */
  readonly closed: boolean;
  /**
   * terminates the threads (trajectories still running included: their ensembles end with an
   * error saying the option `pool` was closed while trajectory k ran); resolves when they are gone
   */
  close(): Promise<void>;
}

/** Options of {@link createTrajectoryPool}. */
export interface TrajectoryPoolOptions {
  /** worker threads, an integer ≥ 1 (default: the machine's available parallelism) */
  readonly workers?: number;
}

/** What trajectoryEnsemble needs of a TrajectoryPool: its piscina pool, and the ensembles told of the pool's errors. */
export interface PoolInternals {
  readonly threads: Piscina;
  /** trajectories an ensemble hands each worker at once (2: see TASKS_PER_WORKER) */
  readonly tasksPerWorker: number;
  /**
   * the running ensembles' handlers of an error of the pool itself (a worker that died between
   * tasks): the pool has one 'error' listener that calls them all, so any number of concurrent
   * ensembles add no listeners; an ensemble deletes its own when it ends
   */
  readonly errorSubscribers: Set<(error: unknown) => void>;
}

/** The internals of each TrajectoryPool; trajectoryEnsemble reads them. */
export const poolInternals = new WeakMap<TrajectoryPool, PoolInternals>();

const FN = 'createTrajectoryPool';
/**
 * Trajectories handed to each worker at once: the next one waits in the worker's own queue while
 * it runs one, so it never idles for the round trip to the main thread (result posted, folded,
 * next task posted and the worker woken: 0.3 ms per 1.3 ms vdP trajectory at N = 10, 20 % of its
 * time). The worker posts each result before it starts the next (trajectory-ensemble-worker.mjs).
 */
const TASKS_PER_WORKER = 2;
const WORKER = new URL('./trajectory-ensemble-worker.mjs', import.meta.url).href;
// piscina is required when a pool starts, not imported: a task bundle that includes this library
// (its index) then does not load piscina in every worker (20–60 ms each)
const requireHere = createRequire(import.meta.url);
// tsx's hooks, which worker threads would inherit from a process started by `npx tsx`: a worker
// loads a bundled task (plain JavaScript), and without tsx V8 keeps its typed arrays' fast paths
// (tsx's loader invalidates the ArrayBuffer-detaching protector). A task that could not be
// bundled is still loaded, through tsx's scoped tsImport (load-task-function.mjs).
const TSX_HOOK = /^(--\w+(-\w+)*=)?tsx([\\/]|$)|[\\/]tsx[\\/]/;

/** The parent's execArgv without tsx's hooks: `--import tsx` (node), `--require …/tsx/…` and `--import …/tsx/…` (npx tsx). */
function workerExecArgv(execArgv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i];
    const flag = /^(--require|-r|--import|--loader|--experimental-loader)$/.test(arg);
    if (flag && i + 1 < execArgv.length && TSX_HOOK.test(execArgv[i + 1])) {
      i++;
      continue;
    }
    if (/^(--require|--import|--loader|--experimental-loader)=/.test(arg) && TSX_HOOK.test(arg)) continue;
    out.push(arg);
  }
  return out;
}

/**
 * The piscina pool, its threads started with `execArgv`. Node refuses an explicit execArgv that
 * holds process-wide options (V8 flags such as --expose-gc, --max-old-space-size), which threads
 * share with the process anyway: those it names are dropped and the start retried.
 */
function startThreads(workers: number, execArgv: string[]): Piscina {
  for (;;) {
    try {
      const { Piscina: Pool } = requireHere('piscina') as typeof import('piscina');
      return new Pool({ filename: WORKER, minThreads: workers, maxThreads: workers, concurrentTasksPerWorker: TASKS_PER_WORKER, idleTimeout: Infinity, execArgv });
    } catch (error) {
      const refused = (error as { code?: string }).code === 'ERR_WORKER_INVALID_EXEC_ARGV' ? /flags: (.*)$/.exec((error as Error).message) : null;
      const names = refused === null ? [] : refused[1].split(', ');
      const kept = execArgv.filter((arg) => !names.includes(arg));
      if (kept.length === execArgv.length) throw error;
      execArgv = kept;
    }
  }
}

/**
 * Starts a pool of worker threads for trajectory ensembles. Pass it as `pool` to
 * {@link trajectoryEnsemble}: successive ensembles then run on the same threads, and a task
 * module is loaded once per thread, so only the first ensemble pays the start. An ensemble on a
 * shared pool never terminates it: once the ensemble ends (or is unsubscribed) it starts no
 * further trajectory, and the ones handed out (at most two per worker) finish and are
 * discarded. `close()` terminates the threads. Idle threads do not keep the process alive.
 *
 * @param options - the number of worker threads
 * @returns the pool: `workers`, `closed`, `close()`
 * @throws Error naming the option for a bad `workers`
 * @example
 * const pool = createTrajectoryPool({ workers: 2 });
 * const task = { module: ornsteinUhlenbeckTask, name: 'ornsteinUhlenbeckTrajectory', config: { theta: 1, sigma: 0.5, x0: 1, dt: 0.01, times: [0, 1] } };
 * const a = await lastValueFrom(trajectoryEnsemble(task, { trajectories: 4, noiseSeed: 1, pool }));
 * const b = await lastValueFrom(trajectoryEnsemble(task, { trajectories: 4, noiseSeed: 2, pool })); // no new start
 * await pool.close();
 * [a.trajectories, b.trajectories, pool.closed]; // → [4, 4, true]
 */
export function createTrajectoryPool(options: TrajectoryPoolOptions = {}): TrajectoryPool {
  if (options === null || typeof options !== 'object') throw new Error(`${FN}: 'options' must be an object`);
  for (const key of Object.keys(options)) if (key !== 'workers') throw new Error(`${FN}: unknown option '${key}' (known: workers)`);
  const workers = options.workers ?? availableParallelism();
  if (typeof workers !== 'number' || !Number.isSafeInteger(workers) || workers < 1) {
    throw new Error(`${FN}: option 'workers' must be an integer ≥ 1, got ${String(workers)}`);
  }
  const threads = startThreads(workers, workerExecArgv(process.execArgv));
  // a thread that dies between trajectories is replaced by piscina; the ensembles running on the
  // pool end with the error (none running: it is no uncaught exception)
  const errorSubscribers = new Set<(error: unknown) => void>();
  threads.on('error', (error: unknown) => {
    for (const subscriber of [...errorSubscribers]) subscriber(error);
  });
  let closing: Promise<void> | null = null;
  const pool: TrajectoryPool = {
    workers,
    get closed() {
      return closing !== null;
    },
    close() {
      closing ??= threads.destroy().then(() => undefined);
      return closing;
    },
  };
  poolInternals.set(pool, { threads, tasksPerWorker: TASKS_PER_WORKER, errorSubscribers });
  return pool;
}
