// Runs one sweep in its own process, for the tests that kill a sweep mid-run
// (sweep.spec.ts) and that leave it the moment it completes (sweep-redis.spec.ts): argv[2] is the
// JSON of the sweep's config; every frame that reports a job done is printed as a JSON line
// { index, status } on stdout; on completion the process exits at once (process.exit).
import process from 'node:process';
import { tsImport } from 'tsx/esm/api';

const { sweep } = await tsImport('../sweep.ts', import.meta.url);
sweep(JSON.parse(process.argv[2])).subscribe({
  next: (frame) => {
    if (frame.job?.status === 'done') process.stdout.write(`${JSON.stringify({ index: frame.job.index, status: 'done' })}\n`);
  },
  complete: () => process.exit(0),
  error: (error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  },
});
