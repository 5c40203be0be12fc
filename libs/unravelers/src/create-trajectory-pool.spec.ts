import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lastValueFrom, merge, take, tap, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { createTrajectoryPool, poolInternals } from './create-trajectory-pool';
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
      // at most 2 per worker are handed out at once (4 × workers ahead of the fold), and a worker
      // still loading the task starts the ones it was handed after the unsubscription
      await new Promise((resolve) => setTimeout(resolve, 300));
      const count = Atomics.load(started, 0);
      expect(count).toBeLessThanOrEqual(8);
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

  it('a worker runs on while this thread is busy (it holds the next trajectory), and posts each result before it starts the next', async () => {
    const pool = createTrajectoryPool({ workers: 1 });
    try {
      await lastValueFrom(trajectoryEnsemble(task(), { trajectories: 2, noiseSeed: 1, pool }));
      const started = shared(1);
      const finished = shared(1);
      // each trajectory spins 100 ms in the worker; this thread is blocked 250 ms at the first frame
      const config = { ...ou, started, finished, busyMs: 100 };
      const seen: number[] = [];
      await lastValueFrom(
        trajectoryEnsemble(task(config), { trajectories: 3, noiseSeed: 1, pool }).pipe(
          take(1),
          tap(() => {
            seen.push(Atomics.load(finished, 0));
            for (const end = performance.now() + 250; performance.now() < end; );
            seen.push(Atomics.load(started, 0), Atomics.load(finished, 0));
          }),
        ),
      );
      // trajectory 0's result came while 1 ran (not after it: 2), and 1 ran to its end while this
      // thread did nothing for the pool (with one job per worker: 1 1, the worker waits for it)
      expect(seen).toEqual([1, 2, 2]);
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

  it('12 concurrent ensembles on one pool add no listener to it (no MaxListenersExceededWarning); each unsubscribes from its errors when it ends', async () => {
    const pool = createTrajectoryPool({ workers: 2 });
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => void warnings.push(`${warning.name}: ${warning.message}`);
    process.on('warning', onWarning);
    try {
      const internals = poolInternals.get(pool);
      if (internals === undefined) throw new Error('no internals');
      const { threads, errorSubscribers } = internals;
      const listeners = threads.listenerCount('error');
      const ensembles = Array.from({ length: 12 }, (_, i) => trajectoryEnsemble(task({ ...ou, times: [0, 0.1] }), { trajectories: 3, noiseSeed: i, pool }));
      const all = lastValueFrom(merge(...ensembles).pipe(toArray()));
      // subscribed at once: twelve subscribers, one listener
      expect(errorSubscribers.size).toBe(12);
      expect(threads.listenerCount('error')).toBe(listeners);
      const frames = await all;
      expect(frames.filter((f) => f.trajectories === 3)).toHaveLength(12);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).toEqual([]);
      expect(errorSubscribers.size).toBe(0);
      expect(threads.listenerCount('error')).toBe(listeners);
      // an unsubscribed one deletes its subscriber too
      await lastValueFrom(trajectoryEnsemble(task(), { trajectories: 100, noiseSeed: 1, pool }).pipe(take(1)));
      expect(errorSubscribers.size).toBe(0);
    } finally {
      process.off('warning', onWarning);
      await pool.close();
    }
  }, 60_000);

  it("closing the shared pool while an ensemble runs ends it with an error naming the option and the trajectory, not piscina's bare 'Terminating worker thread'", async () => {
    const pool = createTrajectoryPool({ workers: 2 });
    const ended = new Promise<unknown>((resolve) => {
      // every trajectory returns 20 ms late: the close finds some running
      trajectoryEnsemble(task({ ...ou, lateEvery: 1 }), { trajectories: 1000, noiseSeed: 1, pool }).subscribe({
        // after the frame's fold and dispatch: trajectories are running
        next: () => void setTimeout(() => void pool.close(), 0),
        error: resolve,
        complete: () => resolve(null),
      });
    });
    const error = (await ended) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(/^trajectoryEnsemble: option 'pool' was closed while trajectory [1-9]\d* ran$/);
    expect(String((error.cause as Error).message)).toMatch(/Terminating worker thread/);
  }, 60_000);

  it('a task whose loading or run fails with a value that is no Error, or a Node error with a code, ends the stream with an Error naming the code and message (not [object Object])', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qsync-pool-spec-'));
    const fails = async (file: string, source: string): Promise<Error & { code?: string }> => {
      writeFileSync(join(dir, file), source);
      const ensemble = trajectoryEnsemble({ module: join(dir, file), name: 'run', config: {} }, { trajectories: 1, noiseSeed: 1, workers: 1, bundle: false });
      const error = (await lastValueFrom(ensemble).catch((e: unknown) => e)) as Error & { code?: string };
      expect(error).toBeInstanceOf(Error);
      expect(error.message).not.toMatch(/object Object/);
      return error;
    };
    try {
      // tsx's tsImport rejects with the plain object the module throws
      const load = await fails('load.ts', "throw { code: 'E_QSYNC_LOAD', message: 'not today' };\nexport const run = () => ({});\n");
      expect(load.message).toMatch(/^trajectoryEnsemble: could not load the task module file:.*load\.ts: E_QSYNC_LOAD: not today$/);
      // a Node error with a code, from an import inside the task (a worker imports no .ts by URL)
      mkdirSync(join(dir, 'parts'));
      writeFileSync(join(dir, 'parts', 'seven.ts'), 'export const value: number = 7;\n');
      const node = await fails('node.ts', "export const run = async () => (await import(new URL('./parts/' + 'seven.ts', import.meta.url).href)).value;\n");
      expect(node.message).toMatch(/^trajectoryEnsemble: the task function 'run' failed: ERR_UNKNOWN_FILE_EXTENSION: Unknown file extension "\.ts" for .*seven\.ts$/);
      // a task that throws a plain object
      const thrown = await fails('throws.ts', "export const run = () => { throw { code: 'E_QSYNC_SPEC', message: 'no columns today' }; };\n");
      expect(thrown.message).toBe("trajectoryEnsemble: the task function 'run' failed: E_QSYNC_SPEC: no columns today");
      // the code, and the thrown value as the cause
      expect([load.code, node.code, thrown.code]).toEqual(['E_QSYNC_LOAD', 'ERR_UNKNOWN_FILE_EXTENSION', 'E_QSYNC_SPEC']);
      expect(thrown.cause).toEqual({ code: 'E_QSYNC_SPEC', message: 'no columns today' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("a task that imports by a path computed at run time is named in a warning (file:line:column); one by a concatenation is bundled and runs", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qsync-pool-spec-'));
    try {
      mkdirSync(join(dir, 'parts'));
      writeFileSync(join(dir, 'parts', 'seven.mjs'), 'export const value = 7;\n');
      writeFileSync(join(dir, 'parts', 'three.ts'), 'export const value: number = 3;\n');
      const columns = "Promise<Record<string, { kind: 'real'; data: Float64Array }>>";
      writeFileSync(
        join(dir, 'computed.ts'),
        `export async function run(config: { part: string }): ${columns} {\n` +
          "  const part = (await import(new URL('./parts/' + config.part + '.mjs', import.meta.url).href)) as { value: number };\n" +
          "  return { x: { kind: 'real', data: new Float64Array([part.value]) } };\n}\n",
      );
      writeFileSync(
        join(dir, 'concatenated.ts'),
        `export async function run(config: { part: string }): ${columns} {\n` +
          "  const part = (await import('./parts/' + config.part + '.ts')) as { value: number };\n" +
          "  return { x: { kind: 'real', data: new Float64Array([part.value]) } };\n}\n",
      );
      const warnings: string[] = [];
      const options = { trajectories: 2, noiseSeed: 1, workers: 1, bundle: { cacheDirectory: join(dir, 'cache') }, onWarning: (m: string) => warnings.push(m) };
      const computed = await lastValueFrom(trajectoryEnsemble({ module: join(dir, 'computed.ts'), name: 'run', config: { part: 'seven' } }, options));
      // an absolute URL of JavaScript: it works from the bundle, and the user is told where
      expect(Array.from(computed.channels.x.mean)).toEqual([7]);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/the task module file:.*computed\.ts imports by a path computed at run time \(\/.*computed\.ts:2:\d+\): in a worker a TypeScript file cannot be imported that way/);
      const concatenated = await lastValueFrom(trajectoryEnsemble({ module: join(dir, 'concatenated.ts'), name: 'run', config: { part: 'three' } }, options));
      expect(Array.from(concatenated.channels.x.mean)).toEqual([3]);
      expect(warnings).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
