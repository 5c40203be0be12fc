import { describe, expect, it } from 'vitest';
import { KURAMOTO_BENCH_PARAMS } from './kuramoto-bench';
import { parseNumpyKuramotoBench, runNumpyKuramoto } from './kuramoto-numpy';
import { hasPythonModule } from './test-support/has-python-module';

const good = {
  numpy_version: '1.24.2',
  python_version: '3.11.2',
  params: { V: 1.5, G: 0.5, sigma: 0.5, dt: 0.01 },
  cases: [{ N: 64, steps: 5, reps: 1, step_us: 20, steps_per_second: 50000, drift_us: 10, trig_us: 5, normals_us: 4, rest_us: 6, final_r: 0.1 }],
};

describe('parseNumpyKuramotoBench', () => {
  it('returns the object the script printed', () => {
    expect(parseNumpyKuramotoBench(JSON.stringify(good) + '\n').cases[0].steps_per_second).toBe(50000);
  });

  it('skips lines printed on stdout before the result', () => {
    expect(parseNumpyKuramotoBench(`a warning\n${JSON.stringify(good)}\n`).cases[0].steps_per_second).toBe(50000);
  });

  it('rejects non-JSON, a missing cases array and cases without the timed fields', () => {
    expect(() => parseNumpyKuramotoBench('Traceback')).toThrow(/'text' must end with a line of JSON/);
    expect(() => parseNumpyKuramotoBench('{"cases":[]}')).toThrow(/'numpy_version' and a 'cases' array/);
    const bad = { ...good, cases: [{ ...good.cases[0], drift_us: 'slow' }] };
    expect(() => parseNumpyKuramotoBench(JSON.stringify(bad))).toThrow("parseNumpyKuramotoBench: case field 'drift_us' must be a number, got slow");
  });
});

describe('runNumpyKuramoto', () => {
  it('rejects an empty size list and an interpreter that cannot start', async () => {
    await expect(runNumpyKuramoto([])).rejects.toThrow(/'sizes' must list at least one N/);
    await expect(runNumpyKuramoto([64], { python: '/nonexistent/python3' })).rejects.toThrow(/could not start '\/nonexistent\/python3'/);
  });

  it.skipIf(!hasPythonModule('numpy'))('runs the script on a tiny problem (needs numpy at /usr/bin/python3)', async () => {
    const r = await runNumpyKuramoto([64], { steps: 5, reps: 1 });
    expect(r.cases.map((c) => c.N)).toEqual([64]);
    expect(r.cases[0].steps_per_second).toBeGreaterThan(0);
    // the same problem as the qsync side's (kuramoto-bench.ts), not a copy of the numbers
    expect(r.params).toEqual(KURAMOTO_BENCH_PARAMS);
    expect(r.cases[0]).toMatchObject({ N: 64, steps: 5, reps: 1 });
  });
});
