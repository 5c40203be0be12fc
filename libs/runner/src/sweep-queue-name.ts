import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { resolveSweepTask } from './sweep-executor';
import type { SweepTask } from './sweep';

/**
 * The BullMQ queue a sweep with `queue` puts its jobs on: named by its task id and its run
 * store's absolute directory, so that two sweeps share a queue exactly when they share a store.
 * A worker started elsewhere (`sweepWorker`) serves the sweep under this name.
 *
 * @param config - the sweep's `task` and `store`
 * @returns `qsync-sweep-` and 16 hex digits
 * @throws Error naming the option for a bad task or store
 * @example
 * const name = sweepQueueName({ task: { module: '/opt/tasks/decay.js', name: 'decay' }, store: '/data/runs/decay' });
 * /^qsync-sweep-[0-9a-f]{16}$/.test(name); // → true
 */
export function sweepQueueName(config: { readonly task: SweepTask; readonly store: string }): string {
  const task = resolveSweepTask('sweepQueueName', config?.task);
  if (typeof config.store !== 'string' || config.store === '') {
    throw new Error(`sweepQueueName: option 'store' must be a directory path, got ${String(config.store)}`);
  }
  return `qsync-sweep-${createHash('sha256').update(`${task.id}\n${resolve(config.store)}`).digest('hex').slice(0, 16)}`;
}
