import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runBenchProgram } from './run-bench-program';

const readme = { start: '<!-- demo:start -->', end: '<!-- demo:end -->', section: 'demo section' };

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'run-bench-program-'));
  const files = { outDir: `${dir}/out/`, readme: join(dir, 'README.md') };
  writeFileSync(files.readme, `# demo\n${readme.start}\nold\n${readme.end}\ntail\n`);
  const stderr = vi.spyOn(console, 'error').mockImplementation(() => {});
  const stdout = vi.spyOn(console, 'log').mockImplementation(() => {});
  return { files, stderr, stdout };
}

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe('runBenchProgram', () => {
  it('prints the text, writes the report with the raw output, and rewrites the README section of a full run', async () => {
    const { files, stderr, stdout } = setup();
    await runBenchProgram(
      {
        name: 'demo bench',
        file: 'demo',
        parseArgs: (argv) => ({ quick: argv.includes('--quick'), writeReadme: !argv.includes('--quick') }),
        readme,
        async measure(opts, { log, loadBefore, header }) {
          log(`quick ${opts.quick}`);
          return { report: { ...header({ tool: '1.0' }), loadSeen: loadBefore.length }, raw: { toolRaw: { x: 1 } }, text: 'the report' };
        },
      },
      [],
      files,
    );
    expect(stdout).toHaveBeenCalledWith('the report');
    expect(stderr).toHaveBeenCalledWith('[demo bench] quick false');
    const [name] = readdirSync(files.outDir);
    expect(name).toMatch(/^demo-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.json$/);
    const written = JSON.parse(readFileSync(files.outDir + name, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(written)).toEqual(['date', 'mode', 'machine', 'loadSeen', 'toolRaw']);
    expect(written).toMatchObject({ mode: 'full', machine: { tool: '1.0' }, loadSeen: 3, toolRaw: { x: 1 } });
    expect(readFileSync(files.readme, 'utf8')).toBe(`# demo\n${readme.start}\n\nthe report\n\n${readme.end}\ntail\n`);
    expect(stderr).toHaveBeenCalledWith(`[demo bench] rewrote the demo section of ${files.readme}`);
    expect(process.exitCode).toBeUndefined();
  });

  it('leaves the README alone when writeReadme is false', async () => {
    const { files } = setup();
    const before = readFileSync(files.readme, 'utf8');
    await runBenchProgram(
      { name: 'demo bench', file: 'demo', parseArgs: () => ({ quick: true, writeReadme: false }), readme, measure: async (_opts, c) => ({ report: c.header({}), raw: {}, text: 'x' }) },
      [],
      files,
    );
    expect(readFileSync(files.readme, 'utf8')).toBe(before);
    expect(readdirSync(files.outDir)).toHaveLength(1);
  });

  it('prints an error and sets exit code 1 instead of rejecting', async () => {
    const { files, stderr } = setup();
    await runBenchProgram(
      {
        name: 'demo bench',
        file: 'demo',
        parseArgs: () => ({ quick: false, writeReadme: true }),
        readme,
        measure: () => Promise.reject(new Error('demo bench: the other side returned no case for N = 3')),
      },
      [],
      files,
    );
    expect(stderr).toHaveBeenCalledWith('demo bench: the other side returned no case for N = 3');
    expect(process.exitCode).toBe(1);
  });
});
