import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { Redis } from 'ioredis';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { lastValueFrom, tap, toArray } from 'rxjs';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openRunStore } from './open-run-store';
import { sweepQueueName } from './sweep-queue-name';
import { sweep } from './sweep';
import type { SweepConfig, SweepFrame } from './sweep';
import { countBy, executions, scratch, watch } from './test-support/execution-log';
import { lightTasks } from './test-support/light-tasks';
import { killChildren, spawnChild } from './test-support/spawn-child';
import { excitedPopulationExact, resonanceFluorescenceTask } from './test-support/resonance-fluorescence-task';
import type { ResonanceFluorescenceParams } from './test-support/resonance-fluorescence-task';

// The BullMQ executor against the private redis-server of test-support/redis-global-setup.ts.
// 4 × 3 = 12 resonance-fluorescence jobs; lockDuration 1500 ms, so that a job whose worker
// process was killed is given to another one within ~3 s, while a live worker (its task on a
// thread, its event loop free) renews its lock every 750 ms with room to spare on a loaded machine.
const over = { detuning: { from: -1.5, to: 1.5, count: 4 }, rabi: [0.5, 1, 2], gamma: [1] };
const task = { module: resonanceFluorescenceTask, name: 'watchedExcitedPopulation' };
const queue = inject('redisUrl');
const dirs: string[] = [];
const dir = (prefix: string): string => {
  const d = scratch(prefix);
  dirs.push(d);
  return d;
};
afterAll(() => {
  // also after a failed test: no process of this file may outlive it (see spawn-child.ts), and no
  // worker process of a sweep run here may keep serving this file's queues
  killChildren();
  for (const pid of workersOf(queue)) process.kill(pid, 'SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const run = (config: SweepConfig): Promise<SweepFrame[]> => lastValueFrom(sweep(config).pipe(toArray()));
const resultsOf = (frames: readonly SweepFrame[]): Map<number, number> =>
  new Map(frames.filter((f) => f.job?.result !== undefined).map((f) => [f.job?.index ?? -1, (f.job?.result as { excited: number }).excited]));
const pidOf = (worker: string | undefined): number => Number(worker?.split(':').pop());
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** pids of the processes running sweep-worker-process.mjs for the queue `name` (Linux /proc) */
function workersOf(name: string): number[] {
  const out: number[] = [];
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmdline.includes('sweep-worker-process') && cmdline.includes(name)) out.push(Number(pid));
    } catch {
      // the process ended while being read
    }
  }
  return out;
}

/** Waits until none of `pids` is alive (worker processes closing after a sweep), at most 5 s. */
async function allExited(pids: Iterable<number>): Promise<boolean> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    if ([...pids].every((pid) => !alive(pid))) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

/** a redis-server of a test's own, on a free port, answering when this resolves (the test kills it) */
async function privateRedis(): Promise<{ server: ChildProcessByStdio<null, null, Readable>; url: string }> {
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: p } = probe.address() as { port: number };
      probe.close(() => resolve(p));
    });
  });
  const server = spawn(process.env.QSYNC_REDIS_SERVER ?? '/usr/bin/redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'ignore', 'pipe'] });
  server.stderr.resume();
  const listening = (): Promise<boolean> =>
    new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1', () => (socket.destroy(), resolve(true))).on('error', () => resolve(false));
    });
  for (const deadline = Date.now() + 10_000; !(await listening()); await new Promise((r) => setTimeout(r, 50))) {
    if (Date.now() > deadline) {
      server.kill('SIGKILL');
      throw new Error(`redis-server on port ${port} did not start`);
    }
  }
  return { server, url: `redis://127.0.0.1:${port}` };
}

/** CLIENT LIST of the Redis at `url` ('' when it does not answer) */
async function clientList(url: string): Promise<string> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return String(await client.client('LIST'));
  } catch {
    return '';
  } finally {
    client.disconnect();
  }
}

/** two points, Δ = 0 and 1 at Ω = γ = 1: ρ_ee = 1/3 and 1/7 */
function checkFrames2(frames: readonly SweepFrame[]): void {
  expect(frames[frames.length - 1].channels).toMatchObject({ done: { value: 2 }, total: { value: 2 }, running: { value: 0 } });
  const excited = frames.filter((f) => f.job?.status === 'done').map((f) => [f.job?.index, (f.job?.result as { excited: number }).excited]);
  expect(excited.sort()).toEqual([
    [0, expect.closeTo(1 / 3, 12)],
    [1, expect.closeTo(1 / 7, 12)],
  ]);
}

function checkResults(frames: readonly SweepFrame[]): void {
  const done = frames.filter((f) => f.job?.status === 'done' || f.job?.status === 'stored');
  expect(done).toHaveLength(12);
  expect(frames[frames.length - 1].channels).toMatchObject({ done: { value: 12 }, total: { value: 12 }, running: { value: 0 } });
  // ρ_ee = Ω²/(γ² + 4Δ² + 2Ω²), to rounding (see sweep.spec.ts)
  for (const f of done) {
    const exact = excitedPopulationExact(f.job?.params as unknown as ResonanceFluorescenceParams);
    expect(Math.abs((f.job?.result as { excited: number }).excited - exact)).toBeLessThan(1e-12);
  }
}

describe('sweep on BullMQ workers over Redis', () => {
  let local = new Map<number, number>();

  it('gives the local pool its reference results', async () => {
    watch(join(dir('ref'), 'log'), 0);
    const frames = await run({ task, over, store: join(dir('ref'), 'store'), workers: 1 });
    local = resultsOf(frames);
    expect(local.size).toBe(12);
  });

  it('survives a worker process killed mid-job: the job runs again elsewhere, every point is stored once and equals the local pool', async () => {
    const d = dir('kill');
    const log = join(d, 'executions.log');
    watch(log, 300);
    let killed: { id: string; pid: number } | null = null;
    const workers = new Set<number>();
    const frames = await lastValueFrom(
      sweep({ task, over, store: join(d, 'store'), queue, workers: 2, lockDuration: 1500 }).pipe(
        tap((f) => {
          if (f.job?.worker !== undefined && f.job.status === 'running') workers.add(pidOf(f.job.worker));
          // once job 9's task is computing (its 'start' is in the log), SIGKILL its process, as
          // a crashed machine: no clean-up of any kind runs there
          if (killed === null && f.job?.status === 'running' && f.job.index === 9) {
            const victim = { id: f.job.id, pid: pidOf(f.job.worker) };
            killed = victim;
            const params = JSON.stringify(f.job.params);
            void (async () => {
              const deadline = Date.now() + 5000;
              while (!executions(log).some((e) => e.event === 'start' && e.pid === victim.pid && JSON.stringify(e.params) === params)) {
                if (Date.now() > deadline) throw new Error('job 9 never started');
                await new Promise((r) => setTimeout(r, 5));
              }
              process.kill(victim.pid, 'SIGKILL');
            })();
          }
        }),
        toArray(),
      ),
    );
    checkResults(frames);
    expect(resultsOf(frames)).toEqual(local);
    const victim = killed as { id: string; pid: number } | null;
    expect(victim).not.toBeNull();
    // job 9 was started twice — on the killed process and on another — and finished once
    const runs = frames.filter((f) => f.job?.id === victim?.id && f.job?.status === 'running').map((f) => pidOf(f.job?.worker));
    expect(runs).toHaveLength(2);
    expect(runs[0]).toBe(victim?.pid);
    expect(runs[1]).not.toBe(victim?.pid);
    const list = executions(log);
    const key = JSON.stringify(frames.find((f) => f.job?.id === victim?.id)?.job?.params);
    expect(countBy(list, 'start').get(key)).toBe(2);
    // every point finished exactly once, and the store has one file per point
    expect([...countBy(list, 'end').values()]).toEqual(new Array(12).fill(1));
    expect(countBy(list, 'end').size).toBe(12);
    expect(readdirSync(join(d, 'store', 'results')).sort()).toEqual(openRunStore(join(d, 'store')).manifest.jobs.map((j) => `${j.id}.json`).sort());
    // the sweep's worker processes are gone once it completes
    expect(await allExited(workers)).toBe(true);
  });

  it('runs a job submitted twice once: two sweeps of one grid at once, one of them without workers of its own; a deleted result runs again', async () => {
    const d = dir('twice');
    const log = join(d, 'executions.log');
    watch(log, 50);
    const store = join(d, 'store');
    const [a, b] = await Promise.all([run({ task, over, store, queue, workers: 1 }), run({ task, over, store, queue, workers: 0 })]);
    checkResults(a);
    checkResults(b);
    expect(resultsOf(b)).toEqual(resultsOf(a));
    expect([...countBy(executions(log), 'start').values()]).toEqual(new Array(12).fill(1));

    // a result file deleted: the next sweep runs that job again, though BullMQ holds it as completed
    const gone = openRunStore(store).manifest.jobs[7];
    rmSync(join(store, 'results', `${gone.id}.json`));
    const again = await run({ task, over, store, queue, workers: 1 });
    checkResults(again);
    expect(again.filter((f) => f.job?.status === 'done').map((f) => f.job?.id)).toEqual([gone.id]);
    expect(countBy(executions(log), 'end').get(JSON.stringify(gone.params))).toBe(2);
  });

  it('resumes after being unsubscribed halfway: what was stored is not run again, an abandoned job is', async () => {
    const d = dir('resume');
    const log = join(d, 'executions.log');
    const store = join(d, 'store');
    watch(log, 100, 'first');
    const workers = new Set<number>();
    await new Promise<void>((resolve) => {
      let done = 0;
      const subscription = sweep({ task, over, store, queue, workers: 1, lockDuration: 1500 }).subscribe((f) => {
        if (f.job?.worker !== undefined && f.job.status === 'running') workers.add(pidOf(f.job.worker));
        if (f.job?.status === 'done' && ++done === 4) {
          subscription.unsubscribe();
          resolve();
        }
      });
    });
    // unsubscribing closes the sweep's worker processes
    expect(await allExited(workers)).toBe(true);
    const storedBefore = new Set(openRunStore(store).completed());
    expect(storedBefore.size).toBeGreaterThanOrEqual(4);
    watch(log, 0, 'second');
    const frames = await run({ task, over, store, queue, workers: 1, lockDuration: 1500 });
    checkResults(frames);
    expect(resultsOf(frames)).toEqual(local);
    expect(new Set(frames.filter((f) => f.job?.status === 'stored').map((f) => f.job?.id))).toEqual(storedBefore);
    const second = executions(log).filter((e) => e.run === 'second');
    expect(second.filter((e) => e.event === 'end')).toHaveLength(12 - storedBefore.size);
    // overall each point finished once (abandoned jobs had started, not finished)
    expect([...countBy(executions(log), 'end').values()]).toEqual(new Array(12).fill(1));
  });

  it('hands the jobs it was running back to the queue when interrupted: a rerun with the default lock (30 s) takes them at once, every point finished and stored once', async () => {
    const d = dir('hand-back');
    const log = join(d, 'executions.log');
    const store = join(d, 'store');
    watch(log, 4000, 'first');
    const workers = new Set<number>();
    const running = new Set<string>();
    await new Promise<void>((resolve) => {
      const subscription = sweep({ task, over, store, queue, workers: 1, threads: 2 }).subscribe((f) => {
        if (f.job?.status === 'running' && f.job.worker !== undefined) {
          running.add(f.job.id);
          workers.add(pidOf(f.job.worker));
        }
        if (running.size === 2) {
          subscription.unsubscribe();
          resolve();
        }
      });
    });
    expect(await allExited(workers)).toBe(true);
    expect(openRunStore(store).completed()).toHaveLength(0);
    watch(log, 0, 'second');
    const started = performance.now();
    const frames = await run({ task, over, store, queue, workers: 1 });
    const seconds = (performance.now() - started) / 1000;
    checkResults(frames);
    expect(resultsOf(frames)).toEqual(local);
    // left 'active' under the closed worker's lock, the two would wait ≥ 30 s for it to expire
    expect(seconds).toBeLessThan(20);
    expect([...countBy(executions(log).filter((e) => e.run === 'second'), 'end').values()]).toEqual(new Array(12).fill(1));
    expect([...countBy(executions(log), 'end').values()]).toEqual(new Array(12).fill(1));
  }, 120_000);

  it('leaves no worker process behind when the process that ran the sweep exits right after it', async () => {
    // one point for two worker processes, in a process that calls process.exit on completion:
    // workers still starting or still closing must not outlive it (they would serve the queue
    // forever, or retry a Redis that is gone)
    const store = join(dir('exit'), 'store');
    const config = { task: { module: fileURLToPath(lightTasks), name: 'watchedDecay' }, over: { gamma: [0.25], t: [1] }, store, queue, workers: 2 };
    const name = sweepQueueName({ task: config.task, store });
    const { child, stderr } = spawnChild(fileURLToPath(new URL('./test-support/run-sweep-process.mjs', import.meta.url)), [JSON.stringify(config)]);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', (c) => resolve(c));
    });
    expect(code, stderr()).toBe(0);
    expect(openRunStore(store).completed()).toHaveLength(1);
    const deadline = Date.now() + 3000;
    while (workersOf(name).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(workersOf(name)).toEqual([]);
  });

  it('is served by a worker started on its own, as on another machine (workers: 0)', async () => {
    const store = join(dir('external'), 'store');
    const config = { task, over: { detuning: [0, 1], rabi: [1], gamma: [1] }, store, queue, workers: 0 };
    // what README tells a user to run elsewhere: no IPC channel, stopped by SIGTERM
    const { child: worker, stderr } = spawnChild(fileURLToPath(new URL('./sweep-worker-process.mjs', import.meta.url)), [
      JSON.stringify({ queue, name: sweepQueueName(config) }),
    ]);
    const exited = new Promise<number | null>((resolve) => worker.on('exit', (code) => resolve(code)));
    try {
      const frames = await run(config);
      checkFrames2(frames);
      expect(new Set(frames.filter((f) => f.job?.status === 'running').map((f) => pidOf(f.job?.worker)))).toEqual(new Set([worker.pid]));
      worker.kill('SIGTERM');
      expect(await exited, stderr()).toBe(0);
    } finally {
      // a failed test must not leave it serving (and retrying Redis after the server is gone)
      if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
    }
  });

  it('ends with a clear error when nothing answers at the Redis URL', async () => {
    await expect(run({ task, over, store: join(dir('noredis'), 'store'), queue: 'redis://127.0.0.1:1', workers: 1 })).rejects.toThrow(
      /sweep: cannot reach Redis at redis:\/\/127.0.0.1:1 \(option 'queue'\): connect ECONNREFUSED/,
    );
  });

  it('ends with an error naming the URL when Redis dies mid-sweep and does not come back within redisTimeout', async () => {
    // a Redis of its own, stopped once a job runs: ioredis would retry it forever
    const { server, url } = await privateRedis();
    try {
      const d = dir('redis-dies');
      watch(join(d, 'log'), 400);
      const started = Date.now();
      let stoppedAt = 0;
      const failure = await lastValueFrom(
        sweep({ task: { module: lightTasks, name: 'watchedDecay' }, over: { gamma: [0.25, 0.5, 1, 2], t: [1, 2] }, store: join(d, 'store'), queue: url, workers: 1, redisTimeout: 1000 }).pipe(
          tap((f) => {
            if (stoppedAt === 0 && f.job?.status === 'running') {
              stoppedAt = Date.now();
              server.kill('SIGKILL');
            }
          }),
        ),
      ).then(
        () => null,
        (e: unknown) => e,
      );
      expect(stoppedAt).toBeGreaterThanOrEqual(started);
      // (on a loaded machine its worker, which waits 2 s, may report it first: then the sweep ends with that)
      expect(String(failure)).toMatch(new RegExp(`lost Redis at ${url} \\(option 'queue'\\) for (1000|2000) ms: .*(ECONNREFUSED|ECONNRESET|EPIPE)`));
      // ends after the timeout, not long after it (a PING of at most 3 s, and the timer's slack)
      expect(Date.now() - stoppedAt).toBeGreaterThanOrEqual(1000);
      expect(Date.now() - stoppedAt).toBeLessThan(20_000);
    } finally {
      server.kill('SIGKILL');
      for (const pid of workersOf(url)) process.kill(pid, 'SIGKILL');
      process.env.QSYNC_RUNNER_DELAY_MS = '0';
    }
  });

  it('a worker started on its own exits (code 1) naming the URL when Redis is gone for longer than redisTimeout', async () => {
    const { server, url } = await privateRedis();
    const { child: worker, stderr } = spawnChild(fileURLToPath(new URL('./sweep-worker-process.mjs', import.meta.url)), [
      JSON.stringify({ queue: url, name: 'qsync-sweep-lost', redisTimeout: 500 }),
    ]);
    try {
      const exited = new Promise<number | null>((resolve) => worker.on('exit', (code) => resolve(code)));
      // it serves once its connections are open (besides the one asking): then the server goes
      for (const deadline = Date.now() + 20_000; (await clientList(url)).trim().split('\n').length < 3; await new Promise((r) => setTimeout(r, 50))) {
        if (Date.now() > deadline) throw new Error(`the worker did not connect: ${stderr()}`);
      }
      server.kill('SIGKILL');
      expect(await exited, stderr()).toBe(1);
      expect(stderr()).not.toMatch(/Error: Connection is closed/);
      expect(stderr()).toMatch(new RegExp(`sweepWorker: lost Redis at ${url} \\(option 'queue'\\) for 500 ms: .*(ECONNREFUSED|ECONNRESET|EPIPE)`));
    } finally {
      server.kill('SIGKILL');
      if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
    }
  });

  it('ends with an error naming the job when a task fails on a worker', async () => {
    const failing = { module: lightTasks, name: 'failingDecay' };
    await expect(run({ task: failing, over: { gamma: [1, -1], t: [1] }, store: join(dir('fail'), 'store'), queue, workers: 1 })).rejects.toThrow(
      /sweep: job [0-9a-f]{12} \{"gamma":-1,"t":1\} failed: gamma must be ≥ 0, got -1/,
    );
  });
});
