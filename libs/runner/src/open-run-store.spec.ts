import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { jobId } from './job-id';
import { openRunStore } from './open-run-store';
import type { RunStoreManifest } from './open-run-store';
import { parameterGrid } from './parameter-grid';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'qsync-store-spec-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const manifestOf = (task: string, axes: RunStoreManifest['axes']): RunStoreManifest => ({
  task,
  axes,
  jobs: parameterGrid(axes).map((params) => ({ id: jobId(task, params), params })),
});

describe('openRunStore', () => {
  it('creates manifest.json and results/<id>.json, and reopens them', () => {
    const dir = join(tempDir(), 'nested', 'run');
    const manifest = manifestOf('square', { x: [1, 2, 3] });
    const store = openRunStore(dir, manifest);
    expect(store.completed()).toEqual([]);
    const [a, b] = manifest.jobs;
    store.write(a, { y: 1 }, 0.5);
    store.write(b, { y: 4, list: [1, 2] }, 0.25);
    expect(readdirSync(join(dir, 'results')).sort()).toEqual([`${a.id}.json`, `${b.id}.json`].sort());
    const onDisk = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(onDisk).toMatchObject({ format: 'qsync-run-store', version: 1, task: 'square', axes: { x: [1, 2, 3] } });
    expect(onDisk.jobs).toEqual(manifest.jobs);

    const again = openRunStore(dir, manifestOf('square', { x: [1, 2, 3] }));
    expect(again.completed().sort()).toEqual([a.id, b.id].sort());
    expect(again.has(a.id) && !again.has(manifest.jobs[2].id)).toBe(true);
    expect(again.read(b.id)).toMatchObject({ id: b.id, params: { x: 2 }, result: { y: 4, list: [1, 2] }, seconds: 0.25 });
    expect(again.read(b.id)?.worker).toMatch(/:\d+$/);
    expect(again.read(manifest.jobs[2].id)).toBeUndefined();
    // without a manifest it opens as it is (what a worker process does)
    expect(openRunStore(dir).manifest.jobs).toEqual(manifest.jobs);
  });

  it('refuses another sweep, a missing store, foreign jobs and results that are not JSON', () => {
    const dir = tempDir();
    const store = openRunStore(dir, manifestOf('square', { x: [1, 2] }));
    expect(() => openRunStore(dir, manifestOf('square', { x: [1, 2, 3] }))).toThrow(/holds another sweep \(task 'square', 2 jobs over x\)/);
    expect(() => openRunStore(dir, manifestOf('cube', { x: [1, 2] }))).toThrow(/holds another sweep/);
    expect(() => openRunStore(join(dir, 'nothing'))).toThrow(/is not a run store \(no manifest.json\)/);
    const foreign = { id: jobId('square', { x: 9 }), params: { x: 9 } };
    expect(() => store.write(foreign, 81, 0)).toThrow(/is not a job of the sweep/);
    const job = store.manifest.jobs[0];
    expect(() => store.write(job, { y: NaN }, 0)).toThrow(/result of job [0-9a-f]+ \(\{"x":1\}\)\.result\.y is NaN/);
    expect(() => store.write(job, new Float64Array(1), 0)).toThrow(/is a Float64Array/);
    expect(store.has(job.id)).toBe(false);
  });

  it('stays whole under concurrent writers of one job: every read parses, no temporary file is left', async () => {
    const dir = tempDir();
    const manifest = manifestOf('big', { k: [0] });
    const store = openRunStore(dir, manifest);
    const job = manifest.jobs[0];
    // ~200 kB: a write that is not atomic would be seen half done by the reader below
    const result = { values: Array.from({ length: 20000 }, (_, i) => i + 0.5) };
    const writer = new URL('./test-support/store-writer-thread.mjs', import.meta.url);
    const workers = [0, 1].map(() => new Worker(writer, { workerData: { dir, job, result, times: 40 } }));
    const finished = workers.map(
      (w) =>
        new Promise<void>((resolve, reject) => {
          w.on('message', (m) => m === 'done' && resolve());
          w.on('error', reject);
        }),
    );
    let reads = 0;
    let done = false;
    void Promise.all(finished).then(() => (done = true));
    const path = join(dir, 'results', `${job.id}.json`);
    while (!done) {
      store.write(job, result, -1);
      if (existsSync(path)) {
        // throws if a reader ever sees a partial file
        expect(JSON.parse(readFileSync(path, 'utf8')).result.values[19999]).toBe(19999.5);
        reads++;
      }
      await new Promise<void>((r) => setImmediate(r));
    }
    await Promise.all(finished);
    await Promise.all(workers.map((w) => w.terminate()));
    expect(reads).toBeGreaterThan(0);
    expect(readdirSync(join(dir, 'results'))).toEqual([`${job.id}.json`]);
    expect(store.read(job.id)?.result).toEqual(result);
  });
});
