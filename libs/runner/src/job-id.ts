import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/**
 * The id of a sweep job: the SHA-256 (hex) of the canonical JSON of `{ task, params }`. The
 * same task and parameters give the same id in every process and on every machine, whatever
 * the order of the parameters' keys, so a job submitted twice is recognised as one (the run
 * store's file name, BullMQ's jobId).
 *
 * @param task - the task's id (see `SweepTask.id`)
 * @param params - the job's parameters, a plain JSON object
 * @returns 64 lowercase hex digits
 * @throws Error naming the parameter that is not JSON (e.g. NaN)
 * @example
 * jobId('decay', { rate: 1, t: 2 }) === jobId('decay', { t: 2, rate: 1 }); // → true
 */
export function jobId(task: string, params: Readonly<Record<string, unknown>>): string {
  if (typeof task !== 'string' || task === '') throw new Error(`jobId: argument 'task' must be a non-empty string, got ${String(task)}`);
  if (params === null || typeof params !== 'object' || Array.isArray(params)) {
    throw new Error(`jobId: argument 'params' must be a plain object of parameters, got ${String(params)}`);
  }
  // the canonical JSON of { task, params } (members in key order), written so that an error
  // names the parameter as `params.<name>`
  const text = `{"params":${canonicalJson(params, 'params')},"task":${JSON.stringify(task)}}`;
  return createHash('sha256').update(text).digest('hex');
}
