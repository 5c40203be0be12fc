// The README's two-terminal example run as two real processes on loopback: `qsync detect
// --listen` and `qsync emit --to` as printed (ports made ephemeral), the producer killed with
// SIGKILL mid-stream and started again; the detector's final histogram against the same
// trajectory computed here in one piece (`unravelingTrajectory`, no blocks, no wire) from a config
// written out in test-support/stream-reference.ts, not read from the scenario as the emitter reads it.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type SampleRecord, sampleBlock, streamSchema } from '@qsync/frames';
import { currentPhaseHistogram } from '@qsync/probes';
import { createWireHub, toWire, wireHeader } from '@qsync/wire';
import { Subject } from 'rxjs';
import { afterAll, describe, expect, it } from 'vitest';
import { streamReferenceCurrents } from '../test-support/stream-reference';
import { parseEndpoint } from './endpoint';
import { sendWire } from './send-wire';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

/** The two commands of the ```sh block after `<!-- stream-example -->`, as argument lists for main.ts. */
function readmeCommands(): { detect: string[]; emit: string[] } {
  const block = /<!-- stream-example -->\s*```sh\n([\s\S]*?)```/.exec(readme)?.[1];
  if (block === undefined) throw new Error('README.md has no ```sh block after <!-- stream-example -->');
  // the detector's JSON lines are its output: run with -s, so npm's banner does not precede them
  const prefix = /^npm run (-s )?qsync -- /;
  const commands = block.split('\n').filter((l) => prefix.test(l)).map((l) => ({ silent: l.startsWith('npm run -s '), args: l.replace(prefix, '').split(/\s+/) }));
  if (commands.some((c) => c.args[0] === 'detect' && !c.silent)) throw new Error("the stream example's detect line must say npm run -s");
  const detect = commands.find((c) => c.args[0] === 'detect')?.args;
  const emit = commands.find((c) => c.args[0] === 'emit')?.args;
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

  it('the detector killed (SIGKILL) mid-stream and started again: it gets the sender\'s history from its oldest record and a gap line for exactly the blocks before it; its histogram is over exactly the samples received', async () => {
    // The producer is sendWire (what `qsync emit` sends through) with a hub keeping 4 blocks, fed
    // here in three phases so the kill lands mid-stream on any machine: blocks 0…7 reach the first
    // detector, blocks 8…15 are published while no detector is connected, blocks 16…23 go to the
    // second. The second must be told of blocks 0…11 as gone (300 samples) and count 12…23.
    const { detect } = readmeCommands();
    type Line = { kind: string; url?: string; samples?: number; counts?: number[]; firstSeq?: number; lastSeq?: number; estimated?: boolean };
    const detector = (port: string, onLine: (l: Line) => void) =>
      qsync([...detect.map((a) => a.replace(':7000', `:${port}`)), '--streams', '1'], (line) => onLine(JSON.parse(line) as Line));
    const waitFor = async (test: () => boolean, what: string): Promise<void> => {
      for (let waited = 0; !test(); waited += 20) {
        if (waited > 60_000) throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const L = 25;
    const n = 24 * L;
    const a = new Float64Array(2 * n);
    const b = new Float64Array(2 * n);
    for (let k = 0; k < n; k++) {
      const r = 1 + 0.3 * Math.sin(k);
      [a[2 * k], a[2 * k + 1]] = [r * Math.cos(0.7 * k), r * Math.sin(0.7 * k)];
      [b[2 * k], b[2 * k + 1]] = [Math.cos(1.9 * k + 0.4), Math.sin(1.9 * k + 0.4)];
    }
    const schema = streamSchema({ channels: { I0: { kind: 'complex' }, I1: { kind: 'complex' } }, rate: 50 });
    const block = (i: number) => sampleBlock({ t0: i * L * 0.02, dt: 0.02, columns: {
      I0: { kind: 'complex', data: a.slice(2 * i * L, 2 * (i + 1) * L) }, I1: { kind: 'complex', data: b.slice(2 * i * L, 2 * (i + 1) * L) } } });
    const input = new Subject<SampleRecord>();
    const hub = createWireHub({ buffer: { records: 64, policy: 'pause' }, history: { records: 4 } });
    const said: string[] = [];

    const firstLines: Line[] = [];
    const first = detector('0', (l) => firstLines.push(l));
    await waitFor(() => firstLines.some((l) => l.kind === 'listening'), 'the first detector');
    const url = firstLines[0].url ?? '';
    const sent = sendWire(input.pipe(toWire(wireHeader({ name: 'AB', sourceId: 'spec', schema }))), parseEndpoint('--to', url), { hub, say: (t) => said.push(t) });
    input.next(schema);
    await waitFor(() => hub.consumers === 1, 'the first detector to subscribe');
    for (let i = 0; i < 8; i++) input.next(block(i));
    await waitFor(() => firstLines.filter((l) => l.kind === 'phase-histogram').length === 8, "the first detector's 8 histograms");
    first.child.kill('SIGKILL');
    await first.exit;
    await waitFor(() => hub.consumers === 0, 'the hub to see the first detector gone');
    for (let i = 8; i < 16; i++) input.next(block(i));
    const lines: Line[] = [];
    const second = detector(/:(\d+)$/.exec(url)?.[1] ?? '', (l) => lines.push(l));
    await waitFor(() => lines.some((l) => l.kind === 'session'), "the second detector's session");
    for (let i = 16; i < 24; i++) input.next(block(i));
    input.complete();
    await sent;
    expect(await second.exit).toBe(0);

    // the hub's history knows every block's length: the count is exact
    expect(lines.filter((l) => l.kind === 'gap')).toEqual([{ kind: 'gap', sessionId: expect.any(String), firstSeq: 0, lastSeq: 11, samples: 12 * L }]);
    expect(lines.filter((l) => l.kind === 'end')).toEqual([{ kind: 'end', sessionId: expect.any(String), records: 24 }]);
    const h = currentPhaseHistogram(a.subarray(2 * 12 * L), b.subarray(2 * 12 * L), { bins: 32 });
    const last = lines.filter((l) => l.kind === 'phase-histogram').at(-1);
    expect(last?.samples).toBe(12 * L);
    expect(last?.counts).toEqual(Array.from(h.counts));
    // what `qsync emit` says of the second connection
    expect(said.filter((t) => t.startsWith('connected'))).toEqual([
      `connected to ${url.slice('tcp://'.length)} (from the start (seq 0))`,
      `connected to ${url.slice('tcp://'.length)} (from the oldest record held (seq 12; records 0…11 are gone: a gap notice says so))`,
    ]);
  }, 180_000);
});
