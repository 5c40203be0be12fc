// Sweep tasks for the runner's tests of its machinery (cancelling, errors, worker processes),
// where what the task computes does not matter but the time a worker thread takes to load it
// does: this module imports no qsync library (resonance-fluorescence-task.ts loads operators and
// integrators, ~0.8 s of CPU per thread).
import { appendFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';

/** The module's URL (a sweep's `task.module`). */
export const lightTasks = new URL(import.meta.url).href;

/**
 * Exponential decay n(t) = n0·e^{−γt}, watched like watchedExcitedPopulation: when
 * QSYNC_RUNNER_LOG names a file, appends { run, event, params, pid, thread } lines before and
 * after, and sleeps QSYNC_RUNNER_DELAY_MS ms in between.
 */
export function watchedDecay(params: { gamma: number; t: number; n0?: number }): { n: number } {
  const log = process.env.QSYNC_RUNNER_LOG;
  const note = (event: string): void => {
    if (log) appendFileSync(log, `${JSON.stringify({ run: process.env.QSYNC_RUNNER_RUN ?? '', event, params, pid: process.pid, thread: threadId })}\n`);
  };
  note('start');
  const delay = Number(process.env.QSYNC_RUNNER_DELAY_MS ?? 0);
  if (delay > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, delay);
  const n = (params.n0 ?? 1) * Math.exp(-params.gamma * params.t);
  note('end');
  return { n };
}

/** Fails for gamma < 0 (a task that throws). */
export function failingDecay(params: { gamma: number; t: number }): { n: number } {
  if (params.gamma < 0) throw new Error(`gamma must be ≥ 0, got ${params.gamma}`);
  return { n: Math.exp(-params.gamma * params.t) };
}

/** Returns NaN (a result that is not JSON). */
export function nanResult(): { n: number } {
  return { n: NaN };
}
