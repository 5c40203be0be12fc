// The thread side of a sweep (local pool, and each BullMQ worker process's own pool): piscina
// runs this plain ES module in a worker thread and calls its default export once per job. The
// repository has no build step, so a task module may be TypeScript: imported directly when the
// thread has a loader for it (under `npx tsx`), else through tsx's scoped `tsImport`.
import { performance } from 'node:perf_hooks';

/** Imports a module, through tsx's `tsImport` when this thread cannot load TypeScript itself. */
async function importTask(url) {
  try {
    return await import(url);
  } catch (error) {
    if (error?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
    const { tsImport } = await import('tsx/esm/api');
    return tsImport(url, import.meta.url);
  }
}

/** task functions of this thread by `${module}#${name}`: each module is loaded once per thread */
const loaded = new Map();

/**
 * Runs one job: the task's function on the job's parameters.
 *
 * @param {{ module: string, name: string, params: Record<string, unknown> }} job
 * @returns {Promise<{ result: unknown, seconds: number }>} what the task returned and how long it took
 */
export default async function runSweepTask(job) {
  const key = `${job.module}#${job.name}`;
  let task = loaded.get(key);
  if (task === undefined) {
    const exports = await importTask(job.module);
    task = exports[job.name];
    if (typeof task !== 'function') {
      throw new Error(`sweep: task module ${job.module} has no exported function '${job.name}'`);
    }
    loaded.set(key, task);
  }
  const start = performance.now();
  const result = await task(job.params);
  return { result, seconds: (performance.now() - start) / 1000 };
}
