import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The program itself, as a user runs it: `node --import tsx apps/qsync/src/main.ts run …`.
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const main = 'apps/qsync/src/main.ts';
const tmp = mkdtempSync(join(tmpdir(), 'qsync-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function qsync(...args: string[]): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', main, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function scenarioFile(name: string, scenario: unknown): string {
  const file = join(tmp, name);
  writeFileSync(file, JSON.stringify(scenario));
  return file;
}

const tiny = {
  model: 'coupled-quantum-vdp',
  parameters: { cutoff: 3, kappa: 1, kappa1: 3, kappa2: 1, delta: 0.5, coupling: 1 },
  method: 'steady-state',
  observables: { coherence: 'adagb', nA: 'na' },
  probes: [{ type: 'relative-phase', points: 16 }],
};

describe('qsync run (spawned program)', async () => {
  // The four runs start together: each spends most of its time starting node and tsx.
  const outDir = join(tmp, 'good-run');
  const [bad, good, failing, usage] = await Promise.all([
    qsync('run', scenarioFile('bad.json', { ...tiny, observables: { coherence: 'adagbb' } }), '--json'),
    qsync('run', scenarioFile('good.json', tiny), '--json', '--out', outDir),
    qsync('run', scenarioFile('flat.json', { ...tiny, parameters: { cutoff: 2, kappa1: 0, kappa2: 0, coupling: 0 }, probes: [] }), '--json', '--out', join(tmp, 'x')),
    qsync('run'),
  ]);

  it('exits 2 on a scenario error, naming the key path on stderr and printing nothing on stdout', () => {
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain(
      "scenario.observables.coherence: unknown operator 'adagbb' of model 'coupled-quantum-vdp' (known: a, b, adag, bdag, na, nb, adagb)",
    );
  });

  it('exits 0 on a good scenario and prints one JSON summary with the asked observables', () => {
    expect(good.stderr).toBe(''); // not a TTY: no progress
    expect(good.code).toBe(0);
    const summary = JSON.parse(good.stdout) as { runDir: string; observables: Record<string, { re: number; im: number }>; probes: Record<string, unknown>; residual: number };
    expect(Object.keys(summary.observables)).toEqual(['coherence', 'nA']);
    expect(typeof summary.observables.nA.re).toBe('number');
    expect(summary.observables.nA.re).toBeGreaterThan(0);
    expect(Object.keys(summary.probes)).toEqual(['relative-phase']);
    expect(summary.residual).toBeLessThan(1e-10);
    expect(summary.runDir).toBe(outDir);
    expect(readdirSync(outDir).sort()).toEqual(['observables.csv', 'relative-phase.csv', 'relative-phase.svg', 'results.json', 'scenario.json']);
  });

  it('exits 1 on a numerical failure', () => {
    expect(failing.code).toBe(1);
    expect(failing.stdout).toBe('');
    expect(failing.stderr).toContain('qsync: numerical failure in steady state: steadyState: the steady state is not unique');
  });

  it('exits 2 on a usage error', () => {
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("missing required argument 'scenario'");
  });
});
