import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lastValueFrom, take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { createTrajectoryPool } from './create-trajectory-pool';
import { trajectoryEnsemble } from './trajectory-ensemble';
import { ornsteinUhlenbeckTask } from './test-support/ornstein-uhlenbeck-task';
import type { OrnsteinUhlenbeckConfig } from './test-support/ornstein-uhlenbeck-task';

const ou: OrnsteinUhlenbeckConfig = { theta: 1, sigma: 0.8, x0: 1, dt: 0.01, times: [0, 0.5, 1] };
const task = (config: OrnsteinUhlenbeckConfig = ou) => ({ module: ornsteinUhlenbeckTask, name: 'ornsteinUhlenbeckTrajectory', config });
const shared = (n: number) => new Int32Array(new SharedArrayBuffer(4 * n));

describe('createTrajectoryPool', () => {
  it('runs successive ensembles on the same two threads, each bit for bit as in this thread, and close() ends it', async () => {
    const pool = createTrajectoryPool({ workers: 2 });
    try {
      expect([pool.workers, pool.closed]).toEqual([2, false]);
      const threads: Set<number>[] = [];
      const warnings: string[] = [];
      for (const noiseSeed of [3, 4]) {
        const threadIds = shared(12);
        const config = { trajectories: 12, noiseSeed, pool, emitEvery: 4, onWarning: (m: string) => warnings.push(m) };
        const onPool = await lastValueFrom(trajectoryEnsemble(task({ ...ou, threadIds, lateEvery: 3 }), config).pipe(toArray()));
        const inThread = await lastValueFrom(trajectoryEnsemble(task(), { trajectories: 12, noiseSeed, workers: 0, emitEvery: 4 }).pipe(toArray()));
        expect(onPool).toEqual(inThread);
        threads.push(new Set(threadIds));
      }
      // worker threads (id ≠ 0, the main thread's), and the second ensemble used the first one's
      expect(threads[0].has(0)).toBe(false);
      expect(threads[0].size).toBeLessThanOrEqual(2);
      expect([...threads[1]].every((id) => threads[0].has(id))).toBe(true);
      // the task was bundled (no fallback to tsx)
      expect(warnings).toEqual([]);
    } finally {
      await pool.close();
    }
    expect(pool.closed).toBe(true);
    await pool.close(); // again: no error
    await expect(lastValueFrom(trajectoryEnsemble(task(), { trajectories: 2, noiseSeed: 1, pool }))).rejects.toThrow(/option 'pool' is closed/);
  }, 60_000);

  it('an ensemble unsubscribed or complete leaves the shared pool running: no further trajectory starts, the running ones finish, the next ensemble runs', async () => {
    const pool = createTrajectoryPool({ workers: 2 });
    try {
      const started = shared(1);
      const finished = shared(1);
      const config = { ...ou, started, finished, lateEvery: 1 };
      const first = await lastValueFrom(trajectoryEnsemble(task(config), { trajectories: 1000, noiseSeed: 1, pool }).pipe(take(1)));
      expect(first.trajectories).toBe(1);
      // at most 2 × workers trajectories are handed out ahead of the fold, and a worker still
      // loading the task starts the one it was handed after the unsubscription
      await new Promise((resolve) => setTimeout(resolve, 300));
      const count = Atomics.load(started, 0);
      expect(count).toBeLessThanOrEqual(4);
      // not terminated: what was handed out returned; and nothing new starts
      expect(Atomics.load(finished, 0)).toBe(count);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(Atomics.load(started, 0)).toBe(count);
      const next = await lastValueFrom(trajectoryEnsemble(task(), { trajectories: 6, noiseSeed: 2, pool }));
      expect(next.trajectories).toBe(6);
      expect(pool.closed).toBe(false);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('starts under `node --expose-gc --max-old-space-size=… --import tsx`: options Node refuses in a worker are dropped, tsx is not passed on', () => {
    // a worker given an explicit execArgv refuses process-wide (V8) options; they apply to every thread anyway
    const dir = mkdtempSync(join(tmpdir(), 'qsync-pool-argv-'));
    const script = join(dir, 'run.mts');
    const index = new URL('./index.ts', import.meta.url).href;
    writeFileSync(
      script,
      `import { createTrajectoryPool, trajectoryEnsemble } from ${JSON.stringify(index)};
       const pool = createTrajectoryPool({ workers: 1 });
       const tsxHooks = new Int32Array(new SharedArrayBuffer(12)).fill(-1);
       const task = { module: ${JSON.stringify(ornsteinUhlenbeckTask)}, name: 'ornsteinUhlenbeckTrajectory', config: { ...${JSON.stringify(ou)}, tsxHooks } };
       trajectoryEnsemble(task, { trajectories: 3, noiseSeed: 1, pool, onWarning: (m) => console.log('warning ' + m) }).subscribe({
         next: (f) => { if (f.trajectories === 3) console.log('trajectories 3, gc ' + typeof globalThis.gc + ', tsx hooks ' + tsxHooks.join(' ') + ', main ' + process.execArgv.some((a) => a.includes('tsx'))); },
         error: (e) => { console.log('error ' + e.message); void pool.close(); },
         complete: () => void pool.close(),
       });`,
    );
    const cwd = dirname(fileURLToPath(import.meta.url));
    const out = execFileSync(process.execPath, ['--expose-gc', '--max-old-space-size=2048', '--import', 'tsx', script], { cwd, encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
    expect(out.trim()).toBe('trajectories 3, gc function, tsx hooks 0 0 0, main true');
  }, 60_000);

  it('refuses bad options by name', () => {
    expect(() => createTrajectoryPool({ workers: 0 })).toThrow(/createTrajectoryPool: option 'workers' must be an integer ≥ 1, got 0/);
    expect(() => createTrajectoryPool({ workers: 1.5 })).toThrow(/option 'workers' must be an integer ≥ 1, got 1\.5/);
    expect(() => createTrajectoryPool({ threads: 2 } as never)).toThrow(/unknown option 'threads'/);
    expect(() => trajectoryEnsemble(task(), { trajectories: 2, noiseSeed: 1, pool: { workers: 2 } as never })).toThrow(/option 'pool' must be a pool from createTrajectoryPool/);
    const pool = createTrajectoryPool({ workers: 1 });
    try {
      expect(() => trajectoryEnsemble(task(), { trajectories: 2, noiseSeed: 1, pool, workers: 2 })).toThrow(/options 'pool' and 'workers' exclude each other/);
    } finally {
      void pool.close();
    }
    expect(() => trajectoryEnsemble(task(), { trajectories: 2, noiseSeed: 1, bundle: 'yes' as never })).toThrow(/option 'bundle' must be true, false or the options of bundleTaskModule, got yes/);
    expect(() => trajectoryEnsemble(task(), { trajectories: 2, noiseSeed: 1, bundle: { cacheDirectory: 'cache' } })).toThrow(/option 'bundle.cacheDirectory' must be an absolute path, got cache/);
    expect(() => trajectoryEnsemble(task(), { trajectories: 2, noiseSeed: 1, onWarning: 1 as never })).toThrow(/option 'onWarning' must be a function, got 1/);
  });

  it('when the task cannot be bundled, the workers load its TypeScript source through tsx and onWarning says so', async () => {
    // a cache directory under a file: bundling fails
    const dir = mkdtempSync(join(tmpdir(), 'qsync-pool-spec-'));
    writeFileSync(join(dir, 'file'), '');
    const bundle = { cacheDirectory: join(dir, 'file', 'cache') };
    writeFileSync(
      join(dir, 'task.ts'),
      "export function constant(config: { c: number }, k: number): Record<string, { kind: 'real'; data: Float64Array }> {\n  return { x: { kind: 'real', data: new Float64Array([config.c, k]) } };\n}\n",
    );
    const warnings: string[] = [];
    const last = await lastValueFrom(
      trajectoryEnsemble({ module: join(dir, 'task.ts'), name: 'constant', config: { c: 2.5 } }, { trajectories: 3, noiseSeed: 1, workers: 1, bundle, onWarning: (m) => warnings.push(m) }),
    );
    expect(Array.from(last.channels.x.mean)).toEqual([2.5, 1]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/could not bundle the task module file:.*task\.ts \(.*\); its workers load the TypeScript source through tsx/);
    // with bundle: false nobody is warned
    const quiet: string[] = [];
    await lastValueFrom(trajectoryEnsemble({ module: join(dir, 'task.ts'), name: 'constant', config: { c: 1 } }, { trajectories: 1, noiseSeed: 1, workers: 1, bundle: false, onWarning: (m) => quiet.push(m) }));
    expect(quiet).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
