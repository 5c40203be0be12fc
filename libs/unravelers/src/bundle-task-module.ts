import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** A task module bundled into one plain ES module (see {@link bundleTaskModule}). */
export interface TaskBundle {
  /** file URL of the bundle: plain JavaScript that a thread without a TypeScript loader imports */
  readonly url: string;
  /** true when it was built by this call; false when a cached bundle was validated and reused */
  readonly rebuilt: boolean;
  /** the source files bundled (their content hashes are what the cache is validated against) */
  readonly inputs: number;
  /**
   * where a source imports by a path computed at run time (an `import(expression)` or
   * `require(expression)` esbuild cannot follow), as `file:line:column`, outside node_modules
   * and not marked `/* @vite-ignore *\/` (see {@link bundleTaskModule}); trajectoryEnsemble
   * warns of them
   */
  readonly computedImports: readonly string[];
}

/** Options of {@link bundleTaskModule}. */
export interface BundleTaskModuleOptions {
  /**
   * where bundles are cached (default: `node_modules/.cache/qsync/task-bundles` of the nearest
   * node_modules above the task module, if writable; else `<os.tmpdir()>/qsync-task-bundles-<uid>`,
   * used only if it is a directory of this user that nobody else can write). Only files named
   * like this cache's own (`<sha256>.mjs`, `<sha256>.json` and their temporary files) are pruned.
   */
  readonly cacheDirectory?: string;
}

const FN = 'bundleTaskModule';
// bumped whenever the build options or the manifest's layout change: old manifests then miss
const FORMAT = 2;
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
// the cache's own files: bundles and manifests, and the temporary files writeAtomically makes of
// them; nothing else in the directory (a user's cacheDirectory may hold other files) is pruned
const OWN_FILE = /^[0-9a-f]{64}\.(mjs|json)(\.\d+\.[0-9a-z]+\.tmp)?$/;
// the config files esbuild looks for in a source's folder and every folder above it
const CONFIG_FILES = ['package.json', 'tsconfig.json', 'jsconfig.json', 'tsconfig.base.json'];
const EXTENSION = /\.(m|c)?(j|t)sx?$|\.json$/;
// esbuild leaves an import() or require() of a computed path alone, saying so at debug level
const COMPUTED_IMPORT_WARNINGS = { 'unsupported-dynamic-import': 'warning', 'unsupported-require-call': 'warning' } as const;

interface Manifest {
  format: number;
  module: string;
  esbuild: string;
  /** the bundle's file name: the SHA-256 of its content, hex, + '.mjs' */
  bundle: string;
  /**
   * every file read while bundling (sources, package.json and tsconfig files) with its SHA-256,
   * and 'absent' for the config files looked for and not found (one found later changes the build)
   */
  inputs: [path: string, sha256: string][];
  /** the external modules the bundle imports by absolute path: they must still exist */
  externals: string[];
  /**
   * how imports were resolved: for each folder esbuild probed for a specifier, the names in it
   * that begin with the specifier's stem (a new helper.js next to helper.ts, a nested
   * node_modules/<pkg>, changes the listing and the bundle is rebuilt)
   */
  probes: [folder: string, stem: string, names: string][];
  computedImports: string[];
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
 * The cache also records how each import was resolved — the names in every folder esbuild
 * looked in that begin with the specifier's stem, and the package.json/tsconfig files found
 * absent — so a file that would change a resolution (a new helper.js beside the helper.ts that
 * `./helper.js` found, a nested node_modules/<pkg>, a new tsconfig.json) also rebuilds it.
 *
 * In the bundle, `import.meta.url` (and `__dirname`/`__filename` in CommonJS files) keeps each
 * source file's own location. piscina, esbuild and tsx stay external (imported from where they
 * are installed).
 *
 * Imports by a computed path: a concatenation with a literal start, `import('./parts/' + name +
 * '.ts')`, is expanded by esbuild to every file the pattern matches, and the cache records that
 * folder tree (a new part rebuilds the bundle). Limitation: an import esbuild cannot follow —
 * `import(new URL('./part.ts', import.meta.url).href)`, `import(specifier)`, `require(name)` —
 * runs as written in the worker, which has no TypeScript loader (a `.ts` file fails, and so it
 * does through tsx's `tsImport`), and where a relative `require` resolves against the cache
 * directory; an absolute URL of JavaScript works. Such imports outside node_modules (and not
 * marked `/* @vite-ignore *\/`) are listed in `computedImports`, and trajectoryEnsemble warns.
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
  if (cached !== null) {
    return { url: pathToFileURL(join(directory, cached.bundle)).href, rebuilt: false, inputs: countInputs(cached.inputs), computedImports: cached.computedImports };
  }

  const inputs = new Map<string, string>();
  const externals = new Set<string>();
  const probes = new Map<string, [string, string]>();
  // the sources compiled with their own location (their warnings' positions are of that output)
  const relocated = new Set<string>();
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
    metafile: true,
    // esbuild leaves an import() or require() of a computed path alone (debug level): reported
    logOverride: COMPUTED_IMPORT_WARNINGS,
    plugins: [
      {
        name: 'qsync-task-bundle',
        setup(build) {
          // records where each import was looked for (esbuild resolves it: this returns nothing)
          build.onResolve({ filter: /.*/ }, (args) => {
            if (args.pluginData !== FN && args.kind !== 'entry-point') recordProbes(args.path, args.resolveDir, probes);
            return undefined;
          });
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
            relocated.add(args.path);
            return { contents: own.code, loader: 'js' };
          });
        },
      },
    ],
  });
  const code = result.outputFiles[0].contents;
  const bundle = `${sha256(code)}.mjs`;
  const computedImports = await findComputedImports(esbuild, result, relocated);
  recordGlobs(result, probes);
  const listings = new Map<string, string[] | null>();
  const manifest: Manifest = {
    format: FORMAT,
    module: entry,
    esbuild: esbuild.version,
    bundle,
    inputs: [...inputs],
    externals: [...externals],
    probes: [...probes.values()].map(([folder, stem]) => [folder, stem, listing(folder, stem, listings)]),
    computedImports,
  };
  writeAtomically(join(directory, bundle), code);
  writeAtomically(manifestPath, JSON.stringify(manifest));
  pruneOld(directory, bundle);
  return { url: pathToFileURL(join(directory, bundle)).href, rebuilt: true, inputs: countInputs(manifest.inputs), computedImports };
}

const countInputs = (inputs: [string, string][]): number => inputs.reduce((n, [, hash]) => (hash === 'absent' ? n : n + 1), 0);

/**
 * The folders (and name stems in them) where resolving `specifier` from `resolveDir` looks: a
 * relative or absolute path's folder and stem (`./helper.js` → helper.js, helper.ts, helper/…,
 * and index.* / package.json inside a folder of that name); a package name's node_modules/<name>
 * in `resolveDir` and every folder above it up to the nearest one holding it, and the subpath's
 * folder inside it. A built-in module is looked for nowhere.
 */
function recordProbes(specifier: string, resolveDir: string, probes: Map<string, [string, string]>): void {
  const add = (folder: string, stem: string): void => {
    const key = `${folder}\0${stem}`;
    if (!probes.has(key)) probes.set(key, [folder, stem]);
  };
  const addPath = (target: string): void => {
    add(dirname(target), basename(target).replace(EXTENSION, ''));
    // a folder import: its index file or its package.json's entry (a folder made later shows in
    // the listing above)
    if (isDirectory(target)) {
      add(target, 'index');
      add(target, 'package.json');
    }
  };
  if (resolveDir === '' || isBuiltin(specifier) || specifier.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(specifier)) return;
  if (specifier.startsWith('.') || isAbsolute(specifier)) {
    addPath(resolve(resolveDir, specifier));
    return;
  }
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  const sub = parts.slice(specifier.startsWith('@') ? 2 : 1).join('/');
  for (let dir = resolveDir; ; dir = dirname(dir)) {
    const modules = join(dir, 'node_modules');
    add(dirname(join(modules, name)), basename(name));
    if (existsSync(join(modules, name))) {
      if (sub !== '') addPath(join(modules, name, sub));
      return;
    }
    if (dirname(dir) === dir) return;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The names in `folder` that begin with `stem`, sorted and joined by '/' ('-' when the folder cannot be read), read once per folder. */
function listing(folder: string, stem: string, listings: Map<string, string[] | null>): string {
  let names = listings.get(folder);
  if (names === undefined) {
    try {
      names = readdirSync(folder).sort();
    } catch {
      names = null;
    }
    listings.set(folder, names);
  }
  return names === null ? '-' : names.filter((n) => n.startsWith(stem)).join('/');
}

type BuildWarnings = { warnings: { id: string; location: { file: string; line: number; column: number; lineText: string } | null }[] };

/**
 * Imports by a computed path, outside node_modules and not marked `@vite-ignore`, as
 * `file:line:column` (1-based): an import() or require() esbuild left alone (it runs as written
 * in the worker: a relative require resolves against the bundle's folder). A source in
 * `relocated` was compiled before bundling (comments dropped, positions moved): its warnings are
 * taken from a build of that file alone, with its imports external.
 */
async function findComputedImports(
  esbuild: typeof import('esbuild'),
  result: BuildWarnings & { metafile?: { inputs: Record<string, { imports: { path: string }[] }> } },
  relocated: Set<string>,
): Promise<string[]> {
  const found: string[] = [];
  const inModules = (file: string): boolean => /(^|[\\/])node_modules[\\/]/.test(file);
  const report = (warnings: BuildWarnings['warnings'], again: Set<string> | null): void => {
    for (const { id, location: at } of warnings) {
      if (!(id in COMPUTED_IMPORT_WARNINGS) || at === null || inModules(at.file)) continue;
      const file = resolve(at.file);
      if (again !== null && relocated.has(file)) again.add(file);
      else if (!at.lineText.includes('@vite-ignore')) found.push(`${file}:${at.line}:${at.column + 1}`);
    }
  };
  const again = new Set<string>();
  report(result.warnings, again);
  for (const file of again) {
    const alone = await esbuild.build({
      entryPoints: [file],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'node',
      logLevel: 'silent',
      logOverride: COMPUTED_IMPORT_WARNINGS,
      plugins: [{ name: 'qsync-imports-external', setup: (build) => build.onResolve({ filter: /.*/ }, (args) => (args.kind === 'entry-point' ? undefined : { path: args.path, external: true })) }],
    });
    report(alone.warnings, null);
  }
  return found;
}

/**
 * For an import esbuild expanded to a glob (`import('./parts/' + name + '.ts')` →
 * `./parts/**\/*.ts`): every folder of the tree it matched in, whole (a new part must rebuild).
 */
function recordGlobs(result: { metafile?: { inputs: Record<string, { imports: { path: string }[] }> } }, probes: Map<string, [string, string]>): void {
  for (const [file, input] of Object.entries(result.metafile?.inputs ?? {})) {
    for (const { path } of input.imports) {
      if (!path.includes('*') || !(path.startsWith('.') || isAbsolute(path))) continue;
      const base = resolve(dirname(resolve(file)), path.slice(0, path.indexOf('*')).replace(/[^/\\]*$/, ''));
      const folders = [base];
      for (let i = 0; i < folders.length; i++) {
        probes.set(`${folders[i]}\0`, [folders[i], '']);
        if (!path.includes('**')) break;
        try {
          for (const entry of readdirSync(folders[i], { withFileTypes: true })) if (entry.isDirectory()) folders.push(join(folders[i], entry.name));
        } catch {
          // gone: its listing is recorded as unreadable
        }
      }
    }
  }
}

/**
 * node_modules/.cache/qsync/task-bundles of the nearest node_modules above `file` if it can be
 * created and written (a read-only installation cannot), else a per-user directory in
 * os.tmpdir() (see userTemporaryCache); created.
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
  return userTemporaryCache();
}

/**
 * `<os.tmpdir()>/qsync-task-bundles-<uid>`, made with mode 0o700. The temporary directory is
 * writable by every local user, who could make this directory first and plant a bundle with a
 * manifest that validates: it is used only if it is a real directory (no symbolic link) owned by
 * this process's user that neither group nor others can write; otherwise bundling fails with an
 * error saying why (trajectoryEnsemble then loads the task through tsx and warns). Named by the
 * uid, which a container's user without a name has too.
 */
function userTemporaryCache(): string {
  const uid = process.getuid?.();
  const cache = join(tmpdir(), `qsync-task-bundles-${uid ?? 'user'}`);
  try {
    mkdirSync(cache, { mode: 0o700 });
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') throw error;
  }
  const stat = lstatSync(cache);
  const why = stat.isSymbolicLink() ? 'is a symbolic link'
    : !stat.isDirectory() ? 'is not a directory'
    : uid !== undefined && stat.uid !== uid ? `belongs to uid ${stat.uid}, not this process's ${uid}`
    : uid !== undefined && (stat.mode & 0o022) !== 0 ? `is writable by group or others (mode ${(stat.mode & 0o777).toString(8)})`
    : null;
  if (why !== null) throw new Error(`${FN}: refuses the cache directory ${cache}: it ${why}; pass the option 'cacheDirectory'`);
  return cache;
}

/**
 * The package.json and tsconfig files that govern how esbuild reads a source in `dir` (module
 * type, exports, compiler options): from `dir` up to the file system's root.
 */
function recordConfigs(dir: string, inputs: Map<string, string>): void {
  for (let d = dir; ; d = dirname(d)) {
    for (const name of CONFIG_FILES) {
      const path = join(d, name);
      if (!inputs.has(path)) inputs.set(path, existsSync(path) ? sha256(readFileSync(path)) : 'absent');
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
    !Array.isArray(manifest.inputs) || !Array.isArray(manifest.externals) || !Array.isArray(manifest.probes) ||
    !Array.isArray(manifest.computedImports)
  ) {
    return null;
  }
  try {
    const bundlePath = join(directory, manifest.bundle);
    if (`${sha256(readFileSync(bundlePath))}.mjs` !== manifest.bundle) return null;
    for (const [path, hash] of manifest.inputs) {
      if (hash === 'absent' ? existsSync(path) : sha256(readFileSync(path)) !== hash) return null;
    }
    for (const path of manifest.externals) if (!existsSync(path)) return null;
    // an import resolved now as it was: no new file where esbuild looked for it
    const listings = new Map<string, string[] | null>();
    for (const [folder, stem, names] of manifest.probes) if (listing(folder, stem, listings) !== names) return null;
    // used now: not to be pruned
    const now = new Date();
    utimesSync(bundlePath, now, now);
    utimesSync(manifestPath, now, now);
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

/** Removes bundles, manifests and stray temporary files of this cache that nobody used for PRUNE_AFTER_MS; no other file. */
function pruneOld(directory: string, keep: string): void {
  const cutoff = Date.now() - PRUNE_AFTER_MS;
  for (const name of readdirSync(directory)) {
    if (name === keep || !OWN_FILE.test(name)) continue;
    try {
      const path = join(directory, name);
      if (statSync(path).mtimeMs < cutoff) unlinkSync(path);
    } catch {
      // another process pruned it first
    }
  }
}
