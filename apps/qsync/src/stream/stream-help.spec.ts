// `qsync <command> --help` shows an example of each stream command; bad options exit 2 naming the option.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
// a child still running when the file ends (a test failed, or a command hung) is killed
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.exitCode === null && c.signalCode === null && c.kill('SIGKILL')));

function qsync(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/qsync/src/main.ts', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('qsync emit, detect, record, replay on the command line', () => {
  it('--help shows each an example, and refuses bad options with exit code 2, naming the option', async () => {
    const scenario = 'apps/qsync/scenarios/vdp-pair-heterodyne-stream.json';
    // the messages of every refusal are checked in-process (stream-commands.spec.ts); here the exit code
    const [emit, detect, record, replay, port] = await Promise.all([
      qsync('emit', '--help'),
      qsync('detect', '--help'),
      qsync('record', '--help'),
      qsync('replay', '--help'),
      qsync('detect', '--listen', 'tcp://127.0.0.1'),
    ]);
    for (const help of [emit, detect, record, replay]) expect(help.code).toBe(0);
    expect(emit.stdout).toContain(`qsync emit ${scenario} --to tcp://127.0.0.1:7000`);
    expect(detect.stdout).toContain('qsync detect --listen tcp://127.0.0.1:7000');
    // --from tcp:// dials: it cannot take qsync's own producers, which dial too
    expect(detect.stdout.replace(/\s+/g, ' ')).toContain('dial a producer that listens (tcp://HOST:PORT, ws://HOST:PORT/PATH: a program serving with @qsync/wire toTcp/toWebSocket({ listen }); qsync emit and replay dial, so use --listen for them)');
    expect(record.stdout).toContain(`qsync record ${scenario} --to currents.qsw`);
    expect(replay.stdout).toContain('qsync replay currents.qsw --to tcp://127.0.0.1:7000 --pace recorded');
    expect(port).toMatchObject({ code: 2, stdout: '' });
    expect(port.stderr).toContain('qsync: --listen: tcp://127.0.0.1 has no port; expected tcp://HOST:PORT');
  }, 180_000); // ~10 s quiet; tsx process starts take far longer on a loaded CI machine
});
