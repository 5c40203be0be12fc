// The worker side of trajectoryEnsemble (trajectory-ensemble.ts): piscina runs this plain ES
// module in each worker thread. The repository has no build step, so the task module is
// TypeScript source. Under `npx tsx` the workers inherit tsx's loader (a worker's execArgv is
// its parent's) and import it directly; under vitest or plain node they have no loader, and
// tsx's scoped `tsImport` compiles the module and what it imports in this thread only.
import { Piscina } from 'piscina';

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

/** task functions of this worker, by `${module}#${name}`: each module is loaded once per thread */
const loaded = new Map();

/**
 * Runs trajectory `trajectory` of the task and hands its columns back by transfer (their
 * buffers move to the main thread, nothing is copied).
 *
 * @param {{ module: string, name: string, config: unknown, trajectory: number, noiseSeed: number }} job
 */
export default async function runTrajectory(job) {
  const key = `${job.module}#${job.name}`;
  let task = loaded.get(key);
  if (task === undefined) {
    const exports = await importTask(job.module);
    task = exports[job.name];
    if (typeof task !== 'function') {
      throw new Error(`trajectoryEnsemble: task module ${job.module} has no exported function '${job.name}'`);
    }
    loaded.set(key, task);
  }
  const columns = await task(job.config, job.trajectory, job.noiseSeed);
  const buffers = new Set();
  if (columns !== null && typeof columns === 'object') {
    for (const column of Object.values(columns)) {
      const data = column?.data;
      if (data instanceof Float64Array && !(data.buffer instanceof SharedArrayBuffer)) buffers.add(data.buffer);
    }
  }
  // a movable transferable: the pool posts `columns` with the buffers in its transfer list
  return Piscina.move({
    [Piscina.transferableSymbol]: [...buffers],
    [Piscina.valueSymbol]: columns,
  });
}
