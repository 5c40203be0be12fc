// The README's two-terminal example run as two real processes on loopback: `qsync detect
// --listen` and `qsync emit --to` as printed (ports made ephemeral), the producer killed with
// SIGKILL mid-stream and started again; the detector's final histogram against the same
// trajectory computed here in one piece (`unravelingTrajectory`, no blocks, no wire) from a config
// written out in test-support/stream-reference.ts, not read from the scenario as the emitter reads it.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { currentPhaseHistogram } from '@qsync/probes';
import { afterAll, describe, expect, it } from 'vitest';
import { streamReferenceCurrents } from '../test-support/stream-reference';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

/** The two commands of the ```sh block after `<!-- stream-example -->`, as argument lists for main.ts. */
function readmeCommands(): { detect: string[]; emit: string[] } {
  const block = /<!-- stream-example -->\s*```sh\n([\s\S]*?)```/.exec(readme)?.[1];
  if (block === undefined) throw new Error('README.md has no ```sh block after <!-- stream-example -->');
  const commands = block.split('\n').filter((l) => l.startsWith('npm run qsync -- ')).map((l) => l.slice('npm run qsync -- '.length).split(/\s+/));
  const detect = commands.find((c) => c[0] === 'detect');
  const emit = commands.find((c) => c[0] === 'emit');
  if (detect === undefined || emit === undefined) throw new Error('the stream example needs a detect and an emit command');
  return { detect, emit };
}

/** `npm run qsync -- …` runs `tsx apps/qsync/src/main.ts …`; lines of stdout go to `onLine`. */
function qsync(args: string[], onLine: (line: string) => void = () => undefined): { child: ChildProcess; exit: Promise<number | null>; stderr: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/qsync/src/main.ts', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let pending = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    const lines = (pending + d.toString()).split('\n');
    pending = lines.pop() ?? '';
    lines.forEach(onLine);
  });
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { child, exit, stderr: () => stderr };
}

describe("the README's two-terminal example, as two processes", () => {
  it('emit → detect: the producer killed (SIGKILL) mid-stream and started again; the detector runs on (until SIGTERM) and its final counts equal the in-process ones', async () => {
    const { detect, emit } = readmeCommands();
    expect(detect).toEqual(['detect', '--listen', 'tcp://127.0.0.1:7000']);
    expect(emit).toEqual(['emit', 'apps/qsync/scenarios/vdp-pair-heterodyne-stream.json', '--to', 'tcp://127.0.0.1:7000']);
    const lines: { kind: string; url?: string; samples?: number; counts?: number[] }[] = [];
    let onUrl: (url: string) => void = () => undefined;
    const url = new Promise<string>((resolve) => (onUrl = resolve));
    let onEnough: () => void = () => undefined;
    const enough = new Promise<void>((resolve) => (onEnough = resolve));
    const histograms = () => lines.filter((l) => l.kind === 'phase-histogram');
    const detector = qsync(detect.map((a) => a.replace(':7000', ':0')), (line) => {
      const parsed = JSON.parse(line) as (typeof lines)[number];
      lines.push(parsed);
      if (parsed.kind === 'listening') onUrl(parsed.url ?? '');
      if (histograms().length >= 8) onEnough();
    });
    // small blocks and buffer so the stream is still running when the producer is killed
    const target = await url;
    const args = [...emit.map((a) => (a === 'tcp://127.0.0.1:7000' ? target : a)), '--block', '25', '--buffer', '2'];
    const first = qsync(args);
    await enough;
    first.child.kill('SIGKILL');
    await first.exit;
    const before = histograms().at(-1)?.samples ?? 0;
    expect(before).toBeLessThan(2001);
    const second = qsync(args);
    // The detector keeps serving after a stream's end, so the second producer always finds it: it
    // resumes the session, or — when the first had written the whole stream (~65 kB, below the
    // link's send buffer) before its kill landed on a loaded machine — finds it already ended.
    expect(await second.exit).toBe(0);
    // the detector's lines reach this process a moment after the producer has gone
    for (let waited = 0; waited < 30_000 && !lines.some((l) => l.kind === 'end'); waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines.some((l) => l.kind === 'end')).toBe(true);
    // SIGTERM stops the detector cleanly
    detector.child.kill('SIGTERM');
    expect(await detector.exit).toBe(0);

    const reference = await streamReferenceCurrents();
    const h = currentPhaseHistogram(reference.I0, reference.I1, { bins: 32 });
    const last = histograms().at(-1);
    expect(last?.samples).toBe(2001);
    expect(last?.counts).toEqual(Array.from(h.counts));
    expect(lines.filter((l) => l.kind === 'session')).toHaveLength(1); // the same session resumed
    expect(detector.stderr()).toContain('qsync detect: listening on tcp://127.0.0.1:');
    // the second producer resumed the same session after the seq the detector had, or found it ended
    if (!lines.some((l) => l.kind === 'already-ended')) expect(second.stderr()).toContain('resuming after seq');
  }, 180_000); // ~12 s quiet; three tsx process starts took over 40 s under a loaded CI run
});
