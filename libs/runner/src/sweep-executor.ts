import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { StoredResult, SweepJob } from './open-run-store';

/** A sweep task resolved for the executors: the module's file URL and the export's name. */
export interface ResolvedTask {
  readonly module: string;
  readonly name: string;
  readonly id: string;
}

/** What an executor reports to the sweep that started it. */
export interface ExecutorHooks {
  /** a job started on a worker (`worker`: host:pid of a worker process, when known); may repeat for a retried job */
  running(job: SweepJob, worker?: string): void;
  /** a job's result is in the run store */
  done(job: SweepJob, stored: StoredResult): void;
  /** the sweep cannot finish (a job failed, a worker pool died, Redis is unreachable) */
  fail(error: Error): void;
}

/**
 * Where a sweep's jobs run: the local thread pool or BullMQ over Redis. Started on the jobs
 * still to do; it stores each result in the run store, then calls `hooks.done`. `stop()` stops
 * scheduling and shuts its workers down (jobs still running are abandoned, not stored).
 */
export interface SweepExecutor {
  stop(): Promise<void>;
}

/** the worker thread module of both executors */
export const TASK_THREAD = new URL('./sweep-task-thread.mjs', import.meta.url).href;

/** An Error for a job whose task failed, naming the job's parameters. */
export function jobError(job: SweepJob, reason: unknown): Error {
  const message = reason instanceof Error ? reason.message : String(reason);
  return new Error(`sweep: job ${job.id.slice(0, 12)} ${JSON.stringify(job.params)} failed: ${message}`, { cause: reason });
}

/** The task as the executors need it: module as a file URL, export name, id (see `SweepTask`). */
export function resolveSweepTask(fn: string, task: { module?: unknown; name?: unknown; id?: unknown } | null | undefined): ResolvedTask {
  if (task === null || typeof task !== 'object') throw new Error(`${fn}: option 'task' must be { module, name?, id? }`);
  let module: string;
  if (task.module instanceof URL) module = task.module.href;
  else if (typeof task.module === 'string' && task.module.startsWith('file:')) module = task.module;
  else if (typeof task.module === 'string' && isAbsolute(task.module)) module = pathToFileURL(task.module).href;
  else throw new Error(`${fn}: option 'task.module' must be an absolute path or a file URL, got ${String(task.module)}`);
  const name = task.name ?? 'default';
  if (typeof name !== 'string' || name === '') throw new Error(`${fn}: option 'task.name' must name an export of the module, got ${String(name)}`);
  const id = task.id ?? `${module}#${name}`;
  if (typeof id !== 'string' || id === '') throw new Error(`${fn}: option 'task.id' must be a non-empty string, got ${String(id)}`);
  return { module, name, id };
}
