import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ScenarioError } from '../common/errors';
import { readScenarioFile } from './read-scenario-file';

const tmp = mkdtempSync(join(tmpdir(), 'qsync-read-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('readScenarioFile', () => {
  it('parses a JSON file', () => {
    const file = join(tmp, 'ok.json');
    writeFileSync(file, '{ "model": "quantum-vdp" }');
    expect(readScenarioFile(file)).toEqual({ model: 'quantum-vdp' });
  });

  it('refuses a missing file with a ScenarioError naming it', () => {
    const file = join(tmp, 'missing.json');
    expect(() => readScenarioFile(file)).toThrow(ScenarioError);
    expect(() => readScenarioFile(file)).toThrow(`${file}: cannot read the scenario file (ENOENT)`);
  });

  it('refuses a file that is not JSON', () => {
    const file = join(tmp, 'bad.json');
    writeFileSync(file, '{ "model": ');
    expect(() => readScenarioFile(file)).toThrow(`${file}: is not valid JSON: `);
  });
});
