// The thread side of a sweep (local pool, and each BullMQ worker process's own pool): piscina
// runs this plain ES module in a worker thread and calls its default export once per job. The
// task module (TypeScript source) is loaded as trajectoryEnsemble's workers load theirs, by
// @qsync/unravelers' task loader: this file is plain JavaScript and cannot import that library's
// TypeScript entry, so the pool's owner (TypeScript) passes the loader's URL, taskLoaderUrl from
// @qsync/unravelers' index, in each job (see README, "Worker threads").
import { performance } from 'node:perf_hooks';

/**
 * Runs one job: the task's function on the job's parameters.
 *
 * @param {{ loader: string, module: string, name: string, params: Record<string, unknown> }} job
 * @returns {Promise<{ result: unknown, seconds: number }>} what the task returned and how long it took
 */
export default async function runSweepTask(job) {
  const { loadTaskFunction } = await import(job.loader);
  const task = await loadTaskFunction(job.module, job.name, 'sweep');
  const start = performance.now();
  const result = await task(job.params);
  return { result, seconds: (performance.now() - start) / 1000 };
}
