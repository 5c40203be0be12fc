import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lastValueFrom, toArray } from 'rxjs';
import { afterAll, describe, expect, it } from 'vitest';
import { openRunStore } from './open-run-store';
import { sweep } from './sweep';
import type { SweepConfig, SweepFrame } from './sweep';
import { countBy, executions, scratch, watch } from './test-support/execution-log';
import { lightTasks } from './test-support/light-tasks';
import { killChildren, spawnChild } from './test-support/spawn-child';
import { excitedPopulationExact, resonanceFluorescenceTask } from './test-support/resonance-fluorescence-task';
import type { ResonanceFluorescenceParams } from './test-support/resonance-fluorescence-task';

// Resonance fluorescence over Δ ∈ {−2, −1, 0, 1, 2} × Ω ∈ {0.5, 1, 2}, γ = 1: 15 jobs.
const over = { detuning: { from: -2, to: 2, count: 5 }, rabi: [0.5, 1, 2], gamma: [1] };
const task = { module: resonanceFluorescenceTask, name: 'watchedExcitedPopulation' };
// the same machinery on a task that loads in no time (cancelling, errors)
const light = { module: lightTasks, name: 'watchedDecay' };
const dirs: string[] = [];
const dir = (prefix: string): string => {
  const d = scratch(prefix);
  dirs.push(d);
  return d;
};
afterAll(() => {
  killChildren(); // also after a failed test (see spawn-child.ts)
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const run = (config: SweepConfig): Promise<SweepFrame[]> => lastValueFrom(sweep(config).pipe(toArray()));
const resultsOf = (frames: readonly SweepFrame[]): Map<number, number> =>
  new Map(frames.filter((f) => f.job?.result !== undefined).map((f) => [f.job?.index ?? -1, (f.job?.result as { excited: number }).excited]));

/** The frames' bookkeeping: done counts up by one per result, ends at total, each job once. */
function checkFrames(frames: readonly SweepFrame[], total: number): void {
  expect(frames[0].channels.done.value).toBe(0);
  expect(frames[0].job).toBeUndefined();
  let done = 0;
  const seen = new Set<string>();
  for (const f of frames) {
    expect(f.channels.total.value).toBe(total);
    if (f.job?.status === 'done' || f.job?.status === 'stored') {
      done++;
      expect(seen.has(f.job.id)).toBe(false);
      seen.add(f.job.id);
    }
    expect(f.channels.done.value).toBe(done);
  }
  expect(done).toBe(total);
  expect(frames[frames.length - 1].channels).toMatchObject({ done: { value: total }, running: { value: 0 } });
}

describe('sweep (local worker threads)', () => {
  const store = dir('local');
  const log = join(store, '..', `${store.split('/').pop()}.log`);
  let first: SweepFrame[] = [];

  it('runs every grid point once and stores what the closed form says', async () => {
    watch(log, 0);
    first = await run({ task, over, store, workers: 2 });
    checkFrames(first, 15);
    const results = resultsOf(first);
    expect(results.size).toBe(15);
    // ρ_ee = Ω²/(γ² + 4Δ² + 2Ω²). steadyState solves a 4×4 Liouvillian block by LU (residual
    // ~1e-16); 1e-12 admits rounding only — a Rabi term Ω instead of Ω/2 moves ρ_ee by > 0.05
    for (const f of first.filter((g) => g.job?.status === 'done')) {
      const exact = excitedPopulationExact(f.job?.params as unknown as ResonanceFluorescenceParams);
      expect(Math.abs((f.job?.result as { excited: number }).excited - exact)).toBeLessThan(1e-12);
    }
    // the store: the manifest and one file per job, nothing else
    expect(readdirSync(join(store, 'results')).length).toBe(15);
    expect([...countBy(executions(log), 'end').values()]).toEqual(new Array(15).fill(1));
  });

  it('runs nothing again on a second sweep over the same store: every result comes back stored', async () => {
    watch(log, 0, 'again');
    const again = await run({ task, over, store, workers: 2 });
    checkFrames(again, 15);
    expect(again.filter((f) => f.job !== undefined).every((f) => f.job?.status === 'stored')).toBe(true);
    expect(resultsOf(again)).toEqual(resultsOf(first));
    expect(executions(log).filter((e) => e.run === 'again')).toEqual([]);
  });

  it('counts equal grid points once', async () => {
    const frames = await run({ task: light, over: { gamma: [0, 0, 1], t: [1, 1] }, store: dir('dup'), workers: 1 });
    checkFrames(frames, 2);
  });

  it('resumes after its process was killed halfway, without recomputing a stored point', async () => {
    const resumed = dir('killed');
    const killedLog = join(resumed, 'executions.log');
    watch(killedLog, 120, 'first');
    const config = { task: { module: fileURLToPath(resonanceFluorescenceTask), name: task.name }, over, store: join(resumed, 'store'), workers: 1 };
    const { child, stderr } = spawnChild(fileURLToPath(new URL('./test-support/run-sweep-process.mjs', import.meta.url)), [JSON.stringify(config)]);
    // SIGKILL once 5 results are stored: no clean-up of any kind runs in the sweep's process
    await new Promise<void>((resolve, reject) => {
      let lines = 0;
      child.stdout.on('data', (chunk: Buffer) => {
        lines += chunk.toString().split('\n').filter((l) => l !== '').length;
        if (lines >= 5 && child.exitCode === null) child.kill('SIGKILL');
      });
      child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`sweep process ended by itself (${code}): ${stderr()}`))));
    });
    const storedBefore = new Set(openRunStore(config.store).completed());
    expect(storedBefore.size).toBeGreaterThanOrEqual(5);
    expect(storedBefore.size).toBeLessThan(15);

    watch(killedLog, 0, 'second');
    const frames = await run(config);
    checkFrames(frames, 15);
    // exactly the missing points ran again: none of the stored ones, all of the others
    const stored = frames.filter((f) => f.job?.status === 'stored').map((f) => f.job?.id);
    expect(new Set(stored)).toEqual(storedBefore);
    const rerun = executions(killedLog).filter((e) => e.run === 'second');
    expect(rerun.filter((e) => e.event === 'end')).toHaveLength(15 - storedBefore.size);
    expect([...countBy(rerun, 'start').values()].every((n) => n === 1)).toBe(true);
    // and the outcome equals the uninterrupted sweep's, bit for bit
    expect(resultsOf(frames)).toEqual(resultsOf(first));
  });

  it('stops starting jobs when unsubscribed', async () => {
    const d = dir('cancel');
    const cancelLog = join(d, 'executions.log');
    watch(cancelLog, 150);
    await new Promise<void>((resolve) => {
      const subscription = sweep({ task: light, over: { gamma: [1, 2, 3], t: [0, 1, 2] }, store: join(d, 'store'), workers: 1 }).subscribe((f) => {
        if (f.job?.status === 'done') {
          subscription.unsubscribe();
          resolve();
        }
      });
    });
    const atStop = executions(cancelLog).length;
    await new Promise((r) => setTimeout(r, 500));
    // one job done, at most the one after it started (and abandoned with its thread), and then nothing
    expect(executions(cancelLog).length).toBe(atStop);
    expect(executions(cancelLog).filter((e) => e.event === 'start').length).toBeLessThanOrEqual(2);
    expect(openRunStore(join(d, 'store')).completed()).toHaveLength(1);
  });

  it('ends with an error naming the job when the task throws or returns what JSON cannot hold', async () => {
    const failing = { module: lightTasks, name: 'failingDecay' };
    await expect(run({ task: failing, over: { gamma: [1, -1], t: [1] }, store: dir('fail'), workers: 1 })).rejects.toThrow(
      /sweep: job [0-9a-f]{12} \{"gamma":-1,"t":1\} failed: gamma must be ≥ 0, got -1/,
    );
    await expect(run({ task: { module: lightTasks, name: 'nanResult' }, over: { k: [1] }, store: dir('nan'), workers: 1 })).rejects.toThrow(
      /failed: .*\.result\.n is NaN, not a finite number/,
    );
    await expect(run({ task: { module: lightTasks, name: 'missing' }, over: { k: [1] }, store: dir('missing'), workers: 1 })).rejects.toThrow(
      /has no exported function 'missing'/,
    );
    // a store that holds another sweep
    await expect(run({ task, over: { detuning: [0], rabi: [1], gamma: [1] }, store, workers: 1 })).rejects.toThrow(/holds another sweep/);
  });

  it('refuses bad options by name, at the call', () => {
    const base = { task, over, store: dir('opts') };
    expect(() => sweep({ ...base, task: { module: 'relative/task.ts' } })).toThrow(/option 'task.module' must be an absolute path or a file URL/);
    expect(() => sweep({ ...base, workers: 0 })).toThrow(/option 'workers' must be an integer ≥ 1, got 0/);
    expect(() => sweep({ ...base, queue: 'http://x' })).toThrow(/option 'queue' must be a Redis URL/);
    expect(() => sweep({ ...base, threads: 2 })).toThrow(/'threads', 'lockDuration' and 'redisTimeout' belong to BullMQ workers and need 'queue'/);
    expect(() => sweep({ ...base, queue: 'redis://h:1', lockDuration: 10 })).toThrow(/option 'lockDuration' must be an integer ≥ 100/);
    expect(() => sweep({ ...base, over: {} })).toThrow(/names no parameter/);
    expect(() => sweep({ ...base, store: '' })).toThrow(/option 'store' must be a directory path/);
    expect(() => sweep({ ...base, seed: 1 } as SweepConfig)).toThrow(/unknown option 'seed'/);
  });
});
