// The worker side of trajectoryEnsemble (trajectory-ensemble.ts): piscina runs this plain ES
// module in each worker thread; the task module (TypeScript source) is loaded by
// load-task-function.mjs.
import { Piscina } from 'piscina';
import { loadTaskFunction } from './load-task-function.mjs';

/**
 * Runs trajectory `trajectory` of the task and hands its columns back by transfer (their
 * buffers move to the main thread, nothing is copied).
 *
 * @param {{ module: string, name: string, config: unknown, trajectory: number, noiseSeed: number }} job
 */
export default async function runTrajectory(job) {
  const task = await loadTaskFunction(job.module, job.name, 'trajectoryEnsemble');
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
