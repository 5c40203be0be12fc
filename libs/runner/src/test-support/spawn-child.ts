import { type ChildProcessByStdio, spawn } from 'node:child_process';
import type { Readable } from 'node:stream';

/** the children spawned by a spec file, for `killChildren` in its afterAll */
const children = new Set<ChildProcessByStdio<null, Readable, Readable>>();

/**
 * Spawns `node script …args` for a spec with stdout and stderr on pipes — never inherited: a child
 * that outlived a failed test while holding the test process's stderr would keep CI's
 * `npm test | tee` pipe open, and the run would hang. Its stderr is kept in `stderr()` for the
 * spec's failure messages; `killChildren()` (afterAll) SIGKILLs whatever is still running.
 */
export function spawnChild(script: string, args: readonly string[]): { child: ChildProcessByStdio<null, Readable, Readable>; stderr: () => string } {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let text = '';
  child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
  // drained even when the spec does not read it, so that a chatty child never blocks on a full pipe
  child.stdout.resume();
  return { child, stderr: () => text };
}

/** SIGKILLs every child of `spawnChild` still running (a spec's afterAll: runs when a test failed too). */
export function killChildren(): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children.clear();
}
