import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Observable } from 'rxjs';
import { realChannel } from '@qsync/frames';
import type { Frame, RealChannel } from '@qsync/frames';
import type { JsonValue } from './canonical-json';
import { jobId } from './job-id';
import { openRunStore } from './open-run-store';
import type { RunStore, StoredResult, SweepJob } from './open-run-store';
import { parameterGrid } from './parameter-grid';
import type { ParameterPoint, SweepAxis } from './parameter-grid';
import { resolveSweepTask } from './sweep-executor';
import type { ExecutorHooks, ResolvedTask, SweepExecutor } from './sweep-executor';
import { sweepQueueName } from './sweep-queue-name';
import { startLocalExecutor } from './start-local-executor';
import { startRedisExecutor } from './start-redis-executor';

/**
 * The function a sweep runs: a module (absolute path or file URL, TypeScript or JavaScript)
 * exporting `name` (default: its default export), a function of one job's parameters that
 * returns (or resolves to) a JSON value: plain objects, arrays, finite numbers, strings,
 * booleans, null — no typed arrays. It must depend on its parameters alone (a seed is a
 * parameter): that is what makes a stored result valid for every later run.
 */
export interface SweepTask {
  readonly module: string | URL;
  readonly name?: string;
  /**
   * what the job ids hash as the task (default: the module's file URL and `#name`); give a
   * stable id when the module's path differs between machines or checkouts
   */
  readonly id?: string;
}

/** Options of {@link sweep}. */
export interface SweepConfig {
  readonly task: SweepTask;
  /** the grid: one axis per parameter, first axis slowest (see `parameterGrid`); a constant is a one-value list */
  readonly over: Readonly<Record<string, SweepAxis>>;
  /** the run store's directory (created when missing; a sweep resumes from what it holds) */
  readonly store: string;
  /**
   * `redis://host:port`: run on BullMQ workers over this Redis server; omitted: on a local
   * pool of worker threads
   */
  readonly queue?: string;
  /**
   * local: worker threads (default: available parallelism); with `queue`: worker processes
   * this sweep starts (default 2; 0 when workers started elsewhere, `sweepWorker`, serve the queue)
   */
  readonly workers?: number;
  /** with `queue`: worker threads in each worker process, jobs it runs at once (default 1) */
  readonly threads?: number;
  /**
   * with `queue`: BullMQ's lock duration in ms for the workers started here — a worker that
   * dies mid-job has its job run again elsewhere after about twice this (default 30 000)
   */
  readonly lockDuration?: number;
  /**
   * with `queue`: how long in ms the sweep waits for a lost connection to Redis to come back
   * before it ends with an error naming the URL (default 30 000)
   */
  readonly redisTimeout?: number;
}

/** What happened to one job, carried by the frame that reports it. */
export interface SweepJobStatus {
  readonly id: string;
  /** the job's place in the grid (row-major, first axis slowest) */
  readonly index: number;
  readonly params: ParameterPoint;
  /**
   * `'stored'`: its result was in the run store when the sweep started; `'running'`: a worker
   * started it (again, after a worker died under it); `'done'`: its result is now stored
   */
  readonly status: 'stored' | 'running' | 'done';
  /** the worker: host:pid of a BullMQ worker process (running, done), or of whoever stored it */
  readonly worker?: string;
  /** with 'stored' and 'done': the task's result */
  readonly result?: JsonValue;
}

/**
 * A progress frame of a sweep. `t`: seconds since the sweep was subscribed (wall clock).
 * Channels: `done` (jobs whose result is stored), `total` (jobs of the grid; equal points
 * count once), `running` (jobs started and not done).
 */
export interface SweepFrame extends Frame {
  readonly channels: { readonly done: RealChannel; readonly total: RealChannel; readonly running: RealChannel };
  /** the job this frame reports; absent in the first frame */
  readonly job?: SweepJobStatus;
}

const FN = 'sweep';
const OPTIONS = ['task', 'over', 'store', 'queue', 'workers', 'threads', 'lockDuration', 'redisTimeout'];

/**
 * Runs a task over a parameter grid — on a pool of worker threads, or on BullMQ workers over
 * Redis — storing one result per job in a resumable run store, and streams progress. A job's id
 * is the hash of the task and its parameters (`jobId`): a sweep starts only the jobs whose
 * result the store lacks, so an interrupted sweep, run again, resumes where it stopped, and a
 * job submitted twice (equal grid points, two sweeps on one queue) runs once. On BullMQ, a job
 * whose worker process dies is run again by another one after its lock expires; it is stored
 * once.
 *
 * A cold Observable: each subscription opens the store and runs what is missing. It emits a
 * first frame (done 0), a frame per job found stored, then a frame whenever a job starts or
 * finishes, and completes when every result is stored. Unsubscribing stops scheduling and shuts
 * the threads (or this sweep's worker processes and Redis connections) down; jobs still
 * running are abandoned and run again by the next sweep. A job that throws ends the stream with
 * an error naming its parameters.
 *
 * @param config - task, grid, store directory, executor (`queue`, `workers`, `threads`, `lockDuration`)
 * @returns an Observable of {@link SweepFrame}s
 * @throws Error naming the option for bad options (at the call); the store's errors (another
 *   sweep in the directory), an unreachable Redis, a failing task or a result that is not JSON
 *   end the stream with an error
 * @example
 * // resonanceFluorescenceTask: ρ_ee of a driven two-level atom by steadyState (test-support)
 * const store = mkdtempSync(join(tmpdir(), 'qsync-sweep-'));
 * const task = { module: resonanceFluorescenceTask, name: 'excitedPopulation' };
 * const frames = await lastValueFrom(sweep({ task, over: { detuning: [0, 0.5], rabi: [1], gamma: [1] }, store, workers: 1 }).pipe(toArray()));
 * const last = frames[frames.length - 1];
 * [last.channels.done.value, last.channels.total.value]; // → [2, 2]
 * frames.filter((f) => f.job?.status === 'done').map((f) => (f.job?.result as { excited: number }).excited).sort();
 * // → [0.25, 1 / 3] — Ω²/(γ² + 4Δ² + 2Ω²)
 */
export function sweep(config: SweepConfig): Observable<SweepFrame> {
  const plan = checkConfig(config);
  return new Observable<SweepFrame>((subscriber) => {
    const start = performance.now();
    let executor: SweepExecutor | null = null;
    let done = 0;
    const running = new Set<string>();
    const total = plan.jobs.length;
    const emit = (job?: SweepJobStatus): void => {
      subscriber.next({
        t: (performance.now() - start) / 1000,
        channels: { done: realChannel(done), total: realChannel(total), running: realChannel(running.size) },
        ...(job === undefined ? {} : { job }),
      });
    };
    const index = new Map(plan.jobs.map((job, k) => [job.id, k]));
    const status = (job: SweepJob, s: SweepJobStatus['status'], worker?: string, result?: JsonValue): SweepJobStatus => ({
      id: job.id,
      index: index.get(job.id) ?? -1,
      params: job.params,
      status: s,
      ...(worker === undefined ? {} : { worker }),
      ...(result === undefined ? {} : { result }),
    });

    let store: RunStore;
    try {
      store = openRunStore(plan.store, { task: plan.task.id, axes: plan.over, jobs: plan.jobs });
    } catch (error) {
      subscriber.error(error);
      return undefined;
    }
    emit();
    const todo: SweepJob[] = [];
    for (const job of plan.jobs) {
      const stored = store.read(job.id);
      if (stored === undefined) {
        todo.push(job);
        continue;
      }
      done++;
      emit(status(job, 'stored', stored.worker, stored.result));
      if (subscriber.closed) return undefined;
    }
    if (todo.length === 0) {
      subscriber.complete();
      return undefined;
    }

    const hooks: ExecutorHooks = {
      running(job, worker) {
        if (subscriber.closed) return;
        running.add(job.id);
        emit(status(job, 'running', worker));
      },
      done(job, stored: StoredResult) {
        if (subscriber.closed) return;
        running.delete(job.id);
        done++;
        emit(status(job, 'done', stored.worker, stored.result));
        if (done === total) subscriber.complete();
      },
      fail(error) {
        if (!subscriber.closed) subscriber.error(error);
      },
    };
    executor =
      plan.queue === undefined
        ? startLocalExecutor(plan.task, plan.workers, store, todo, hooks)
        : startRedisExecutor(
            plan.task,
            { url: plan.queue, name: sweepQueueName({ task: config.task, store: store.dir }), processes: plan.workers, threads: plan.threads, lockDuration: plan.lockDuration, redisTimeout: plan.redisTimeout },
            store,
            todo,
            hooks,
          );
    return () => {
      void executor?.stop();
    };
  });
}

interface Plan {
  task: ResolvedTask;
  over: Readonly<Record<string, SweepAxis>>;
  jobs: SweepJob[];
  store: string;
  queue: string | undefined;
  workers: number;
  threads: number;
  lockDuration: number;
  redisTimeout: number;
}

function checkConfig(config: SweepConfig): Plan {
  if (config === null || typeof config !== 'object') throw new Error(`${FN}: 'config' must be an object { task, over, store, … }`);
  for (const key of Object.keys(config)) {
    if (!OPTIONS.includes(key)) throw new Error(`${FN}: unknown option '${key}' (known: ${OPTIONS.join(', ')})`);
  }
  const task = resolveSweepTask(FN, config.task);
  if (typeof config.store !== 'string' || config.store === '') throw new Error(`${FN}: option 'store' must be a directory path, got ${String(config.store)}`);
  const queue = config.queue;
  if (queue !== undefined && !(typeof queue === 'string' && /^rediss?:\/\/[^/]/.test(queue))) {
    throw new Error(`${FN}: option 'queue' must be a Redis URL redis://host:port, got ${String(queue)}`);
  }
  const integer = (option: string, value: unknown, min: number, fallback: number): number => {
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
      throw new Error(`${FN}: option '${option}' must be an integer ≥ ${min}, got ${String(value)}`);
    }
    return value;
  };
  if (queue === undefined && (config.threads !== undefined || config.lockDuration !== undefined || config.redisTimeout !== undefined)) {
    throw new Error(`${FN}: options 'threads', 'lockDuration' and 'redisTimeout' belong to BullMQ workers and need 'queue'`);
  }
  const workers = queue === undefined ? integer('workers', config.workers, 1, availableParallelism()) : integer('workers', config.workers, 0, 2);
  const points = parameterGrid(config.over);
  const seen = new Set<string>();
  const jobs: SweepJob[] = [];
  for (const params of points) {
    const jid = jobId(task.id, params);
    if (seen.has(jid)) continue;
    seen.add(jid);
    jobs.push({ id: jid, params });
  }
  return {
    task,
    over: config.over,
    jobs,
    store: resolve(config.store),
    queue,
    workers,
    threads: integer('threads', config.threads, 1, 1),
    lockDuration: integer('lockDuration', config.lockDuration, 100, 30_000),
    redisTimeout: integer('redisTimeout', config.redisTimeout, 100, 30_000),
  };
}

