import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ScenarioError } from '../common/errors';
import { sweepCommand } from './sweep-command';
import type { SweepSummary } from './sweep-command';

const tmp = mkdtempSync(join(tmpdir(), 'qsync-sweep-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const io = () => {
  const printed: string[] = [];
  return {
    stdout: { write: (text: string) => printed.push(text) },
    stderr: Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.WriteStream,
    printed,
  };
};
// the spin-1/2 limit cycle (Eq. 4.26) in its steady state: s_z = (γ+ − γ−)/(γ+ + γ−) (Eq. 4.29)
const spin = join(tmp, 'spin.json');
writeFileSync(
  spin,
  JSON.stringify({ model: 'spin', parameters: { omega: 1, gammaPlus: 1, gammaMinus: 0.5 }, method: 'steady-state', observables: { sz: 'sigmaZ' }, outputs: ['json'] }),
);

describe('qsync sweep', () => {
  const store = join(tmp, 'store');

  it('runs the scenario at every grid point; s_z follows Eq. 4.29; run again, it computes nothing', async () => {
    const out = io();
    await sweepCommand(spin, { over: ['gammaPlus=0:1:3', 'gammaMinus=0.5,2'], store, workers: '1', json: true }, out);
    const summary = JSON.parse(out.printed.at(-1) ?? '') as SweepSummary;
    expect(summary).toMatchObject({ store, total: 6, computed: 6 });
    // grid order, first axis slowest; only the --over parameters are listed
    expect(summary.points.map((p) => p.params)).toEqual([
      { gammaPlus: 0, gammaMinus: 0.5 },
      { gammaPlus: 0, gammaMinus: 2 },
      { gammaPlus: 0.5, gammaMinus: 0.5 },
      { gammaPlus: 0.5, gammaMinus: 2 },
      { gammaPlus: 1, gammaMinus: 0.5 },
      { gammaPlus: 1, gammaMinus: 2 },
    ]);
    for (const { params, result } of summary.points) {
      const { gammaPlus, gammaMinus } = params as { gammaPlus: number; gammaMinus: number };
      const sz = (result as { observables: { sz: { re: number } } }).observables.sz.re;
      // a 2×2 steady state: rounding only; γ+ and γ− swapped would be off by ≥ 0.6
      expect(Math.abs(sz - (gammaPlus - gammaMinus) / (gammaPlus + gammaMinus))).toBeLessThan(1e-12);
    }
    expect(readdirSync(join(store, 'results'))).toHaveLength(6);

    const again = io();
    await sweepCommand(spin, { over: ['gammaPlus=0:1:3', 'gammaMinus=0.5,2'], store, workers: '1' }, again);
    expect(again.printed.join('')).toContain('6 points over gammaPlus, gammaMinus: 0 computed, 6 from the store');
  });

  it('refuses a bad grid before running anything, naming the parameter', async () => {
    const bad = (over: string[]) => sweepCommand(spin, { over, store: join(tmp, 'never'), workers: '1' }, io());
    await expect(bad([])).rejects.toThrow(ScenarioError);
    await expect(bad(['kappa=1,2'])).rejects.toThrow(/--over kappa: 'kappa' is not a parameter of model 'spin' \(it has omega, gammaPlus, gammaMinus\)/);
    await expect(bad(['gammaPlus=-1,1'])).rejects.toThrow(/at \{"gammaPlus":-1\}: .*gammaPlus/);
    await expect(bad(['gammaPlus=0:1'])).rejects.toThrow(/--over: 'gammaPlus=0:1' is not a range of three numbers/);
    await expect(bad(['omega=1', 'omega=2'])).rejects.toThrow(/--over omega: is given twice/);
    await expect(bad(['parameters.omega.x=1'])).rejects.toThrow(/'parameters.omega' is not an object in the scenario/);
    const options = (extra: object) => sweepCommand(spin, { over: ['omega=1'], store: join(tmp, 'never'), ...extra }, io());
    await expect(options({ workers: '0' })).rejects.toThrow(/--workers: must be ≥ 1 without --queue/);
    await expect(options({ workers: 'two' })).rejects.toThrow(/--workers: must be an integer ≥ 0, got two/);
    await expect(options({ queue: 'localhost:6379' })).rejects.toThrow(/--queue: must be a Redis URL redis:\/\/host:port, got localhost:6379/);
    expect(() => readdirSync(join(tmp, 'never'))).toThrow();
  });

  it('is a command of the program: qsync sweep … --json', async () => {
    const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
    const cliStore = join(tmp, 'cli-store');
    const outcome = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'apps/qsync/src/main.ts', 'sweep', spin, '--over', 'gammaMinus=0.5,1', '--workers', '1', '--store', cliStore, '--json'],
        { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    const summary = JSON.parse(outcome.stdout) as SweepSummary;
    const sz = summary.points.map((p) => (p.result as { observables: { sz: { re: number } } }).observables.sz.re);
    expect(sz).toHaveLength(2);
    expect(Math.abs(sz[0] - 1 / 3) + Math.abs(sz[1])).toBeLessThan(1e-12);
  });
});
