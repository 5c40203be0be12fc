// A BullMQ worker process of a sweep (start-redis-executor.ts starts it; on another machine:
// `node sweep-worker-process.mjs '{"queue":"redis://…","name":"qsync-sweep-…"}'`). argv[2] is the
// JSON of sweepWorker's config. It says { kind: 'ready' } over IPC when it takes jobs and exits
// on { kind: 'close' }, SIGTERM, SIGINT, or when its parent goes away — also when that happens
// while it is still starting.
import process from 'node:process';
import { setTimeout } from 'node:timers';
import { tsImport } from 'tsx/esm/api';

// how long a closing worker may wait for its job and for Redis (a Redis that is gone makes
// worker.close() wait forever) before the process exits anyway
const CLOSE_TIMEOUT_MS = 10_000;

let worker = null;
let exiting = false;
const exit = async () => {
  if (exiting) return;
  exiting = true;
  const forced = setTimeout(() => {
    process.stderr.write(`sweep worker ${process.pid}: not closed after ${CLOSE_TIMEOUT_MS} ms; exiting anyway\n`);
    process.exit(1);
  }, CLOSE_TIMEOUT_MS);
  forced.unref();
  if (worker !== null) await worker.close().catch((error) => process.stderr.write(`sweep worker ${process.pid}: close failed: ${error.message}\n`));
  // jobs it could not hand back to the queue wait for their lock to expire before another worker takes them
  if (worker !== null && worker.abandoned > 0) {
    process.stderr.write(`sweep worker ${process.pid}: ${worker.abandoned} abandoned job${worker.abandoned === 1 ? '' : 's'} restart after ${worker.abandoned === 1 ? 'its' : 'their'} lock expires (≤ 2 × lockDuration)\n`);
  }
  if (worker !== null && worker.takenOver > 0) {
    process.stderr.write(`sweep worker ${process.pid}: ${worker.takenOver} job${worker.takenOver === 1 ? ' was' : 's were'} already held by another worker (this one's lock had expired)\n`);
  }
  process.exit();
};
// closing after Redis is gone, ioredis fails the commands still queued ("Connection is closed")
// where nobody catches them: ignored once exiting; before, such an error ends the process as usual
const unexpected = (error) => {
  if (exiting) return;
  process.stderr.write(`sweep worker ${process.pid}: ${error?.stack ?? String(error)}\n`);
  process.exit(1);
};
process.on('unhandledRejection', unexpected);
process.on('uncaughtException', unexpected);
// listen before anything slow: a close request or a lost parent during start-up is not missed
process.on('message', (message) => message?.kind === 'close' && void exit());
process.on('disconnect', () => void exit());
process.on('SIGTERM', () => void exit());
process.on('SIGINT', () => void exit());

const { sweepWorker } = await tsImport('./sweep-worker.ts', import.meta.url);
// started by a parent (an IPC channel was given) that is already gone: nothing to serve
if (exiting || (process.send !== undefined && !process.connected)) await exit();
else {
  worker = sweepWorker(JSON.parse(process.argv[2]));
  // Redis gone for longer than redisTimeout: say so and end (code 1)
  void worker.lost.then((error) => {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
    void exit();
  });
  await worker.ready;
  process.send?.({ kind: 'ready', pid: process.pid });
}
