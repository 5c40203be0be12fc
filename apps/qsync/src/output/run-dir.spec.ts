import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRunDir } from './run-dir';

const tmp = mkdtempSync(join(tmpdir(), 'qsync-dir-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('createRunDir', () => {
  const now = new Date(2024, 0, 31, 9, 5, 7);

  it('names the folder <name>-<YYYYMMDD-HHMMSS> under runsRoot and creates it', () => {
    const dir = createRunDir({ runsRoot: join(tmp, 'runs'), name: 'default', now });
    expect(dir).toBe(join(tmp, 'runs', 'default-20240131-090507'));
    expect(existsSync(dir)).toBe(true);
  });

  it('appends -2, -3 … when the folder exists (two runs in the same second)', () => {
    const runsRoot = join(tmp, 'same');
    const dirs = [1, 2, 3].map(() => createRunDir({ runsRoot, name: 'x', now }));
    expect(dirs).toEqual(['x-20240131-090507', 'x-20240131-090507-2', 'x-20240131-090507-3'].map((d) => join(runsRoot, d)));
  });

  it('uses outDir as given, creating parents', () => {
    const out = join(tmp, 'a', 'b');
    expect(createRunDir({ outDir: out, name: 'ignored' })).toBe(out);
    expect(existsSync(out)).toBe(true);
    expect(createRunDir({ outDir: out })).toBe(out); // an existing folder is reused
  });

  it('refuses an empty outDir and a name with a path separator', () => {
    expect(() => createRunDir({ outDir: '' })).toThrow("createRunDir: 'outDir' must not be empty");
    expect(() => createRunDir({ runsRoot: tmp, name: '../up' })).toThrow("createRunDir: 'name' must be a plain file name, got '../up'");
  });
});
