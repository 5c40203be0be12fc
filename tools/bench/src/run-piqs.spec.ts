import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { benchDickeQsync } from './dicke-bench';
import { parsePiqsBench, runPiqs } from './run-piqs';
import { hasPythonModule } from './test-support/has-python-module';

const good = {
  qutip_version: '4.7.1',
  numpy_version: '1.24.2',
  scipy_version: '1.10.1',
  python_version: '3.11.2',
  cases: [{ N: 4, nds: 9, liouvillian_dim: 81, nnz: 60, build_s: 0.001, steady_s: 0.001, Sz: 0.5, SpSm: 3 }],
};

describe('parsePiqsBench', () => {
  it('returns the object the script printed, skipping earlier stdout lines', () => {
    expect(parsePiqsBench(`Calibrating OpenMP threshold...\n${JSON.stringify(good)}\n`).cases[0].nds).toBe(9);
  });

  it('rejects non-JSON, a missing cases array and cases without the timed fields', () => {
    expect(() => parsePiqsBench('Traceback')).toThrow(/parsePiqsBench/);
    expect(() => parsePiqsBench('{"cases":[]}')).toThrow(/'qutip_version' and a 'cases' array/);
    const bad = { ...good, cases: [{ ...good.cases[0], steady_s: 'slow' }] };
    expect(() => parsePiqsBench(JSON.stringify(bad))).toThrow("parsePiqsBench: case field 'steady_s' must be a number, got slow");
  });
});

describe('runPiqs', () => {
  it('rejects an empty size list and an interpreter that cannot start', async () => {
    await expect(runPiqs([])).rejects.toThrow(/'sizes' must list at least one N/);
    await expect(runPiqs([4], { python: '/nonexistent/python3' })).rejects.toThrow(/could not start '\/nonexistent\/python3'/);
  });

  it.skipIf(!hasPythonModule('qutip'))('solves the same problem as the qsync side (N = 4, needs python3-qutip)', async () => {
    const r = await runPiqs([4], { reps: 1 });
    expect(r.cases.map((c) => c.N)).toEqual([4]);
    const q = benchDickeQsync(4, { reps: 1 });
    // PIQS's single-precision coefficients bound the agreement (see test/qutip-piqs.spec.ts): 1e-6
    expectClose(q.Sz, r.cases[0].Sz, { rtol: 1e-6 });
    expectClose(q.SpSm, r.cases[0].SpSm, { rtol: 1e-6 });
  }, 60_000);
});
