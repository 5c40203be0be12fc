import { readFileSync } from 'node:fs';

let cached: string | null = null;

/**
 * The version of qsync, as the root package.json of the workspace states it: what a wire header
 * records as `provenance.qsyncVersion`. Read once, on first use, from the file two directories
 * above this library (libs/wire → the workspace root), and checked to be qsync's own.
 *
 * @returns the version string, e.g. '0.1.0'
 * @throws Error naming the file when it cannot be read or is not qsync's package.json
 * @example
 * /^\d+\.\d+\.\d+/.test(qsyncVersion()); // true
 */
export function qsyncVersion(): string {
  if (cached !== null) return cached;
  const url = new URL('../../../package.json', import.meta.url);
  let pkg: { name?: unknown; version?: unknown };
  try {
    pkg = JSON.parse(readFileSync(url, 'utf8')) as typeof pkg;
  } catch (e) {
    throw new Error(`qsyncVersion: cannot read the workspace's package.json at ${url.pathname}: ${(e as Error).message}`);
  }
  if (pkg.name !== 'qsync' || typeof pkg.version !== 'string') {
    throw new Error(`qsyncVersion: ${url.pathname} is not qsync's root package.json (name ${String(pkg.name)}, version ${String(pkg.version)})`);
  }
  cached = pkg.version;
  return cached;
}
