// The loader behind taskLoaderUrl, as a pool's thread uses it: in a worker thread started with no
// TypeScript loader (plain node, as under vitest), it loads a TypeScript task module and returns
// the named function, and refuses a missing export naming the caller.
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { taskLoaderUrl } from './task-loader-url';
import { ornsteinUhlenbeckTask } from './test-support/ornstein-uhlenbeck-task';

/** runs `loadTaskFunction(module, name, 'spec')` in a fresh plain-JS worker thread; returns typeof the function or the error */
function loadInThread(module: string, name: string): Promise<string> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    import(workerData.loader)
      .then(({ loadTaskFunction }) => loadTaskFunction(workerData.module, workerData.name, 'spec'))
      .then((task) => parentPort.postMessage(typeof task), (e) => parentPort.postMessage('error: ' + e.message));`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, execArgv: [], workerData: { loader: taskLoaderUrl, module, name } });
    worker.once('message', (m: string) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe('taskLoaderUrl', () => {
  it('points at a plain-JS module that a thread without a TypeScript loader imports, and that loads a TypeScript task', async () => {
    expect(taskLoaderUrl).toMatch(/^file:.*\/load-task-function\.mjs$/);
    expect(await loadInThread(ornsteinUhlenbeckTask, 'ornsteinUhlenbeckTrajectory')).toBe('function');
  }, 60_000);

  it('refuses a task module without the named export, naming the caller', async () => {
    expect(await loadInThread(ornsteinUhlenbeckTask, 'noSuchTask')).toBe(`error: spec: task module ${ornsteinUhlenbeckTask} has no exported function 'noSuchTask'`);
  }, 60_000);
});
