// Reading the execution log that watchedExcitedPopulation writes (QSYNC_RUNNER_LOG), and the
// environment the tests set for it.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Execution {
  run: string;
  event: 'start' | 'end';
  params: Record<string, number>;
  pid: number;
  thread: number;
}

/** A fresh directory for a test's store and log. */
export function scratch(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `qsync-runner-${prefix}-`));
}

/** Points watchedExcitedPopulation at `log` with `delayMs` per job and run tag `run` (inherited by threads and processes started after). */
export function watch(log: string, delayMs: number, run = ''): void {
  process.env.QSYNC_RUNNER_LOG = log;
  process.env.QSYNC_RUNNER_DELAY_MS = String(delayMs);
  process.env.QSYNC_RUNNER_RUN = run;
}

export function executions(log: string): Execution[] {
  if (!existsSync(log)) return [];
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Execution);
}

/** How many times each parameter point had `event`, keyed by its JSON. */
export function countBy(list: readonly Execution[], event: 'start' | 'end'): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of list) if (e.event === event) counts.set(JSON.stringify(e.params), (counts.get(JSON.stringify(e.params)) ?? 0) + 1);
  return counts;
}
