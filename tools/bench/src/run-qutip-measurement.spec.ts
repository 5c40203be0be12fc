import { describe, expect, it } from 'vitest';
import { benchKerrMesolve } from './measurement-bench';
import { parseQutipMeasurementBench, runQutipMeasurement } from './run-qutip-measurement';
import { hasPythonModule } from './test-support/has-python-module';

const mesolve = { atol: 1e-8, rtol: 1e-6, seconds: 0.4, times: [0, 1], H: [0, -1] };
const good = {
  qutip_version: '4.7.1',
  params: {},
  cases: {
    vdp: [{ N: 10, solver: 'milstein', dt: 1e-3, ntraj: 2, steps: 8000, seconds: 0.1, secondsPerStep: 1.25e-5 }],
    kerrMesolve: { default: mesolve, tight: { ...mesolve, atol: 1e-12, rtol: 1e-10 } },
    kerrSmesolve: [{ solver: 'milstein', ntraj: 1, steps: 9980, dt: 1.002e-3, seconds: 0.5, secondsPerStep: 5e-5, nEnd: 6 }],
  },
};

describe('parseQutipMeasurementBench', () => {
  it('returns the object the script printed, skipping earlier stdout lines', () => {
    expect(parseQutipMeasurementBench(`Calibrating OpenMP threshold...\n${JSON.stringify(good)}\n`).cases.vdp[0].secondsPerStep).toBe(1.25e-5);
  });

  it('rejects non-JSON, missing arrays, non-numeric times and mismatched ⟨H⟩ arrays, by field', () => {
    expect(() => parseQutipMeasurementBench('Traceback')).toThrow(/parseQutipMeasurementBench/);
    expect(() => parseQutipMeasurementBench('{"qutip_version":"4.7.1","cases":{}}')).toThrow(/'vdp' and 'kerrSmesolve' arrays/);
    const slow = { ...good, cases: { ...good.cases, vdp: [{ ...good.cases.vdp[0], secondsPerStep: 'slow' }] } };
    expect(() => parseQutipMeasurementBench(JSON.stringify(slow))).toThrow("vdp case field 'secondsPerStep' must be a number, got slow");
    const short = { ...good, cases: { ...good.cases, kerrMesolve: { ...good.cases.kerrMesolve, tight: { ...mesolve, H: [0] } } } };
    expect(() => parseQutipMeasurementBench(JSON.stringify(short))).toThrow("kerrMesolve.tight must have arrays 'times' and 'H' of one length");
    const ens = { ...good.cases.vdp[0], cpuSeconds: 0.1, processes: 2 };
    expect(() => parseQutipMeasurementBench(JSON.stringify({ ...good, cases: { ...good.cases, vdpEnsemble: [ens] } }))).toThrow("vdpEnsemble case field 'parallel' must be a boolean");
  });

  it('reads the vdP ensembles when present, and an older result without them as none', () => {
    expect(parseQutipMeasurementBench(JSON.stringify(good)).cases.vdpEnsemble).toEqual([]);
    const ens = { ...good.cases.vdp[0], cpuSeconds: 0.1, processes: 2, parallel: true };
    expect(parseQutipMeasurementBench(JSON.stringify({ ...good, cases: { ...good.cases, vdpEnsemble: [ens] } })).cases.vdpEnsemble[0].parallel).toBe(true);
  });
});

describe('runQutipMeasurement', () => {
  it('rejects an empty list and an interpreter that cannot start', async () => {
    await expect(runQutipMeasurement({ sizes: [] })).rejects.toThrow(/'sizes' must list at least one entry/);
    await expect(runQutipMeasurement({ python: '/nonexistent/python3' })).rejects.toThrow(/could not start '\/nonexistent\/python3'/);
  });

  it.skipIf(!hasPythonModule('qutip'))("solves qsync's Kerr problem (cutoff 6) and times both vdP schemes (needs python3-qutip)", async () => {
    const r = await runQutipMeasurement({ sizes: [4], vdpSteps: 100, vdpNtraj: 1, vdpEnsembleNtraj: 2, kerrN: 6, kerrNtraj: 1, kerrSamples: 3 });
    expect(r.cases.vdp.map((c) => [c.N, c.solver, c.steps])).toEqual([
      [4, 'euler-maruyama', 100],
      [4, 'milstein', 100],
    ]);
    expect(r.cases.kerrSmesolve.map((c) => [c.solver, c.ntraj, c.steps])).toEqual([['milstein', 1, 40]]);
    // each vdP ensemble serial and on 2 processes (parallel_map), with CPU time
    expect(r.cases.vdpEnsemble.map((c) => [c.solver, c.parallel, c.processes, c.steps])).toEqual([
      ['euler-maruyama', false, 1, 200],
      ['euler-maruyama', true, 2, 200],
      ['milstein', false, 1, 200],
      ['milstein', true, 2, 200],
    ]);
    for (const c of r.cases.vdpEnsemble) expect(c.cpuSeconds).toBeGreaterThanOrEqual(0);
    // the same master equation on both sides: ⟨H⟩(t) agrees to the integrators' tolerance
    // (both tight; |⟨H⟩| reaches about 0.4 at cutoff 6, and 1e-6 is far below any change of the model)
    const tight = r.cases.kerrMesolve?.tight;
    const q = await benchKerrMesolve({ rtol: 1e-10, atol: 1e-12 }, 1, 6);
    expect(tight?.H).toHaveLength(100);
    tight?.H.forEach((h, k) => expect(Math.abs(q.H[k] - h)).toBeLessThan(1e-6));
    expect(Math.max(...(tight?.H ?? []).map(Math.abs))).toBeGreaterThan(0.1);
  });
});
