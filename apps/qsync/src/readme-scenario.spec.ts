import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScenario } from './run/run-scenario';
import { validateScenario } from './scenario/validate-scenario';
import { jsonSummary } from './run/summary';

const here = (p: string): string => new URL(p, import.meta.url).pathname;
const readme = readFileSync(here('../README.md'), 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'qsync-readme-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The ```json block right after the marker comment `<!-- scenario-example: <file> -->`. */
function exampleAfterMarker(): { file: string; json: unknown } {
  const m = /<!-- scenario-example: (\S+) -->\s*```json\n([\s\S]*?)```/.exec(readme);
  if (m === null) throw new Error('README.md has no scenario example after a <!-- scenario-example: … --> marker');
  return { file: m[1], json: JSON.parse(m[2]) };
}

describe('README scenario example', () => {
  it('is a valid scenario', () => {
    expect(() => validateScenario(exampleAfterMarker().json)).not.toThrow();
  });

  it('is the scenario file it names (the default scenario)', () => {
    const { file, json } = exampleAfterMarker();
    expect(file).toBe('scenarios/default.json');
    expect(json).toEqual(JSON.parse(readFileSync(here(`../${file}`), 'utf8')));
  });

  it('matches the default scenario the brief asks for: κ = κ2 = 1, κ1 = 3, δ = 0.5, V = 1, cutoff 12', () => {
    const s = validateScenario(exampleAfterMarker().json);
    expect(s.parameters).toEqual({ cutoff: 12, kappa: 1, kappa1: 3, kappa2: 1, delta: 0.5, V: 1 });
    expect(s.method).toBe('steady-state');
    expect(s.observables).toEqual({ coherence: 'adagb', nA: 'na', nB: 'nb' });
    expect(s.method !== 'simulate' && s.probes).toEqual([{ type: 'relative-phase', points: 256 }]);
  });

  it('every shipped scenario validates', () => {
    const dir = here('../scenarios/');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(['adler-noisy-slips.json', 'default.json', 'spin-ensemble-cumulants.json', 'spin-ensemble-exact.json', 'spin-pair-locking.json', 'vdp-heterodyne-trajectories.json', 'vdp-pair-heterodyne-stream.json', 'vdp-pair-spectrum.json', 'vdp-time-evolution.json']);
    for (const f of files) expect(() => validateScenario(JSON.parse(readFileSync(join(dir, f), 'utf8')))).not.toThrow();
  });

  it('documents the --json summary with the keys a run prints', async () => {
    const block = /### `--json` summary[\s\S]*?```json\n([\s\S]*?)```/.exec(readme);
    expect(block).not.toBeNull();
    const documented = JSON.parse(block?.[1] ?? '{}') as Record<string, unknown>;
    const s = exampleAfterMarker().json as { parameters: Record<string, number> };
    // Cutoff 3 instead of 12 keeps this quick; the keys do not depend on it.
    const run = await runScenario({ ...s, parameters: { ...s.parameters, cutoff: 3 } }, { outDir: join(tmp, 'r'), progress: false });
    const printed = jsonSummary(run) as unknown as Record<string, unknown>;
    expect(Object.keys(documented)).toEqual(Object.keys(printed));
    expect(Object.keys(documented.observables as object)).toEqual(Object.keys(printed.observables as object));
    expect(documented.files).toEqual(printed.files);
  });
});
