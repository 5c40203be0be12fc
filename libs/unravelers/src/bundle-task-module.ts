import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { dirname, extname, isAbsolute, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** A task module bundled into one plain ES module (see {@link bundleTaskModule}). */
export interface TaskBundle {
  /** file URL of the bundle: plain JavaScript that a thread without a TypeScript loader imports */
  readonly url: string;
  /** true when it was built by this call; false when a cached bundle was validated and reused */
  readonly rebuilt: boolean;
  /** the source files bundled (their content hashes are what the cache is validated against) */
  readonly inputs: number;
}

/** Options of {@link bundleTaskModule}. */
export interface BundleTaskModuleOptions {
  /**
   * where bundles are cached (default: `node_modules/.cache/qsync/task-bundles` of the nearest
   * node_modules above the task module, if writable; else `<os.tmpdir()>/qsync-task-bundles-<user>`)
   */
  readonly cacheDirectory?: string;
}

const FN = 'bundleTaskModule';
// bumped whenever the build options or the manifest's layout change: old manifests then miss
const FORMAT = 1;
// packages left out of the bundle and imported from where they are installed: the worker entry
// loads piscina already; esbuild and tsx start processes or loaders of their own files
const EXTERNAL_PACKAGES = new Set(['piscina', 'esbuild', 'tsx']);
// a bundled CommonJS module's require of a Node built-in needs a real require in an ES module
const BANNER = "import { createRequire as __qsyncCreateRequire } from 'node:module'; const require = __qsyncCreateRequire(import.meta.url);";
const LOADERS: Record<string, 'ts' | 'tsx' | 'js' | 'jsx' | 'json'> = {
  '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.tsx': 'tsx', '.js': 'js', '.mjs': 'js', '.cjs': 'js', '.jsx': 'jsx', '.json': 'json',
};
// a bundle not used (and not rebuilt) for this long is pruned when another bundle is written
const PRUNE_AFTER_MS = 7 * 24 * 3600 * 1000;

interface Manifest {
  format: number;
  module: string;
  esbuild: string;
  /** the bundle's file name: the SHA-256 of its content, hex, + '.mjs' */
  bundle: string;
  /** every file read while bundling (sources, package.json and tsconfig files) with its SHA-256 */
  inputs: [path: string, sha256: string][];
  /** the external modules the bundle imports by absolute path: they must still exist */
  externals: string[];
}

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/**
 * Bundles a trajectory task module (TypeScript or JavaScript) with everything it imports — the
 * workspace libraries' TypeScript sources and the npm packages they use — into one ES module
 * with esbuild, so a worker thread loads one plain JavaScript file instead of hundreds of modules
 * through tsx. The bundle is cached on disk and reused while its inputs are unchanged: the cache
 * records the SHA-256 of every file esbuild read (as it read it) and of the bundle itself, and a
 * cached bundle runs only when all of them match and its externals still exist; otherwise it is
 * rebuilt. Bundles are named by their content's hash and written to a temporary file that is
 * then renamed, so processes bundling at once never see a partial file.
 *
 * In the bundle, `import.meta.url` (and `__dirname`/`__filename` in CommonJS files) keeps each
 * source file's own location. piscina, esbuild and tsx stay external (imported from where they
 * are installed).
 *
 * @param module - the task module: an absolute path or a file URL
 * @param options - where the cache lives
 * @returns the bundle's URL, whether it was built now, and how many inputs it has
 * @throws Error naming `module` when it is not an absolute path or file URL; esbuild's error
 *   (naming the file) when the module cannot be bundled
 * @example
 * // cached in node_modules/.cache/qsync/task-bundles of the nearest node_modules above the task
 * const bundle = await bundleTaskModule(ornsteinUhlenbeckTask);
 * bundle.url.endsWith('.mjs'); // → true
 * (await bundleTaskModule(ornsteinUhlenbeckTask)).rebuilt; // → false
 */
export async function bundleTaskModule(module: string | URL, options: BundleTaskModuleOptions = {}): Promise<TaskBundle> {
  let entry: string;
  if (module instanceof URL || (typeof module === 'string' && module.startsWith('file:'))) entry = fileURLToPath(module);
  else if (typeof module === 'string' && isAbsolute(module)) entry = module;
  else throw new Error(`${FN}: 'module' must be an absolute path or a file URL, got ${String(module)}`);
  if (options === null || typeof options !== 'object') throw new Error(`${FN}: 'options' must be an object`);
  const { cacheDirectory } = options;
  if (cacheDirectory !== undefined && (typeof cacheDirectory !== 'string' || !isAbsolute(cacheDirectory))) {
    throw new Error(`${FN}: option 'cacheDirectory' must be an absolute path, got ${String(cacheDirectory)}`);
  }
  const esbuild = await import('esbuild');
  if (cacheDirectory !== undefined) mkdirSync(cacheDirectory, { recursive: true });
  const directory = cacheDirectory ?? defaultCacheDirectory(entry);
  const target = `node${process.versions.node.split('.')[0]}`;
  const manifestPath = join(directory, `${sha256(JSON.stringify([FORMAT, entry, esbuild.version, target]))}.json`);
  const cached = validCache(manifestPath, directory, entry, esbuild.version);
  if (cached !== null) return { url: pathToFileURL(join(directory, cached.bundle)).href, rebuilt: false, inputs: cached.inputs.length };

  const inputs = new Map<string, string>();
  const externals = new Set<string>();
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target,
    write: false,
    outfile: join(directory, 'bundle.mjs'),
    banner: { js: BANNER },
    logLevel: 'silent',
    plugins: [
      {
        name: 'qsync-task-bundle',
        setup(build) {
          // node_modules packages in EXTERNAL_PACKAGES: imported by absolute URL, wherever the bundle lives
          build.onResolve({ filter: /^[^./]/ }, async (args) => {
            const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
            if (!EXTERNAL_PACKAGES.has(name) || args.pluginData === FN) return undefined;
            const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: FN });
            if (resolved.errors.length > 0) return { errors: resolved.errors };
            externals.add(resolved.path);
            return { path: pathToFileURL(resolved.path).href, external: true };
          });
          // every source is read here, so the hash recorded is that of the text compiled
          build.onLoad({ filter: /.*/, namespace: 'file' }, async (args) => {
            const loader = LOADERS[extname(args.path)];
            if (loader === undefined) throw new Error(`${FN}: cannot bundle ${args.path} (no loader for '${extname(args.path)}')`);
            const bytes = readFileSync(args.path);
            inputs.set(args.path, sha256(bytes));
            recordConfigs(dirname(args.path), inputs);
            const text = bytes.toString('utf8');
            if (loader === 'json' || !/\bimport\.meta\.url\b|\b__(dirname|filename)\b/.test(text)) return { contents: text, loader };
            // the module keeps its own location: import.meta.url, __dirname and __filename (free
            // references only, not strings or comments) become literals of the source's path
            const own = await esbuild.transform(text, {
              loader,
              target,
              sourcefile: args.path,
              define: {
                'import.meta.url': JSON.stringify(pathToFileURL(args.path).href),
                __dirname: JSON.stringify(dirname(args.path)),
                __filename: JSON.stringify(args.path),
              },
            });
            return { contents: own.code, loader: 'js' };
          });
        },
      },
    ],
  });
  const code = result.outputFiles[0].contents;
  const bundle = `${sha256(code)}.mjs`;
  const manifest: Manifest = { format: FORMAT, module: entry, esbuild: esbuild.version, bundle, inputs: [...inputs], externals: [...externals] };
  writeAtomically(join(directory, bundle), code);
  writeAtomically(manifestPath, JSON.stringify(manifest));
  pruneOld(directory, bundle);
  return { url: pathToFileURL(join(directory, bundle)).href, rebuilt: true, inputs: inputs.size };
}

/**
 * node_modules/.cache/qsync/task-bundles of the nearest node_modules above `file` if it can be
 * created and written (a read-only installation cannot), else a per-user directory in
 * os.tmpdir(); created.
 */
function defaultCacheDirectory(file: string): string {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules'))) {
      const cache = join(dir, 'node_modules', '.cache', 'qsync', 'task-bundles');
      try {
        mkdirSync(cache, { recursive: true });
        accessSync(cache, constants.W_OK);
        return cache;
      } catch {
        break;
      }
    }
    if (dirname(dir) === dir) break;
  }
  const cache = join(tmpdir(), `qsync-task-bundles-${userInfo().username}`);
  mkdirSync(cache, { recursive: true });
  return cache;
}

/**
 * The package.json and tsconfig files that govern how esbuild reads a source in `dir` (module
 * type, exports, compiler options): from `dir` up to the file system's root.
 */
function recordConfigs(dir: string, inputs: Map<string, string>): void {
  for (let d = dir; ; d = dirname(d)) {
    for (const name of ['package.json', 'tsconfig.json', 'tsconfig.base.json']) {
      const path = join(d, name);
      if (!inputs.has(path) && existsSync(path)) inputs.set(path, sha256(readFileSync(path)));
    }
    if (dirname(d) === d) return;
  }
}

/** The manifest if it, the bundle it names and every input it records are intact and unchanged; else null. */
function validCache(manifestPath: string, directory: string, entry: string, esbuildVersion: string): Manifest | null {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  } catch {
    return null;
  }
  if (
    manifest?.format !== FORMAT || manifest.module !== entry || manifest.esbuild !== esbuildVersion ||
    typeof manifest.bundle !== 'string' || !/^[0-9a-f]{64}\.mjs$/.test(manifest.bundle) ||
    !Array.isArray(manifest.inputs) || !Array.isArray(manifest.externals)
  ) {
    return null;
  }
  try {
    const bundlePath = join(directory, manifest.bundle);
    if (`${sha256(readFileSync(bundlePath))}.mjs` !== manifest.bundle) return null;
    for (const [path, hash] of manifest.inputs) if (sha256(readFileSync(path)) !== hash) return null;
    for (const path of manifest.externals) if (!existsSync(path)) return null;
    // used now: not to be pruned
    const now = new Date();
    utimesSync(bundlePath, now, now);
  } catch {
    return null;
  }
  return manifest;
}

/** Writes a file whole or not at all: to a temporary name in the same directory, then renamed over the target. */
function writeAtomically(path: string, data: string | Uint8Array): void {
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, path);
}

/** Removes bundles (and stray temporary files) of this cache that nobody used for PRUNE_AFTER_MS. */
function pruneOld(directory: string, keep: string): void {
  const cutoff = Date.now() - PRUNE_AFTER_MS;
  for (const name of readdirSync(directory)) {
    if (name === keep || !(name.endsWith('.mjs') || name.endsWith('.tmp'))) continue;
    try {
      const path = join(directory, name);
      if (statSync(path).mtimeMs < cutoff) unlinkSync(path);
    } catch {
      // another process pruned it first
    }
  }
}
