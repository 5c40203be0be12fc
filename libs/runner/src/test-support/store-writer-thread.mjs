// A worker thread that stores the same job's result again and again, for the run store's
// concurrent-writer test (open-run-store.spec.ts): workerData { dir, job, result, times }.
import { workerData, parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { openRunStore } = await tsImport('../open-run-store.ts', import.meta.url);
const store = openRunStore(workerData.dir);
parentPort.postMessage('ready');
for (let i = 0; i < workerData.times; i++) store.write(workerData.job, workerData.result, i);
parentPort.postMessage('done');
