import { createHash } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleTaskModule } from './bundle-task-module';
import type { TrajectoryColumns } from './trajectory-ensemble';
import { ornsteinUhlenbeckTask, ornsteinUhlenbeckTrajectory } from './test-support/ornstein-uhlenbeck-task';

const made: string[] = [];
const temporary = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'qsync-bundle-spec-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** imports `url` in a fresh worker thread with no TypeScript loader (execArgv []) and returns what `name(...args)` returns (or the export `name` if not a function) */
function callInThread(url: string, name: string, args: unknown[]): Promise<unknown> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    import(workerData.url)
      .then((m) => typeof m[workerData.name] === 'function' ? m[workerData.name](...workerData.args) : m[workerData.name])
      .then((r) => parentPort.postMessage({ r }), (e) => parentPort.postMessage({ e: String(e) }));`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, execArgv: [], workerData: { url, name, args } });
    worker.once('message', (m: { r?: unknown; e?: string }) => {
      void worker.terminate();
      if (m.e !== undefined) reject(new Error(m.e));
      else resolve(m.r);
    });
    worker.once('error', reject);
  });
}

/** a task module of two files in a fresh directory: run() = 2 · value of helper.ts */
function twoFileTask(value: number): { dir: string; task: string; helper: string } {
  const dir = temporary();
  const task = join(dir, 'task.ts');
  const helper = join(dir, 'helper.ts');
  writeFileSync(task, "import { value } from './helper';\nexport const run = (): number => 2 * value;\n");
  writeFileSync(helper, `export const value: number = ${value};\n`);
  return { dir, task, helper };
}

const bundleHash = (url: string): string => createHash('sha256').update(readFileSync(fileURLToPath(url))).digest('hex');

describe('bundleTaskModule', () => {
  it("bundles a TypeScript task into one plain ES module that a thread without a TypeScript loader runs, with the source's numbers bit for bit; reused while unchanged", async () => {
    const cacheDirectory = temporary();
    const first = await bundleTaskModule(ornsteinUhlenbeckTask, { cacheDirectory });
    expect(first.rebuilt).toBe(true);
    // the task, the workspace libraries it imports (integrators, linalg, …) and their package/tsconfig files
    expect(first.inputs).toBeGreaterThan(50);
    expect(first.url.startsWith(pathToFileURL(cacheDirectory).href)).toBe(true);
    // named by its content's hash
    expect(first.url.endsWith(`/${bundleHash(first.url)}.mjs`)).toBe(true);
    const config = { theta: 1, sigma: 0.8, x0: 1, dt: 0.01, times: [0, 0.5, 1] };
    const inThread = ornsteinUhlenbeckTrajectory(config, 3, 7) as TrajectoryColumns;
    const bundled = (await callInThread(first.url, 'ornsteinUhlenbeckTrajectory', [config, 3, 7])) as TrajectoryColumns;
    expect(bundled.x.data).toEqual(inThread.x.data);
    expect(inThread.x.data[2]).not.toBe(1);
    // import.meta.url keeps the source's own location in the bundle
    expect(await callInThread(first.url, 'ornsteinUhlenbeckTask', [])).toBe(ornsteinUhlenbeckTask);
    const again = await bundleTaskModule(ornsteinUhlenbeckTask, { cacheDirectory });
    expect(again).toEqual({ ...first, rebuilt: false });
  }, 60_000);

  it('rebuilds when an input changes — even with its size and modification time kept — and the stale bundle is not what it returns', async () => {
    const { dir, task, helper } = twoFileTask(1);
    const cacheDirectory = join(dir, 'cache');
    const first = await bundleTaskModule(task, { cacheDirectory });
    expect(await callInThread(first.url, 'run', [])).toBe(2);
    const { atime, mtime, size } = statSync(helper);
    writeFileSync(helper, 'export const value: number = 3;\n');
    utimesSync(helper, atime, mtime);
    expect(statSync(helper).size).toBe(size);
    const second = await bundleTaskModule(pathToFileURL(task), { cacheDirectory });
    expect(second.rebuilt).toBe(true);
    expect(second.url).not.toBe(first.url);
    expect(await callInThread(second.url, 'run', [])).toBe(6);
    expect((await bundleTaskModule(task, { cacheDirectory })).rebuilt).toBe(false);
  }, 60_000);

  it('rebuilds a corrupt cache instead of running it: a bundle altered on disk, a broken manifest, a missing bundle', async () => {
    const { dir, task } = twoFileTask(5);
    const cacheDirectory = join(dir, 'cache');
    const first = await bundleTaskModule(task, { cacheDirectory });
    const path = fileURLToPath(first.url);
    const good = readFileSync(path, 'utf8');
    // valid JavaScript that would run, and give the wrong number
    writeFileSync(path, 'export const run = () => -1;\n');
    const repaired = await bundleTaskModule(task, { cacheDirectory });
    expect(repaired.rebuilt).toBe(true);
    expect(readFileSync(fileURLToPath(repaired.url), 'utf8')).toBe(good);
    expect(await callInThread(repaired.url, 'run', [])).toBe(10);
    for (const name of readdirSync(cacheDirectory)) if (name.endsWith('.json')) writeFileSync(join(cacheDirectory, name), '{"format": 1, "bun');
    expect((await bundleTaskModule(task, { cacheDirectory })).rebuilt).toBe(true);
    writeFileSync(path, '');
    expect((await bundleTaskModule(task, { cacheDirectory })).rebuilt).toBe(true);
    expect((await bundleTaskModule(task, { cacheDirectory })).rebuilt).toBe(false);
  }, 60_000);

  it('two bundlings at once into one empty cache both succeed and leave one intact bundle, no partial files', async () => {
    const { dir, task } = twoFileTask(2);
    const cacheDirectory = join(dir, 'cache');
    const [a, b] = await Promise.all([bundleTaskModule(task, { cacheDirectory }), bundleTaskModule(task, { cacheDirectory })]);
    expect(a.url).toBe(b.url);
    expect(a.url.endsWith(`/${bundleHash(a.url)}.mjs`)).toBe(true);
    expect(readdirSync(cacheDirectory).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(await callInThread(a.url, 'run', [])).toBe(4);
  }, 60_000);

  it("caches in node_modules/.cache/qsync/task-bundles above the task, and in the OS's temporary directory when that node_modules cannot hold it", async () => {
    const { dir, task } = twoFileTask(4);
    mkdirSync(join(dir, 'node_modules'));
    const inModules = await bundleTaskModule(task);
    expect(inModules.url.startsWith(pathToFileURL(join(dir, 'node_modules', '.cache', 'qsync', 'task-bundles')).href)).toBe(true);
    // a node_modules that is a file (as unwritable as a read-only installation for the cache)
    const other = twoFileTask(4);
    writeFileSync(join(other.dir, 'node_modules'), '');
    const inTmp = await bundleTaskModule(other.task);
    expect(inTmp.url.startsWith(pathToFileURL(tmpdir()).href)).toBe(true);
    expect(await callInThread(inTmp.url, 'run', [])).toBe(8);
  }, 60_000);

  it("prunes only its own old files: a user's old .mjs/.tmp/.json files in the cache directory survive, old bundles, manifests and temporary files go", async () => {
    const { dir, task } = twoFileTask(3);
    const cacheDirectory = join(dir, 'cache');
    mkdirSync(cacheDirectory);
    const hex = 'ab'.repeat(32);
    const theirs = ['my-script.mjs', 'notes.tmp', 'settings.json', `${hex}.mjs.bak`];
    const ours = [`${hex}.mjs`, `${hex}.json`, `${hex}.mjs.123.k3x9q.tmp`, `${hex}.json.77.a0.tmp`];
    const old = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    for (const name of [...theirs, ...ours]) {
      writeFileSync(join(cacheDirectory, name), 'x');
      utimesSync(join(cacheDirectory, name), old, old);
    }
    const bundle = await bundleTaskModule(task, { cacheDirectory });
    expect(bundle.rebuilt).toBe(true);
    expect(theirs.filter((name) => existsSync(join(cacheDirectory, name)))).toEqual(theirs);
    expect(ours.filter((name) => existsSync(join(cacheDirectory, name)))).toEqual([]);
    expect(await callInThread(bundle.url, 'run', [])).toBe(6);
  }, 60_000);

  it("uses <tmpdir>/qsync-task-bundles-<uid> only when it is this user's real directory that group and others cannot write", async () => {
    const { dir, task } = twoFileTask(4);
    // the task's node_modules is a file: the fallback in the (here private) temporary directory
    writeFileSync(join(dir, 'node_modules'), '');
    const tmp = join(dir, 'tmp');
    mkdirSync(tmp);
    const cache = join(tmp, `qsync-task-bundles-${process.getuid?.() ?? 'user'}`);
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      expect(tmpdir()).toBe(tmp);
      // made by another local user before us, writable by all
      mkdirSync(cache);
      chmodSync(cache, 0o777);
      await expect(bundleTaskModule(task)).rejects.toThrow(/refuses the cache directory .*qsync-task-bundles-\S+: it is writable by group or others \(mode 777\); pass the option 'cacheDirectory'/);
      chmodSync(cache, 0o775);
      await expect(bundleTaskModule(task)).rejects.toThrow(/writable by group or others \(mode 775\)/);
      expect(readdirSync(cache)).toEqual([]);
      rmSync(cache, { recursive: true });
      // a symbolic link to a directory of ours, mode 0o700
      const elsewhere = join(dir, 'elsewhere');
      mkdirSync(elsewhere, { mode: 0o700 });
      symlinkSync(elsewhere, cache);
      await expect(bundleTaskModule(task)).rejects.toThrow(/refuses the cache directory .*: it is a symbolic link/);
      expect(readdirSync(elsewhere)).toEqual([]);
      rmSync(cache);
      if (process.getuid?.() === 0) {
        // root can give it away: owned by another user
        mkdirSync(cache, { mode: 0o700 });
        chownSync(cache, 4321, 4321);
        await expect(bundleTaskModule(task)).rejects.toThrow(/it belongs to uid 4321, not this process's 0/);
        rmSync(cache, { recursive: true });
      }
      // absent: made with mode 0o700, and used
      const bundle = await bundleTaskModule(task);
      expect(bundle.url.startsWith(pathToFileURL(cache).href)).toBe(true);
      expect(statSync(cache).mode & 0o777).toBe(0o700);
      expect(await callInThread(bundle.url, 'run', [])).toBe(8);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  }, 60_000);

  it('rebuilds when a new file changes what an import resolves to: a helper.js beside helper.ts, a nested node_modules/<pkg>, a tsconfig.json where there was none', async () => {
    const dir = temporary();
    const cacheDirectory = join(dir, 'cache');
    const task = join(dir, 'task.ts');
    // './helper.js' finds helper.ts (TypeScript's convention) while no helper.js exists
    writeFileSync(task, "import { value } from './helper.js';\nexport const run = (): number => 2 * value;\n");
    writeFileSync(join(dir, 'helper.ts'), 'export const value: number = 1;\n');
    const first = await bundleTaskModule(task, { cacheDirectory });
    expect(await callInThread(first.url, 'run', [])).toBe(2);
    expect((await bundleTaskModule(task, { cacheDirectory })).rebuilt).toBe(false);
    writeFileSync(join(dir, 'helper.js'), 'export const value = 5;\n');
    const second = await bundleTaskModule(task, { cacheDirectory });
    expect(second.rebuilt).toBe(true);
    expect(await callInThread(second.url, 'run', [])).toBe(10);
    expect((await bundleTaskModule(task, { cacheDirectory })).rebuilt).toBe(false);

    // a package found in node_modules above the task, then one nearer
    const pkg = (root: string, value: number): void => {
      mkdirSync(join(root, 'node_modules', 'qsync-spec-pkg'), { recursive: true });
      writeFileSync(join(root, 'node_modules', 'qsync-spec-pkg', 'package.json'), '{ "name": "qsync-spec-pkg", "main": "index.js" }');
      writeFileSync(join(root, 'node_modules', 'qsync-spec-pkg', 'index.js'), `exports.value = ${value};\n`);
    };
    pkg(dir, 1);
    const nested = join(dir, 'nested');
    mkdirSync(nested);
    const user = join(nested, 'task.ts');
    writeFileSync(user, "import { value } from 'qsync-spec-pkg';\nexport const run = (): number => 3 * value;\n");
    const third = await bundleTaskModule(user, { cacheDirectory });
    expect(await callInThread(third.url, 'run', [])).toBe(3);
    pkg(nested, 7);
    const fourth = await bundleTaskModule(user, { cacheDirectory });
    expect(fourth.rebuilt).toBe(true);
    expect(await callInThread(fourth.url, 'run', [])).toBe(21);
    expect((await bundleTaskModule(user, { cacheDirectory })).rebuilt).toBe(false);
    writeFileSync(join(nested, 'tsconfig.json'), '{ "compilerOptions": {} }');
    expect((await bundleTaskModule(user, { cacheDirectory })).rebuilt).toBe(true);
  }, 60_000);

  it('lists imports by a computed path, naming file, line and column (not those in node_modules or marked @vite-ignore)', async () => {
    const dir = temporary();
    mkdirSync(join(dir, 'parts'));
    writeFileSync(join(dir, 'parts', 'a.ts'), 'export const value = 1;\n');
    mkdirSync(join(dir, 'node_modules', 'qsync-spec-dyn'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'qsync-spec-dyn', 'index.js'), 'exports.load = (name) => require(name);\n');
    const task = join(dir, 'task.ts');
    writeFileSync(
      task,
      [
        "import { load } from 'qsync-spec-dyn';",
        "export const byUrl = () => import(new URL('./parts/a.ts', import.meta.url).href);",
        "export const byName = (name: string) => import('./parts/' + name + '.ts');",
        'export const byRequire = (name: string): unknown => require(name);',
        'export const deliberate = (url: string) => import(/* @vite-ignore */ url);',
        'export const viaPackage = load;',
        "export const run = (): number => 1;",
        '',
      ].join('\n'),
    );
    const bundle = await bundleTaskModule(task, { cacheDirectory: join(dir, 'cache') });
    expect(bundle.computedImports).toEqual([`${task}:2:28`, `${task}:4:53`]);
    // cached: the same list
    expect(await bundleTaskModule(task, { cacheDirectory: join(dir, 'cache') })).toEqual({ ...bundle, rebuilt: false });
    const plain = await bundleTaskModule(twoFileTask(1).task, { cacheDirectory: join(dir, 'cache') });
    expect(plain.computedImports).toEqual([]);
  }, 60_000);

  it("bundles a concatenated import('./parts/' + name + '.ts') as every part present, and rebuilds when a part is added, also in a new subfolder", async () => {
    const dir = temporary();
    const cacheDirectory = join(dir, 'cache');
    mkdirSync(join(dir, 'parts'));
    writeFileSync(join(dir, 'parts', 'a.ts'), 'export const value: number = 1;\n');
    const task = join(dir, 'task.ts');
    writeFileSync(task, "export const run = async (name: string): Promise<number> => ((await import('./parts/' + name + '.ts')) as { value: number }).value;\n");
    const first = await bundleTaskModule(task, { cacheDirectory });
    expect(first.computedImports).toEqual([]);
    expect(await callInThread(first.url, 'run', ['a'])).toBe(1);
    writeFileSync(join(dir, 'parts', 'b.ts'), 'export const value: number = 2;\n');
    const second = await bundleTaskModule(task, { cacheDirectory });
    expect(second.rebuilt).toBe(true);
    expect(await callInThread(second.url, 'run', ['b'])).toBe(2);
    mkdirSync(join(dir, 'parts', 'deep'));
    expect((await bundleTaskModule(task, { cacheDirectory })).rebuilt).toBe(true);
    writeFileSync(join(dir, 'parts', 'deep', 'c.ts'), 'export const value: number = 3;\n');
    const third = await bundleTaskModule(task, { cacheDirectory });
    expect(third.rebuilt).toBe(true);
    expect(await callInThread(third.url, 'run', ['deep/c'])).toBe(3);
    expect((await bundleTaskModule(task, { cacheDirectory })).rebuilt).toBe(false);
  }, 60_000);

  it('refuses bad arguments by name and reports what esbuild cannot bundle, naming the file', async () => {
    await expect(bundleTaskModule('relative/task.ts')).rejects.toThrow(/'module' must be an absolute path or a file URL, got relative\/task\.ts/);
    await expect(bundleTaskModule(ornsteinUhlenbeckTask, { cacheDirectory: 'cache' })).rejects.toThrow(/option 'cacheDirectory' must be an absolute path, got cache/);
    const dir = temporary();
    writeFileSync(join(dir, 'broken.ts'), 'export const run = ( => 1;\n');
    await expect(bundleTaskModule(join(dir, 'broken.ts'), { cacheDirectory: join(dir, 'cache') })).rejects.toThrow(/broken\.ts/);
    writeFileSync(join(dir, 'data.txt'), 'hello');
    writeFileSync(join(dir, 'text.ts'), "import data from './data.txt';\nexport const run = () => data;\n");
    await expect(bundleTaskModule(join(dir, 'text.ts'), { cacheDirectory: join(dir, 'cache') })).rejects.toThrow(/cannot bundle .*data\.txt \(no loader for '\.txt'\)/);
  }, 60_000);
});
