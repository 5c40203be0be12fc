// A BullMQ worker process of a sweep (start-redis-executor.ts starts it; on another machine:
// `node sweep-worker-process.mjs '{"queue":"redis://…","name":"qsync-sweep-…"}'`). argv[2] is the
// JSON of sweepWorker's config. It says { kind: 'ready' } over IPC when it takes jobs and exits
// on { kind: 'close' }, SIGTERM, SIGINT, or when its parent goes away.
import process from 'node:process';
import { tsImport } from 'tsx/esm/api';

const { sweepWorker } = await tsImport('./sweep-worker.ts', import.meta.url);
const worker = sweepWorker(JSON.parse(process.argv[2]));
let exiting = false;
const exit = async () => {
  if (exiting) return;
  exiting = true;
  await worker.close();
  process.exit(0);
};
process.on('message', (message) => message?.kind === 'close' && void exit());
process.on('disconnect', () => void exit());
process.on('SIGTERM', () => void exit());
process.on('SIGINT', () => void exit());
await worker.ready;
process.send?.({ kind: 'ready', pid: process.pid });
