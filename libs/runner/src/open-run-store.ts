import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { threadId } from 'node:worker_threads';
import { canonicalJson } from './canonical-json';
import type { JsonValue } from './canonical-json';
import type { ParameterPoint, SweepAxis } from './parameter-grid';

/** One job of a sweep: its id (a hash of task and parameters, see `jobId`) and parameters. */
export interface SweepJob {
  readonly id: string;
  readonly params: ParameterPoint;
}

/** What a run store holds about its sweep (`manifest.json`). */
export interface RunStoreManifest {
  /** the task's id (`SweepTask.id`) */
  readonly task: string;
  /** the grid's axes as given */
  readonly axes: Readonly<Record<string, SweepAxis>>;
  /** every job of the grid, in grid order (duplicate points appear once) */
  readonly jobs: readonly SweepJob[];
}

/** One stored result (`results/<id>.json`). */
export interface StoredResult {
  readonly id: string;
  readonly params: ParameterPoint;
  /** what the task returned */
  readonly result: JsonValue;
  /** who stored it: `host:pid` (and `/thread` off the main thread) */
  readonly worker: string;
  /** when it was stored (ISO 8601) */
  readonly finished: string;
  /** the task's run time in seconds */
  readonly seconds: number;
}

/** A sweep's directory on disk; see {@link openRunStore}. */
export interface RunStore {
  /** the directory, absolute */
  readonly dir: string;
  readonly manifest: RunStoreManifest;
  /** true when job `id`'s result is stored */
  has(id: string): boolean;
  /** job `id`'s stored result, or undefined */
  read(id: string): StoredResult | undefined;
  /** ids of the stored results (of jobs of the manifest; other files are ignored) */
  completed(): string[];
  /** stores a job's result atomically (temp file + rename); storing it again replaces it with an equal one */
  write(job: SweepJob, result: unknown, seconds: number): StoredResult;
}

const FORMAT = 'qsync-run-store';
const VERSION = 1;
let temporaries = 0;

/**
 * Opens the run store of a sweep: a directory holding `manifest.json` (format, version, task
 * id, axes and every job's id and parameters) and `results/<job id>.json`, one file per finished
 * job. Files are written to a temporary name in the same directory and renamed into place, so a
 * reader (or a sweep restarted after a crash) sees a whole result or none; several processes or
 * machines (on a shared file system) may store the same job at once, the last rename wins and
 * the results are equal. A store holds one sweep: opening it with a different task or grid is
 * an error, so results of different sweeps never mix.
 *
 * @param dir - the store's directory (created with its parents when missing)
 * @param manifest - the sweep it must hold; omitted: open an existing store as it is (a worker
 *   process that only writes results)
 * @returns the store
 * @throws Error naming the directory when it holds another sweep, has no manifest (and none is
 *   given), or its manifest is not a qsync run store of a known version; a result that is not
 *   JSON (NaN, a typed array, …) is refused by `write`, naming the job
 * @example
 * const dir = mkdtempSync(join(tmpdir(), 'qsync-store-'));
 * const job = { id: jobId('square', { x: 3 }), params: { x: 3 } };
 * const store = openRunStore(dir, { task: 'square', axes: { x: [3] }, jobs: [job] });
 * store.write(job, { y: 9 }, 0.001);
 * openRunStore(dir).read(job.id)?.result; // → { y: 9 }
 */
export function openRunStore(dir: string, manifest?: RunStoreManifest): RunStore {
  if (typeof dir !== 'string' || dir === '') throw new Error(`openRunStore: argument 'dir' must be a directory path, got ${String(dir)}`);
  const root = resolve(dir);
  const manifestPath = join(root, 'manifest.json');
  const results = join(root, 'results');
  let held: RunStoreManifest;
  if (existsSync(manifestPath)) {
    held = readManifest(manifestPath);
    if (manifest !== undefined && sweepKey(manifest) !== sweepKey(held)) {
      throw new Error(
        `openRunStore: ${root} holds another sweep (task '${held.task}', ${held.jobs.length} jobs over ${Object.keys(held.axes).join(', ')}); ` +
          `use a new directory for task '${manifest.task}' with ${manifest.jobs.length} jobs over ${Object.keys(manifest.axes).join(', ')}`,
      );
    }
  } else {
    if (manifest === undefined) throw new Error(`openRunStore: ${root} is not a run store (no manifest.json) and no manifest was given to create one`);
    mkdirSync(results, { recursive: true });
    const text = JSON.stringify({ format: FORMAT, version: VERSION, task: manifest.task, axes: manifest.axes, jobs: manifest.jobs }, null, 1);
    writeAtomically(root, 'manifest.json', text);
    held = manifest;
  }
  mkdirSync(results, { recursive: true });
  const ids = new Set(held.jobs.map((j) => j.id));
  const resultPath = (id: string): string => join(results, `${id}.json`);
  const worker = `${hostname()}:${process.pid}${threadId === 0 ? '' : `/${threadId}`}`;

  return {
    dir: root,
    manifest: held,
    has: (id) => existsSync(resultPath(id)),
    read(id) {
      const path = resultPath(id);
      if (!existsSync(path)) return undefined;
      try {
        return JSON.parse(readFileSync(path, 'utf8')) as StoredResult;
      } catch (error) {
        throw new Error(`openRunStore: result file ${path} is not JSON (${(error as Error).message}); delete it to run that job again`);
      }
    },
    completed: () =>
      readdirSync(results)
        .filter((name) => name.endsWith('.json') && ids.has(name.slice(0, -5)))
        .map((name) => name.slice(0, -5)),
    write(job, result, seconds) {
      if (!ids.has(job.id)) throw new Error(`openRunStore: job ${job.id} is not a job of the sweep in ${root}`);
      const stored: StoredResult = { id: job.id, params: job.params, result: result as JsonValue, worker, finished: new Date().toISOString(), seconds };
      const text = canonicalJson(stored, `the result of job ${job.id} (${JSON.stringify(job.params)})`);
      writeAtomically(results, `${job.id}.json`, text);
      return stored;
    },
  };
}

/** the part of a manifest that identifies a sweep: its task and the ids of its jobs */
function sweepKey(m: RunStoreManifest): string {
  return `${m.task}\n${m.jobs.map((j) => j.id).join('\n')}`;
}

function readManifest(path: string): RunStoreManifest {
  let m: { format?: unknown; version?: unknown; task?: unknown; axes?: unknown; jobs?: unknown };
  try {
    m = JSON.parse(readFileSync(path, 'utf8')) as typeof m;
  } catch (error) {
    throw new Error(`openRunStore: ${path} is not JSON (${(error as Error).message})`);
  }
  if (m?.format !== FORMAT) throw new Error(`openRunStore: ${path} is not a qsync run store manifest (format ${String(m?.format)})`);
  if (m.version !== VERSION) throw new Error(`openRunStore: ${path} has version ${String(m.version)}; this qsync reads version ${VERSION}`);
  if (typeof m.task !== 'string' || !Array.isArray(m.jobs) || m.axes === null || typeof m.axes !== 'object') {
    throw new Error(`openRunStore: ${path} lacks its task, axes or jobs`);
  }
  return { task: m.task, axes: m.axes as RunStoreManifest['axes'], jobs: m.jobs as SweepJob[] };
}

/** Writes `text` to dir/name through a temporary file in dir (same file system) and a rename. */
function writeAtomically(dir: string, name: string, text: string): void {
  // the temporary name is unique to this process and thread, and starts with '.' so that no
  // reader takes it for a result
  const temporary = join(dir, `.${name}.${process.pid}.${threadId}.${temporaries++}.tmp`);
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, join(dir, name));
}
