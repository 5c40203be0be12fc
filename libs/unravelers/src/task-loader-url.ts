/**
 * The URL of this library's task loader for worker threads (load-task-function.mjs): a plain
 * JavaScript module exporting `loadTaskFunction(url, name, caller)`, which imports a task module
 * (TypeScript source: through tsx's `tsImport` when the thread has no TypeScript loader) once per
 * thread and returns its exported function `name`, or throws an error naming `caller`. A worker
 * thread's own file is plain JavaScript and cannot import this library's TypeScript entry, so a
 * pool hands it this URL (in its job or workerData) and the thread imports it: one loader, one
 * public entry. trajectoryEnsemble's workers use it; so do @qsync/runner's sweep threads.
 *
 * @example
 * // in a worker thread: const { loadTaskFunction } = await import(job.loader); // job.loader = taskLoaderUrl
 * //                     const task = await loadTaskFunction(job.module, job.name, 'sweep');
 * new URL(taskLoaderUrl).protocol; // → 'file:'
 * taskLoaderUrl.endsWith('/load-task-function.mjs'); // → true
 */
export const taskLoaderUrl: string = new URL('./load-task-function.mjs', import.meta.url).href;
