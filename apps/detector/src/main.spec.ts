// The README's example as two processes: qsync-detector listening, qsync emit dialling it; the
// detector's final phase-difference histogram against the trajectory computed in-process.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { unravelingTrajectory } from '@qsync/cli';
import { currentPhaseHistogram } from '@qsync/probes';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

function run(args: string[], onLine: (line: string) => void = () => undefined): { child: ChildProcess; exit: Promise<number | null>; stderr: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let pending = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    const lines = (pending + d.toString()).split('\n');
    pending = lines.pop() ?? '';
    lines.forEach(onLine);
  });
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return { child, exit: new Promise((resolve) => child.on('close', resolve)), stderr: () => stderr };
}

describe('qsync-detector', () => {
  it("runs the README's example: the final histogram equals the in-process one of the same scenario and seed", async () => {
    const block = /<!-- detector-example -->\s*```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const commands = block.split('\n').filter((l) => !l.startsWith('#') && l.trim() !== '');
    expect(commands).toEqual([
      'npx tsx apps/detector/src/main.ts --listen tcp://127.0.0.1:7000',
      'npm run qsync -- emit apps/qsync/scenarios/vdp-pair-heterodyne-stream.json --to tcp://127.0.0.1:7000',
    ]);
    const lines: { kind: string; url?: string; samples?: number; counts?: number[] }[] = [];
    // a free port, so that both processes start at once (emit redials until the detector listens)
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => resolve(port));
      });
    });
    // `npx tsx X` and `npm run qsync --` (tsx apps/qsync/src/main.ts) as node --import tsx
    let onEnd: () => void = () => undefined;
    const ended = new Promise<void>((resolve) => (onEnd = resolve));
    const detector = run(commands[0].replace('npx tsx ', '').replace(':7000', `:${port}`).split(' '), (line) => {
      lines.push(JSON.parse(line));
      if (lines.at(-1)?.kind === 'end') onEnd();
    });
    const emit = run(['apps/qsync/src/main.ts', ...commands[1].replace('npm run qsync -- ', '').replace(':7000', `:${port}`).split(' ')]);
    expect(await emit.exit).toBe(0);
    // the detector keeps listening for the next producer after a stream's end; SIGTERM stops it cleanly
    await ended;
    detector.child.kill('SIGTERM');
    expect(await detector.exit).toBe(0);

    // in-process, by another path than the emitter's: the trajectory of the scenario written out
    // here value by value (not read from its file as the emitter reads it), computed in one piece
    // by unravelingTrajectory — no blocks, no wire, no sockets. A scenario the emitter misreads (a
    // parameter dropped, another step or seed) gives other currents than these.
    const reference = await unravelingTrajectory(
      {
        model: 'coupled-quantum-vdp',
        parameters: { cutoff: 6, kappa: 0.5, kappa1: 1, kappa2: 0.5, delta: 0.2, V: 1 },
        initialState: { type: 'coherent', alpha: { a: [0.5, 0], b: [0, 0.5] } },
        unraveling: 'heterodyne',
        monitored: [2, 3],
        efficiency: 1,
        phase: 0,
        frequency: 0,
        scheme: 'milstein',
        t0: 0,
        dt: 0.02,
        outputEvery: 1,
        spacing: 0.02,
        samples: 2001,
        observables: { nA: 'na' },
        withCurrents: true,
      },
      0,
      11, // the scenario's noiseSeed
    );
    const I0 = reference.I0.data;
    const h = currentPhaseHistogram(I0, reference.I1.data, { bins: 32 });
    const last = lines.filter((l) => l.kind === 'phase-histogram').at(-1);
    expect(last?.samples).toBe(I0.length / 2);
    expect(I0.length / 2).toBe(2001);
    expect(last?.counts).toEqual(Array.from(h.counts));
    expect(lines.at(-1)?.kind).toBe('end');
    expect(lines[0]).toEqual({ kind: 'listening', url: `tcp://127.0.0.1:${port}` });
    expect(detector.stderr()).toContain('qsync detect: session');
  }, 180_000); // ~12 s quiet; tsx process starts take far longer on a loaded CI machine
});
