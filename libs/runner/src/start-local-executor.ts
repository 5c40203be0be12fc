import { Piscina } from 'piscina';
import { taskLoaderUrl } from '@qsync/unravelers';
import type { RunStore, SweepJob } from './open-run-store';
import { TASK_THREAD, jobError } from './sweep-executor';
import type { ExecutorHooks, ResolvedTask, SweepExecutor } from './sweep-executor';

/**
 * Runs a sweep's jobs on a pool of `workers` worker threads (piscina) in this process and stores
 * each result (the main thread writes the run store). Jobs go to the pool only as threads free
 * up, so none waits in piscina's queue and stopping abandons at most one job per thread. A job
 * whose result another process stored meanwhile is not run again.
 */
export function startLocalExecutor(
  task: ResolvedTask,
  workers: number,
  store: RunStore,
  jobs: readonly SweepJob[],
  hooks: ExecutorHooks,
): SweepExecutor {
  let pool: Piscina | null = new Piscina({ filename: TASK_THREAD, minThreads: workers, maxThreads: workers, idleTimeout: 1000 });
  let stopped = false;
  let next = 0;
  let inFlight = 0;

  const destroy = (): Promise<void> => {
    if (pool === null) return Promise.resolve();
    const p = pool;
    pool = null;
    return p.destroy().catch(() => undefined);
  };
  const fail = (error: Error): void => {
    if (stopped) return;
    stopped = true;
    void destroy();
    hooks.fail(error);
  };
  // an error of the pool itself (a thread that died between jobs) fails the sweep; after a stop
  // it is the echo of a thread this executor terminated, and ignored
  pool.on('error', (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))));

  const dispatch = (): void => {
    while (!stopped && pool !== null && next < jobs.length && inFlight < workers) {
      const job = jobs[next++];
      const prior = store.read(job.id);
      if (prior !== undefined) {
        hooks.done(job, prior);
        continue;
      }
      inFlight++;
      hooks.running(job);
      pool.run({ loader: taskLoaderUrl, module: task.module, name: task.name, params: job.params }).then(
        ({ result, seconds }: { result: unknown; seconds: number }) => {
          inFlight--;
          if (stopped) return;
          try {
            hooks.done(job, store.write(job, result, seconds));
          } catch (error) {
            fail(jobError(job, error));
            return;
          }
          dispatch();
        },
        (error: unknown) => {
          inFlight--;
          fail(jobError(job, error));
        },
      );
    }
    // all results are in: the threads are idle, so destroying the pool cannot lose a message
    if (!stopped && next === jobs.length && inFlight === 0) {
      stopped = true;
      void destroy();
    }
  };
  dispatch();

  return {
    stop() {
      stopped = true;
      return destroy();
    },
  };
}
