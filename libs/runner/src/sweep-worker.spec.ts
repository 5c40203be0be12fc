// sweepWorker's close() against the private redis-server of test-support/redis-global-setup.ts:
// what it says it left behind when a job cannot be handed back in time.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, expect, inject, it } from 'vitest';
import { jobId } from './job-id';
import { openRunStore } from './open-run-store';
import { sweepWorker } from './sweep-worker';
import { scratch } from './test-support/execution-log';
import { lightTasks } from './test-support/light-tasks';

const url = inject('redisUrl');
const store = join(scratch('sweep-worker'), 'run');
const params = { gamma: 1, t: 1 };
const id = jobId('watchedDecay', params);
openRunStore(store, { task: 'watchedDecay', axes: { gamma: [1], t: [1] }, jobs: [{ id, params }] });
afterAll(() => rmSync(dirname(store), { recursive: true, force: true }));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('a hand-back still under way at the 5 s deadline (Redis holding writes) is one abandoned job, counted once', async () => {
  const name = `sweep-worker-spec-${process.pid}`;
  const queue = new Queue(name, { connection: { url } });
  const admin = new Redis(url);
  // the task sleeps 20 s on its thread (read when the thread starts): close() finds it running
  process.env.QSYNC_RUNNER_DELAY_MS = '20000';
  const worker = sweepWorker({ queue: url, name, lockDuration: 30_000 });
  delete process.env.QSYNC_RUNNER_DELAY_MS;
  try {
    await worker.ready;
    await queue.add('job', { id, params, module: lightTasks, name: 'watchedDecay', store }, { jobId: id });
    while ((await queue.getJob(id))?.progress === 0) await sleep(20); // running: it wrote its progress
    // writes (moveToWait's script) wait 8 s: the hand-back is still under way at the deadline, and
    // the forced close that follows cuts it (it fails too: still one job)
    await admin.call('CLIENT', 'PAUSE', '8000', 'WRITE');
    const started = Date.now();
    await worker.close();
    expect(Date.now() - started).toBeGreaterThanOrEqual(4900);
    await sleep(200); // a cut hand-back's failure arrives after close() returned
    expect(worker.abandoned).toBe(1);
    expect(worker.takenOver).toBe(0);
  } finally {
    await admin.call('CLIENT', 'UNPAUSE');
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
    admin.disconnect();
  }
}, 30_000);

it("a job that finished just before close() is completed: close waits for BullMQ's completion call (Redis holding writes 2.5 s) instead of cutting it", async () => {
  const name = `sweep-worker-spec-done-${process.pid}`;
  const queue = new Queue(name, { connection: { url } });
  const admin = new Redis(url);
  process.env.QSYNC_RUNNER_DELAY_MS = '300';
  const worker = sweepWorker({ queue: url, name, lockDuration: 30_000 });
  delete process.env.QSYNC_RUNNER_DELAY_MS;
  const params2 = { gamma: 2, t: 1 };
  const id2 = jobId('watchedDecay', params2);
  const store2 = join(dirname(store), 'run2');
  openRunStore(store2, { task: 'watchedDecay', axes: { gamma: [2], t: [1] }, jobs: [{ id: id2, params: params2 }] });
  try {
    await worker.ready;
    await queue.add('job', { id: id2, params: params2, module: lightTasks, name: 'watchedDecay', store: store2 }, { jobId: id2 });
    while ((await queue.getJob(id2))?.progress === 0) await sleep(20);
    // the task ends within 300 ms and its processor returns; BullMQ's moveToCompleted then waits for Redis
    await admin.call('CLIENT', 'PAUSE', '2500', 'WRITE');
    await sleep(800);
    await worker.close();
    await sleep(200);
    expect(await (await queue.getJob(id2))?.getState()).toBe('completed');
    expect(worker.abandoned).toBe(0);
  } finally {
    await admin.call('CLIENT', 'UNPAUSE');
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
    admin.disconnect();
  }
}, 30_000);

it('a job another worker holds when close() hands it back (moveToWait: lock mismatch, −6) is counted taken over, not abandoned', async () => {
  const name = `sweep-worker-spec-held-${process.pid}`;
  const queue = new Queue(name, { connection: { url } });
  const admin = new Redis(url);
  process.env.QSYNC_RUNNER_DELAY_MS = '20000';
  const worker = sweepWorker({ queue: url, name, lockDuration: 30_000 });
  delete process.env.QSYNC_RUNNER_DELAY_MS;
  try {
    await worker.ready;
    await queue.add('job', { id, params, module: lightTasks, name: 'watchedDecay', store }, { jobId: id });
    while ((await queue.getJob(id))?.progress === 0) await sleep(20);
    // as when its lock expired and another worker took it: the lock holds that worker's token
    await admin.set(`bull:${name}:${id}:lock`, 'another-worker-token');
    await worker.close();
    expect([worker.abandoned, worker.takenOver]).toEqual([0, 1]);
  } finally {
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
    admin.disconnect();
  }
}, 30_000);
