import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { steadyState } from '@qsync/integrators';
import { coupledVanDerPol } from '@qsync/models';
import { expect as expectValue } from '@qsync/operators';
import { expectClose } from '@qsync/testing';
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
  parameters: { cutoff: 3, kappa: 1, kappa1: 3, kappa2: 1, delta: 0.5, V: 1 },
  method: 'steady-state',
  observables: { coherence: 'adagb', nA: 'na' },
  probes: [{ type: 'relative-phase', points: 16 }],
};

// A short noise-free Adler run outside the tongue: the phase slips at √(δ² − V²) = 1 (Eq. 2.23).
const adler = {
  model: 'adler',
  parameters: { delta: Math.SQRT2, V: 1, phi0: 0 },
  method: 'simulate',
  times: { start: 0, stop: 2 * Math.PI, count: 3 },
  sde: { step: 0.001 },
  observables: { phase: 'phiABUnwrapped' },
  outputs: ['json', 'png'],
};

describe('qsync run (spawned program)', async () => {
  // The four runs start together: each spends most of its time starting node and tsx.
  const outDir = join(tmp, 'good-run');
  const [bad, good, failing, usage, classical, schema, help] = await Promise.all([
    qsync('run', scenarioFile('bad.json', { ...tiny, observables: { coherence: 'adagbb' } }), '--json'),
    qsync('run', scenarioFile('good.json', tiny), '--json', '--out', outDir),
    qsync('run', scenarioFile('flat.json', { ...tiny, parameters: { cutoff: 2, kappa1: 0, kappa2: 0, V: 0 }, probes: [] }), '--json', '--out', join(tmp, 'x')),
    qsync('run'),
    qsync('run', scenarioFile('adler.json', adler), '--json', '--out', join(tmp, 'adler')),
    qsync('schema'),
    qsync('--help'),
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
    // the values of Eq. 4.8's steady state, solved here from the model's own constructor (not the
    // catalog entry the program goes through); the JSON round trip keeps doubles exactly
    const model = coupledVanDerPol({ cutoff: 3, kappa: 1, kappa1: 3, kappa2: 1, delta: 0.5, V: 1 });
    const { rho } = steadyState(model.lindbladian);
    for (const [name, op] of [['coherence', model.operators.adagb], ['nA', model.operators.na]] as const) {
      const want = expectValue(op, rho);
      expectClose([summary.observables[name].re, summary.observables[name].im], [want.re, want.im], { rtol: 1e-12, atol: 1e-15 });
    }
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

  it('runs a classical scenario: the noise-free Adler phase slips by 2π in one period 2π/√(δ² − V²) (Eq. 2.23)', () => {
    expect(classical.stderr).toBe('');
    expect(classical.code).toBe(0);
    const summary = JSON.parse(classical.stdout) as { method: string; observables: { phase: { final: { re: number } } }; files: string[] };
    expect(summary.method).toBe('simulate');
    // σ = 0: SRA is RK2, error O(dt²) ≈ 1e-6 at dt = 1e-3
    expect(Math.abs(summary.observables.phase.final.re - 2 * Math.PI)).toBeLessThan(1e-4);
    expect(summary.files).toEqual(['scenario.json', 'results.json', 'phase.png']);
  });

  it('prints the JSON Schema of scenario files, the checked-in one', () => {
    expect(schema.code).toBe(0);
    const checkedIn = readFileSync(fileURLToPath(new URL('../scenario.schema.json', import.meta.url)), 'utf8');
    expect(schema.stdout).toBe(checkedIn);
  });

  it('lists its commands in --help', () => {
    expect(help.code).toBe(0);
    for (const command of ['run [options] <scenario>', 'figure [options] <id>', 'schema']) expect(help.stdout).toContain(command);
  });
});
