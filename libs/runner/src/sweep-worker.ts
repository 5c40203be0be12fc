import { hostname } from 'node:os';
import { WaitingError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Job } from 'bullmq';
import { Piscina } from 'piscina';
import { taskLoaderUrl } from '@qsync/unravelers';
import { openRunStore } from './open-run-store';
import type { RunStore } from './open-run-store';
import { TASK_THREAD } from './sweep-executor';

/** How long an orderly close waits for the jobs in progress to be handed back to the queue. */
const HAND_BACK_TIMEOUT_MS = 5000;

/** One job a processor of this worker runs (the key of its outcome on close). */
interface JobHandle {
  readonly id: string;
}

/** What a sweep puts on its BullMQ queue for each job (the job's BullMQ id is its `id`). */
export interface QueuedSweepJob {
  readonly id: string;
  readonly params: Record<string, number | string | boolean>;
  /** the task's module (file URL) and export */
  readonly module: string;
  readonly name: string;
  /** the run store's directory, as the worker's machine sees it */
  readonly store: string;
}

/** Options of {@link sweepWorker}. */
export interface SweepWorkerConfig {
  /** the Redis server, `redis://host:port` (or `rediss://`, with user, password and /db) */
  queue: string;
  /** the sweep's BullMQ queue name (`sweepQueueName` gives it) */
  name: string;
  /** worker threads of this process, jobs it runs at once (integer ≥ 1, default 1) */
  threads?: number;
  /** BullMQ's lock duration in ms: a job whose worker stopped renewing its lock for this long is run again elsewhere (default 30 000) */
  lockDuration?: number;
  /** how long in ms a lost connection to Redis may stay lost before the worker closes and `lost` resolves (default 30 000) */
  redisTimeout?: number;
}

/** A running {@link sweepWorker}. */
export interface SweepWorkerHandle {
  /** resolves when the worker is connected and takes jobs */
  readonly ready: Promise<void>;
  /**
   * stops taking jobs, stops the running ones' tasks and hands those jobs back to the queue's
   * waiting list (BullMQ's moveToWait), so that another worker — a rerun's — takes them at once;
   * closes the connections and threads. A job that cannot be handed back (Redis gone, or not
   * within 5 s) is abandoned: BullMQ gives it to another worker once its lock has expired and a
   * stalled check has seen it (≤ 2·`lockDuration`); `abandoned` counts them. One that another
   * worker already holds (our lock had expired) is counted in `takenOver` instead. Once every
   * processor has returned, close() waits for BullMQ's completion calls of the jobs that just
   * finished (at most 5 s more) before it closes the BullMQ worker.
   */
  close(): Promise<void>;
  /** jobs left 'active' under this worker's lock by close() (see there), each counted once */
  readonly abandoned: number;
  /** jobs close() could not hand back because another worker held them already (its lock had expired): they run there */
  readonly takenOver: number;
  /** resolves with an error naming the URL when Redis has not answered for `redisTimeout` ms; the worker is closing then */
  readonly lost: Promise<Error>;
}

/**
 * Serves a sweep's BullMQ queue from this process: a BullMQ Worker that runs each job's task on
 * its own worker threads (so the event loop stays free to renew the job's lock however long
 * the task computes) and stores the result in the job's run store before reporting it done. A
 * job whose result is already stored is not run again. Start one per machine (or several per
 * machine) against the same Redis and a run store every worker can reach; `sweep` with `queue`
 * starts such workers as child processes by itself.
 *
 * @param config - Redis URL, queue name, threads, lock duration
 * @returns the worker's handle
 * @throws Error naming the option when an option is bad
 * @example
 * // redisUrl: a Redis server, e.g. 'redis://127.0.0.1:6379'
 * const worker = sweepWorker({ queue: redisUrl, name: sweepQueueName({ task: { module: '/opt/tasks/decay.js' }, store: '/data/runs/decay' }) });
 * await worker.ready;
 * // … it serves that sweep's jobs until
 * await worker.close();
 * 'closed'; // → 'closed'
 */
export function sweepWorker(config: SweepWorkerConfig): SweepWorkerHandle {
  const FN = 'sweepWorker';
  if (config === null || typeof config !== 'object') throw new Error(`${FN}: 'config' must be { queue, name, threads?, lockDuration? }`);
  if (typeof config.queue !== 'string' || !/^rediss?:\/\//.test(config.queue)) {
    throw new Error(`${FN}: option 'queue' must be a Redis URL redis://host:port, got ${String(config.queue)}`);
  }
  if (typeof config.name !== 'string' || config.name === '' || config.name.includes(':')) {
    throw new Error(`${FN}: option 'name' must be a queue name without ':', got ${String(config.name)}`);
  }
  const threads = config.threads ?? 1;
  if (!Number.isSafeInteger(threads) || threads < 1) throw new Error(`${FN}: option 'threads' must be an integer ≥ 1, got ${String(threads)}`);
  const lockDuration = config.lockDuration ?? 30_000;
  if (!Number.isSafeInteger(lockDuration) || lockDuration < 100) {
    throw new Error(`${FN}: option 'lockDuration' must be an integer number of ms ≥ 100, got ${String(lockDuration)}`);
  }
  const redisTimeout = config.redisTimeout ?? 30_000;
  if (!Number.isSafeInteger(redisTimeout) || redisTimeout < 100) {
    throw new Error(`${FN}: option 'redisTimeout' must be an integer number of ms ≥ 100, got ${String(redisTimeout)}`);
  }

  const me = `${hostname()}:${process.pid}`;
  const pool = new Piscina({ filename: TASK_THREAD, minThreads: threads, maxThreads: threads });
  const stores = new Map<string, RunStore>();
  const storeOf = (dir: string): RunStore => {
    let store = stores.get(dir);
    if (store === undefined) stores.set(dir, (store = openRunStore(dir)));
    return store;
  };
  // jobs in progress, each settling once its processor has returned (or handed the job back)
  const inProgress = new Map<Promise<unknown>, JobHandle>();
  // what close() left of each job it could not hand back, once per job (a hand-back still under
  // way at the deadline is abandoned; if it later finds another worker holding the job, it is that)
  const leftBehind = new Map<JobHandle, 'abandoned' | 'taken over'>();
  const count = (what: 'abandoned' | 'taken over'): number => [...leftBehind.values()].filter((v) => v === what).length;
  let handingBack = false;
  // jobs whose processor returned (a result or an error) and whose completion call to Redis
  // (BullMQ's moveToCompleted / moveToFailed) has not been seen done yet ('completed' / 'failed')
  const finishing = new Map<string, { done: Promise<void>; resolve: () => void }>();
  const finished = (id: string | undefined): void => {
    if (id === undefined) return;
    finishing.get(id)?.resolve();
    finishing.delete(id);
  };
  // three parameters: BullMQ then passes the signal with which cancelAllJobs stops a job
  const process_ = (job: Job<QueuedSweepJob>, token?: string, signal?: AbortSignal): Promise<unknown> => {
    // closing: the job goes back to the queue now, for the next worker to take at once, instead
    // of staying 'active' under our lock until the lock expires
    const handBack = async (): Promise<never> => {
      finished(handle.id); // handed back: no completion call
      try {
        await job.moveToWait(token);
        leftBehind.delete(handle);
      } catch (error) {
        // −6 (JobLockMismatch): our lock had expired and another worker holds the job now
        leftBehind.set(handle, (error as { code?: unknown }).code === -6 ? 'taken over' : 'abandoned');
      }
      throw new WaitingError();
    };
    const handle: JobHandle = { id: job.id ?? '' };
    let resolveFinish: () => void = () => undefined;
    finishing.set(handle.id, { done: new Promise<void>((resolve) => (resolveFinish = resolve)), resolve: () => resolveFinish() });
    const run = (async (): Promise<unknown> => {
      // fetched while closing (a fetch already under way when the worker paused)
      if (handingBack) return handBack();
      const { id, params, module, name, store: dir } = job.data;
      const store = storeOf(dir);
      const prior = store.read(id);
      if (prior !== undefined) return prior.result;
      await job.updateProgress({ worker: me });
      let done: { result: unknown; seconds: number };
      try {
        done = (await pool.run({ loader: taskLoaderUrl, module, name, params }, signal !== undefined ? { signal } : {})) as { result: unknown; seconds: number };
      } catch (error) {
        if (!handingBack || signal?.aborted !== true) throw error;
        return handBack();
      }
      return store.write({ id, params }, done.result, done.seconds).result;
    })();
    const settled = run.catch(() => undefined);
    inProgress.set(settled, handle);
    void settled.then(() => inProgress.delete(settled));
    return run;
  };
  const worker = new Worker<QueuedSweepJob>(config.name, process_, {
    connection: { url: config.queue, maxRetriesPerRequest: null },
    concurrency: threads,
    lockDuration,
    // a worker that died is noticed within one more lock duration
    stalledInterval: lockDuration,
    // a job is given back after each worker that dies under it, up to 5 times, then failed
    maxStalledCount: 5,
  });
  let closing: Promise<void> | null = null;
  const close = (redisGone = false): Promise<void> => {
    if (timer !== null) clearTimeout(timer);
    closing ??= (async () => {
      // an orderly close hands the jobs in progress back (their tasks stopped); with Redis gone
      // nothing can be handed back: they stay 'active' until their lock expires
      if (!redisGone) {
        handingBack = true;
        // no more fetching (a fetch under way may still deliver a job: it is handed back on arrival)
        await worker.pause(true);
        worker.cancelAllJobs('the sweep worker is closing');
        const deadline = Date.now() + HAND_BACK_TIMEOUT_MS;
        while (inProgress.size > 0 && Date.now() < deadline) {
          await Promise.race([Promise.all([...inProgress.keys()]), new Promise((resolve) => setTimeout(resolve, 50))]);
        }
      }
      for (const handle of inProgress.values()) if (!leftBehind.has(handle)) leftBehind.set(handle, 'abandoned');
      if (!redisGone && inProgress.size === 0) {
        // every processor has returned: BullMQ's completion calls of the jobs that just finished
        // are let finish (the forced close below would cut them), at most 5 s more
        let timer: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([Promise.all([...finishing.values()].map((f) => f.done)), new Promise((resolve) => (timer = setTimeout(resolve, HAND_BACK_TIMEOUT_MS)))]);
        clearTimeout(timer);
      }
      // forced: the completion calls were awaited above; a fetch under way need not be
      await worker.close(true);
      await pool.destroy();
    })();
    return closing;
  };
  // ioredis retries a lost connection forever: the first 'error' of a series starts a timer, and
  // when Redis still does not answer PING `redisTimeout` ms later the worker gives up and closes
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastError: Error | null = null;
  let reportLost: (error: Error) => void = () => undefined;
  const lost = new Promise<Error>((resolve) => (reportLost = resolve));
  worker.on('completed', (job) => finished(job.id));
  worker.on('failed', (job) => finished(job?.id));
  worker.on('error', (error: Error) => {
    lastError = error;
    if (closing !== null || timer !== null) return;
    timer = setTimeout(() => {
      void answers(config.queue).then((ok) => {
        timer = null;
        if (ok || closing !== null) return;
        reportLost(new Error(`${FN}: lost Redis at ${config.queue} (option 'queue') for ${redisTimeout} ms: ${lastError?.message ?? 'no answer'}`));
        void close(true).catch(() => undefined);
      });
    }, redisTimeout);
  });
  return {
    ready: worker.waitUntilReady().then(() => undefined),
    close: () => close(),
    lost,
    get abandoned() {
      return count('abandoned');
    },
    get takenOver() {
      return count('taken over');
    },
  };
}

/** true when Redis at `url` answers PING within 3 s */
async function answers(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}
