// The READMEs' shell lines that pipe or redirect the output of `npm run`: npm prints its banner
// ("> qsync@… qsync", the command) on stdout unless run with -s, and that banner would go into the
// pipe or the file. Every such line says `npm run -s`, and the replay → detect pipe of this README
// is run as printed (its recording in a temporary directory).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emitCommand } from './stream/emit-command';
import { streamScenario } from './test-support/stream-reference';

const repoRoot = new URL('../../../', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'qsync-readme-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** the lines of fenced ```sh blocks, and inline `…` code, of a README */
function shellLines(text: string): string[] {
  const lines: string[] = [];
  for (const block of text.matchAll(/```(?:sh|bash|shell)\n([\s\S]*?)```/g)) lines.push(...block[1].split('\n'));
  for (const code of text.matchAll(/`(npm run [^`]*)`/g)) lines.push(code[1]);
  return lines.filter((l) => l.includes('npm run'));
}

const readmes = [
  'README.md',
  ...['apps', 'libs'].flatMap((dir) => readdirSync(join(repoRoot, dir)).map((name) => join(dir, name, 'README.md'))),
].filter((path) => {
  try {
    readFileSync(join(repoRoot, path));
    return true;
  } catch {
    return false;
  }
});

describe('README shell lines', () => {
  it("every line that pipes or redirects npm run's output runs it with -s (no banner in the data)", () => {
    const offending: string[] = [];
    let piped = 0;
    for (const path of readmes) {
      for (const line of shellLines(readFileSync(join(repoRoot, path), 'utf8'))) {
        // the output of an `npm run` (not the last command of the line) goes on through | or >
        // (a redirection `> file` after a space; `<scenario.json>` is a placeholder, not one)
        for (const m of line.matchAll(/npm run (-s )?(?:[^|>]|(?<=\S)>)*(?:\||\s>)/g)) {
          piped++;
          if (m[1] === undefined) offending.push(`${path}: ${line}`);
        }
      }
    }
    expect(piped).toBeGreaterThanOrEqual(3);
    expect(offending).toEqual([]);
  });

  it('the replay → detect pipe of apps/qsync/README.md prints the final estimate as one JSON line', async () => {
    const readme = readFileSync(join(repoRoot, 'apps/qsync/README.md'), 'utf8');
    const line = shellLines(readme).find((l) => l.includes('replay currents.qsw --to - |'));
    expect(line).toBeDefined();
    const recording = join(tmp, 'currents.qsw');
    const quiet = { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream;
    await emitCommand(streamScenario, { to: recording, block: '200' }, { stdout: quiet, stderr: quiet }, 'record');
    // npm runs the script in the repository's root: the recording is named by its absolute path
    const command = (line as string).replace('currents.qsw', recording);
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile('bash', ['-o', 'pipefail', '-c', command], { cwd: repoRoot, timeout: 170_000 }, (error, out, err) =>
        error ? reject(new Error(`${command}: ${error.message}\n${err}`)) : resolve(out),
      ),
    );
    const lines = stdout.split('\n').filter((l) => l !== '');
    expect(lines.length).toBe(1);
    const last = JSON.parse(lines[0]) as { kind: string };
    expect(last.kind).toBe('end');
  }, 180_000); // two npm + tsx starts: seconds quiet, tens of seconds on a loaded CI machine
});
