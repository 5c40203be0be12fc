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

/**
 * `error` if it is a plain Error; else an Error saying `what` with the value's code and message,
 * the code copied and the value as its cause. A value that is no Error (tsx's tsImport can reject
 * with a plain object) printed as [object Object]; and a Node error with a code (e.g.
 * ERR_UNKNOWN_FILE_EXTENSION) reaches the main thread as a plain object holding only its code,
 * since the structured clone keeps just the standard Error types.
 */
function asError(error, what) {
  const { code, message } = typeof error === 'object' && error !== null ? error : {};
  if (error instanceof Error && typeof code !== 'string') return error;
  const detail = [code, message].filter((x) => typeof x === 'string').join(': ') || String(error);
  const wrapped = new Error(`${what}: ${detail}`, { cause: error });
  if (typeof code === 'string') wrapped.code = code;
  return wrapped;
}

/** task functions of this thread by `${module}#${name}`: each module is loaded once per thread */
const loaded = new Map();

/**
 * The function `name` exported by the module at `url`, loaded once per thread, made async: a
 * failure to load it, or a value it throws, that would not survive the copy to the main thread
 * as a readable Error (no Error, or a Node error with a code) becomes an Error whose message
 * holds the code and message.
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
    let exports;
    try {
      exports = await importTask(url);
    } catch (error) {
      throw asError(error, `${caller}: could not load the task module ${url}`);
    }
    const run = exports[name];
    if (typeof run !== 'function') throw new Error(`${caller}: task module ${url} has no exported function '${name}'`);
    // what it throws must reach the calling thread readable (see asError)
    task = async (...args) => {
      try {
        return await run(...args);
      } catch (error) {
        throw asError(error, `${caller}: the task function '${name}' failed`);
      }
    };
    loaded.set(key, task);
  }
  return task;
}
