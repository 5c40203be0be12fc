import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ScenarioError } from '../common/errors';
import { runCommand } from './run-command';

const tmp = mkdtempSync(join(tmpdir(), 'qsync-cmd-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const scenario = {
  model: 'quantum-vdp',
  parameters: { cutoff: 6, kappa1: 1, kappa2: 1 },
  method: 'steady-state',
  observables: { n: 'n' },
  outputs: ['json'],
};

function io(isTTY: boolean) {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: { write: (s: string) => (out += s) },
      stderr: { isTTY, write: (s: string) => (err += s) } as unknown as NodeJS.WriteStream,
    },
    out: () => out,
    err: () => err,
  };
}

describe('runCommand', () => {
  const file = join(tmp, 'vdp.json');
  writeFileSync(file, JSON.stringify(scenario));

  it('prints the human summary by default, and nothing on a non-TTY stderr', async () => {
    const t = io(false);
    await runCommand(file, { out: join(tmp, 'human') }, t.io);
    expect(t.out()).toMatch(/^quantum-vdp — quantum van-der-Pol oscillator \(thesis Eq\. 4\.1\), steady state/);
    expect(t.out()).toMatch(/\n {2}n {2}⟨n⟩ = \d\.\d{5}\n/);
    expect(t.out()).toContain(`results in ${join(tmp, 'human')}/ (scenario.json, results.json)`);
    expect(t.err()).toBe('');
  });

  it('prints one JSON line with --json; --no-progress keeps a TTY stderr quiet', async () => {
    const t = io(true);
    await runCommand(file, { out: join(tmp, 'json'), json: true, progress: false }, t.io);
    const lines = t.out().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ model: 'quantum-vdp', method: 'steady-state', runDir: join(tmp, 'json') });
    expect(t.err()).toBe('');
  });

  it('names the default run folder after the scenario file', async () => {
    const t = io(false);
    const cwd = process.cwd();
    process.chdir(tmp);
    try {
      await runCommand(file, { json: true }, t.io);
    } finally {
      process.chdir(cwd);
    }
    expect((JSON.parse(t.out()) as { runDir: string }).runDir).toMatch(/^runs\/vdp-\d{8}-\d{6}$/);
  });

  it('lets a scenario error through for main.ts to map to exit code 2', async () => {
    await expect(runCommand(join(tmp, 'nope.json'), {}, io(false).io)).rejects.toThrow(ScenarioError);
  });
});
