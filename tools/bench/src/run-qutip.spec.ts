import { describe, expect, it } from 'vitest';
import { parseQutipBench, runQutip } from './run-qutip';

const good = {
  qutip_version: '4.7.1',
  numpy_version: '1.24.2',
  scipy_version: '1.10.1',
  python_version: '3.11.2',
  platform: 'Linux',
  cases: [{ N: 8, nnz: 40064, rhs_ms: 0.07, mesolve_s: 1.3, steady_s: 0.03, mesolve_expect_re: [0], mesolve_expect_im: [0], steady_adagb: [0.5, 0.1] }],
};

describe('parseQutipBench', () => {
  it('returns the object the script printed', () => {
    const q = parseQutipBench(JSON.stringify(good) + '\n');
    expect(q.qutip_version).toBe('4.7.1');
    expect(q.cases[0].nnz).toBe(40064);
  });

  it('rejects non-JSON, a missing cases array and cases without the timed fields or series', () => {
    expect(() => parseQutipBench('Traceback (most recent call last)')).toThrow(/'text' is not JSON/);
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
});
