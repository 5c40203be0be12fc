import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import type { RunStore, StoredResult, SweepJob } from './open-run-store';
import { jobError } from './sweep-executor';
import type { ExecutorHooks, ResolvedTask, SweepExecutor } from './sweep-executor';
import type { QueuedSweepJob } from './sweep-worker';

/** Options of the BullMQ executor. */
export interface RedisExecutorConfig {
  /** redis://host:port */
  readonly url: string;
  /** the sweep's queue name */
  readonly name: string;
  /** worker processes to start here (0: only workers started elsewhere serve the queue) */
  readonly processes: number;
  /** worker threads per process */
  readonly threads: number;
  /** BullMQ lock duration (ms) of the workers started here */
  readonly lockDuration: number;
  /** how long (ms) a lost connection to Redis may stay lost before the sweep ends with an error */
  readonly redisTimeout: number;
}

const PROCESS_ENTRY = fileURLToPath(new URL('./sweep-worker-process.mjs', import.meta.url));
// how often the run store is looked at for results stored by workers whose BullMQ event was missed
const POLL_MS = 500;

/**
 * Runs a sweep's jobs on BullMQ over Redis: puts every job not yet stored on the sweep's queue
 * with its hash as BullMQ jobId (a job already on the queue — waiting, running or done — is
 * not added again), starts `processes` worker processes (each a `sweepWorker`), and reports a
 * job done when its completion event arrives or its result appears in the run store. A job
 * BullMQ completed earlier whose result the store lacks (a result file deleted to run it again)
 * is removed from the queue and added again.
 */
export function startRedisExecutor(
  task: ResolvedTask,
  config: RedisExecutorConfig,
  store: RunStore,
  jobs: readonly SweepJob[],
  hooks: ExecutorHooks,
): SweepExecutor {
  const pending = new Map(jobs.map((job) => [job.id, job]));
  const children: ChildProcess[] = [];
  // worker processes that said they take jobs (the others are still starting)
  const ready = new Set<ChildProcess>();
  let stopped = false;
  let queue: Queue | null = null;
  let events: QueueEvents | null = null;
  let poll: ReturnType<typeof setInterval> | null = null;
  let exited = 0;
  let lastExit = '';

  const settle = (id: string, returnvalue?: unknown): void => {
    const job = pending.get(id);
    if (job === undefined || stopped) return;
    let stored: StoredResult | undefined;
    try {
      stored = store.read(id);
      if (stored === undefined) {
        if (returnvalue === undefined) return;
        stored = store.write(job, returnvalue, 0);
      }
    } catch (error) {
      fail(jobError(job, error));
      return;
    }
    pending.delete(id);
    hooks.done(job, stored);
    if (pending.size === 0) void stop();
  };
  const fail = (error: Error): void => {
    if (stopped) return;
    void stop();
    hooks.fail(error);
  };

  const startChild = (): void => {
    // the workers give up on Redis later than the sweep, which then reports the loss itself
    const child = fork(PROCESS_ENTRY, [JSON.stringify({ queue: config.url, name: config.name, threads: config.threads, lockDuration: config.lockDuration, redisTimeout: 2 * config.redisTimeout })], {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      // the parent's loader flags (vitest's, tsx's) are not the worker's business
      execArgv: [],
    });
    // the last resort if this process ends before the sweep has closed its workers
    const killOnExit = (): void => {
      child.kill('SIGKILL');
    };
    process.once('exit', killOnExit);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    child.on('exit', (code, signal) => {
      process.removeListener('exit', killOnExit);
      exited++;
      lastExit = `pid ${child.pid} exited with ${signal ?? `code ${code}`}${stderr === '' ? '' : `: ${stderr.trim()}`}`;
      // a killed worker's job goes back to the queue after its lock expires (BullMQ's stalled
      // check in the other workers); only when none is left can the sweep not finish
      if (!stopped && exited === children.length && pending.size > 0) {
        fail(new Error(`sweep: all ${children.length} worker processes exited, ${pending.size} jobs not done (last: ${lastExit})`));
      }
    });
    child.on('message', (message: { kind?: string } | null) => {
      if (message?.kind === 'ready') ready.add(child);
    });
    children.push(child);
  };

  // ioredis retries a lost connection forever, and BullMQ's commands wait for it: a Redis that
  // died mid-sweep would make the sweep wait forever. The first 'error' of a series starts a
  // timer; when Redis still does not answer PING `redisTimeout` ms later, the sweep ends with the
  // last error (when it answers, the clients reconnect by themselves and the series is over).
  let lost: ReturnType<typeof setTimeout> | null = null;
  let lastError: Error | null = null;
  const redisError = (error: Error): void => {
    lastError = error;
    if (stopped || lost !== null) return;
    lost = setTimeout(() => {
      reachable(config.url).then(
        () => (lost = null),
        () => {
          lost = null;
          if (!stopped) fail(new Error(`sweep: lost Redis at ${config.url} (option 'queue') for ${config.redisTimeout} ms: ${lastError?.message ?? 'no answer'}`));
        },
      );
    }, config.redisTimeout);
  };

  const start = async (): Promise<void> => {
    await reachable(config.url);
    if (stopped) return;
    const connection = { url: config.url, maxRetriesPerRequest: null };
    queue = new Queue(config.name, { connection });
    events = new QueueEvents(config.name, { connection });
    queue.on('error', redisError);
    events.on('error', redisError);
    events.on('progress', ({ jobId, data }) => {
      const job = pending.get(jobId);
      const worker = (data as { worker?: unknown } | null)?.worker;
      if (job !== undefined && !stopped) hooks.running(job, typeof worker === 'string' ? worker : undefined);
    });
    events.on('completed', ({ jobId, returnvalue }) => settle(jobId, returnvalue));
    events.on('failed', ({ jobId, failedReason }) => {
      const job = pending.get(jobId);
      if (job !== undefined) fail(jobError(job, failedReason));
    });
    // listen before adding, so that no completion is missed
    await events.waitUntilReady();
    if (stopped) return;
    for (let k = 0; k < config.processes; k++) startChild();
    // the store is the record of what is done: a job BullMQ completed whose result file is gone
    // (deleted to run it again, or a store made anew) is removed from the queue and added again
    for (const id of [...pending.keys()]) {
      if (stopped) return;
      if ((await queue.getJobState(id)) !== 'completed') continue;
      if (store.has(id)) settle(id);
      else await (await queue.getJob(id))?.remove();
    }
    if (stopped || pending.size === 0) return;
    const data = (job: SweepJob): QueuedSweepJob => ({ id: job.id, params: job.params, module: task.module, name: task.name, store: store.dir });
    await queue.addBulk(
      [...pending.values()].map((job) => ({
        name: 'job',
        data: data(job),
        // the failed set is emptied so that a later sweep can add a failed job again
        opts: { jobId: job.id, attempts: 1, removeOnComplete: false, removeOnFail: true },
      })),
    );
    poll = setInterval(() => {
      for (const id of [...pending.keys()]) if (store.has(id)) settle(id);
    }, POLL_MS);
  };

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopped = true;
    stopping ??= (async () => {
      if (poll !== null) clearInterval(poll);
      if (lost !== null) clearTimeout(lost);
      await Promise.all(children.map((child) => closeChild(child, ready.has(child))));
      // closing waits for Redis; one that is gone is not waited for past 5 s
      await withTimeout(events?.close(), 5000, () => void events?.disconnect());
      await withTimeout(queue?.close(), 5000, () => void queue?.disconnect());
    })();
    return stopping;
  };

  start().catch((error: unknown) => fail(error instanceof Error ? error : new Error(String(error))));
  return { stop };
}

/** Waits for `closing` (its failure ignored) at most `ms`, then calls `giveUp` and returns. */
async function withTimeout(closing: Promise<void> | undefined, ms: number, giveUp: () => void): Promise<void> {
  if (closing === undefined) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
  const outcome = await Promise.race([closing.catch(() => undefined), late]);
  clearTimeout(timer);
  if (outcome === 'late') giveUp();
}

/** Fails with a clear message when nothing answers PING at `url` (BullMQ itself would retry forever). */
async function reachable(url: string): Promise<void> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 3000 });
  // the socket's error (ECONNREFUSED …) says more than the "Connection is closed" connect() rejects with
  let cause: Error | null = null;
  client.on('error', (error: Error) => (cause ??= error));
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw new Error(`sweep: cannot reach Redis at ${url} (option 'queue'): ${(cause ?? (error as Error)).message}`);
  } finally {
    client.disconnect();
  }
}

/**
 * Asks a worker process to close — by IPC when it is ready, by SIGTERM while it is starting (a
 * signal is not lost before its handlers are in place: the default action ends the process) —
 * and kills it if it has not exited within 5 s.
 */
function closeChild(child: ChildProcess, ready: boolean): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    if (ready && child.connected) child.send({ kind: 'close' });
    else child.kill('SIGTERM');
  });
}
