// The worker side of trajectoryEnsemble (trajectory-ensemble.ts): piscina runs this plain ES
// module in each worker thread; the task module (the bundle of bundleTaskModule, or TypeScript
// source through tsx) is loaded by load-task-function.mjs.
import { setImmediate } from 'node:timers';
import { loadTaskFunction } from './load-task-function.mjs';

/**
 * Runs trajectory `trajectory` of the task and returns its columns. They are copied to the main
 * thread (structured clone), not transferred: transferring detaches the worker's ArrayBuffers,
 * which invalidates V8's ArrayBuffer-detaching protector in this thread and slows every
 * typed-array loop after it (measured: 0.77 → 0.75 µs CPU per vdP step, N = 10, with copies; the
 * copy of a few kB per trajectory costs nothing next to its thousands of steps).
 *
 * @param {{ module: string, name: string, config: unknown, trajectory: number, noiseSeed: number }} job
 */
export default async function runTrajectory(job) {
  const task = await loadTaskFunction(job.module, job.name, 'trajectoryEnsemble');
  // a worker holds two jobs at once (createTrajectoryPool's concurrentTasksPerWorker): both
  // would run to their end in one run of microtasks before piscina posts the first result, so
  // each waits for a turn of the event loop, and a result leaves before the next job starts
  await new Promise((resolve) => setImmediate(resolve));
  return task(job.config, job.trajectory, job.noiseSeed);
}
