// Loads the function a worker thread runs for a pool (trajectoryEnsemble's workers here, and
// @qsync/runner's sweep threads): plain JavaScript, so that a thread without a TypeScript loader
// can import it. The repository has no build step, so a task module is TypeScript source: under
// `npx tsx` a worker inherits tsx's loader (its execArgv is its parent's) and imports it
// directly; under vitest or plain node it has none, and tsx's scoped `tsImport` compiles the
// module and what it imports in this thread only.

/** Imports a module, through tsx's `tsImport` when this thread cannot load TypeScript itself. */
async function importTask(url) {
  try {
    return await import(url);
  } catch (error) {
    if (error?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
    const { tsImport } = await import('tsx/esm/api');
    return tsImport(url, import.meta.url);
  }
}

/** task functions of this thread by `${module}#${name}`: each module is loaded once per thread */
const loaded = new Map();

/**
 * The function `name` exported by the module at `url`, loaded once per thread.
 *
 * @param {string} url - the task module's URL
 * @param {string} name - the exported function's name
 * @param {string} caller - who asks, for the error (e.g. 'trajectoryEnsemble', 'sweep')
 * @returns {Promise<Function>} the task function
 * @example
 * // in a worker thread: const task = await loadTaskFunction(job.module, job.name, 'sweep'); await task(job.params);
 */
export async function loadTaskFunction(url, name, caller) {
  const key = `${url}#${name}`;
  let task = loaded.get(key);
  if (task === undefined) {
    const exports = await importTask(url);
    task = exports[name];
    if (typeof task !== 'function') throw new Error(`${caller}: task module ${url} has no exported function '${name}'`);
    loaded.set(key, task);
  }
  return task;
}
