import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Where {@link createRunDir} puts a run. */
export interface RunDirConfig {
  /** Use exactly this folder (created if missing; existing files in it are overwritten). */
  readonly outDir?: string;
  /** Parent folder of the default run folders (default 'runs', relative to the working directory). */
  readonly runsRoot?: string;
  /** Stem of the default folder name, normally the scenario file's basename (default 'scenario'). */
  readonly name?: string;
  /** Clock for the time stamp (default: now, local time). */
  readonly now?: Date;
}

/**
 * Creates the folder a run writes to and returns its path: `outDir` if given, otherwise
 * `<runsRoot>/<name>-<YYYYMMDD-HHMMSS>` (local time), with `-2`, `-3`, … appended when that
 * folder already exists, so that two runs in the same second do not mix.
 *
 * @example
 * // runsRoot defaults to 'runs' in the working directory; dir: a scratch folder
 * const now = new Date(2024, 0, 31, 9, 5, 7);
 * createRunDir({ runsRoot: dir, name: 'default', now }); // `${dir}/default-20240131-090507`
 * createRunDir({ runsRoot: dir, name: 'default', now }); // `${dir}/default-20240131-090507-2` — the same second again
 */
export function createRunDir(config: RunDirConfig = {}): string {
  if (config.outDir !== undefined) {
    if (config.outDir.length === 0) throw new Error("createRunDir: 'outDir' must not be empty");
    mkdirSync(config.outDir, { recursive: true });
    return config.outDir;
  }
  const name = config.name ?? 'scenario';
  if (!/^[^/\\]+$/.test(name)) throw new Error(`createRunDir: 'name' must be a plain file name, got '${name}'`);
  const root = config.runsRoot ?? 'runs';
  mkdirSync(root, { recursive: true });
  const base = join(root, `${name}-${stamp(config.now ?? new Date())}`);
  for (let k = 1; ; k++) {
    const dir = k === 1 ? base : `${base}-${k}`;
    try {
      mkdirSync(dir); // not recursive: fails if another run took the name first
      return dir;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

function stamp(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${d.getFullYear()}${two(d.getMonth() + 1)}${two(d.getDate())}-` + `${two(d.getHours())}${two(d.getMinutes())}${two(d.getSeconds())}`
  );
}
