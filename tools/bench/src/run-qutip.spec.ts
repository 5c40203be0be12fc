import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseQutipBench, runQutip } from './run-qutip';
import { calibratedQutipHome } from './test-support/calibrated-qutip-home';
import { hasPythonModule } from './test-support/has-python-module';

const good = {
  qutip_version: '4.7.1',
  numpy_version: '1.24.2',
  scipy_version: '1.10.1',
  python_version: '3.11.2',
  platform: 'Linux',
  cases: [{ N: 8, nnz: 40064, rhs_ms: 0.07, mesolve_s: 1.3, steady_s: 0.03, mesolve_expect_re: [0], mesolve_expect_im: [0], steady_adagb: [0.5, 0.1] }],
};

const CALIBRATING = 'Calibrating OpenMP threshold...';
const scratch = mkdtempSync(join(tmpdir(), 'qsync-run-qutip-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('parseQutipBench', () => {
  it('returns the object the script printed', () => {
    const q = parseQutipBench(JSON.stringify(good) + '\n');
    expect(q.qutip_version).toBe('4.7.1');
    expect(q.cases[0].nnz).toBe(40064);
  });

  it('skips what QuTiP prints on stdout at its first import on a machine (the bench failed there)', () => {
    const q = parseQutipBench(`${CALIBRATING}\n${JSON.stringify(good)}\n`);
    expect(q.cases[0].nnz).toBe(40064);
  });

  it('rejects non-JSON, a missing cases array and cases without the timed fields or series', () => {
    expect(() => parseQutipBench('Traceback (most recent call last)')).toThrow(/'text' must end with a line of JSON/);
    expect(() => parseQutipBench(`${JSON.stringify(good)}\n${CALIBRATING}`)).toThrow(/'text' must end with a line of JSON/);
    expect(() => parseQutipBench('{"qutip_version":"4.7.1"}')).toThrow(/'cases' array/);
    const noTime = { ...good, cases: [{ ...good.cases[0], mesolve_s: 'slow' }] };
    expect(() => parseQutipBench(JSON.stringify(noTime))).toThrow(/case field 'mesolve_s' must be a number, got slow/);
    const noSeries = { ...good, cases: [{ ...good.cases[0], steady_adagb: undefined }] };
    expect(() => parseQutipBench(JSON.stringify(noSeries))).toThrow(/N = 8 must carry mesolve_expect_re/);
  });
});

describe('runQutip', () => {
  it('rejects an empty size list without starting Python', async () => {
    await expect(runQutip([])).rejects.toThrow(/'sizes' must list at least one cutoff/);
  });

  it('reports an interpreter that cannot be started', async () => {
    await expect(runQutip([2], { python: '/nonexistent/python3' })).rejects.toThrow(/could not start '\/nonexistent\/python3'/);
  });

  it('reports a script that exits non-zero, with its stderr', async () => {
    // `node -e` as the "interpreter": the script path is its code, which fails at once.
    await expect(runQutip([2], { python: process.execPath, script: '-e', reps: 1 })).rejects.toThrow(/exited with code/);
  });

  it('parses the result of a script that printed a line on stdout before it, and logs that line', async () => {
    const fake = join(scratch, 'fake-qutip-bench.mjs');
    writeFileSync(fake, `process.stdout.write(${JSON.stringify(`${CALIBRATING}\n${JSON.stringify(good)}\n`)});\n`);
    const lines: string[] = [];
    const q = await runQutip([8], { python: process.execPath, script: fake, reps: 1, onLog: (l) => lines.push(l) });
    expect(q.cases[0].nnz).toBe(40064);
    expect(lines).toEqual([`stdout: ${CALIBRATING}`]);
  });

  // The real script at N = 2 (about a second), where QuTiP's import writes to stdout both through
  // Python and on file descriptor 1 directly, as QuTiP 4.7 does through print() when it calibrates
  // (a real calibration takes 15 s: the HOME given here already has its result, and the shim
  // below prints instead). The result must still be the script's stdout, alone.
  it.skipIf(!hasPythonModule('qutip'))('runs python/qutip_bench.py whose QuTiP import writes to stdout (needs python3-qutip)', async () => {
    const home = calibratedQutipHome(join(scratch, 'home'));
    const shim = join(scratch, 'shim');
    mkdirSync(shim, { recursive: true });
    writeFileSync(
      join(shim, 'sitecustomize.py'),
      [
        'import builtins, os, sys',
        '_import = builtins.__import__',
        'def _noisy(name, *args, **kwargs):',
        "    if name == 'qutip' and 'qutip' not in sys.modules:",
        `        print(${JSON.stringify(CALIBRATING)})`,
        "        sys.stdout.flush()",
        "        os.write(1, b'written on fd 1\\n')",
        '    return _import(name, *args, **kwargs)',
        'builtins.__import__ = _noisy',
        '',
      ].join('\n'),
    );
    const lines: string[] = [];
    const q = await runQutip([2], { reps: 1, env: { HOME: home, PYTHONPATH: shim }, onLog: (l) => lines.push(l) });
    expect(q.qutip_version).toBe('4.7.1');
    expect(q.cases.map((c) => c.N)).toEqual([2]);
    // the shim ran, and its output went to stderr (progress), not into the result
    expect(lines).toContain(CALIBRATING);
    expect(lines).toContain('written on fd 1');
    expect(lines.filter((l) => l.startsWith('stdout: '))).toEqual([]);
  });
});
