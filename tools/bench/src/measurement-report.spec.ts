import { describe, expect, it } from 'vitest';
import { formatMeasurementReport, kerrMesolvePairing, qutipSmesolveScaled, type MeasurementBenchReport } from './measurement-report';

const ref = { atol: 1e-12, rtol: 1e-10, seconds: 0.6, times: [0, 5, 10], H: [0, -4, -5] };
const report: MeasurementBenchReport = {
  date: '2026-12-06T13:00:00.000Z',
  mode: 'full',
  machine: { node: 'v20', cpu: 'EPYC', cores: 2, loadBefore: [3, 2, 1], loadAfter: [4, 3, 2], qutip: '4.7.1' },
  vdp: [
    { qsync: { N: 10, method: 'euler-maruyama', steps: 4000, secondsPerStep: 2e-6, cpuSecondsPerStep: 1.5e-6 }, qutip: { N: 10, solver: 'euler-maruyama', dt: 1e-3, ntraj: 2, steps: 8000, seconds: 0.04, secondsPerStep: 5e-6 } },
    { qsync: { N: 20, method: 'milstein', steps: 4000, secondsPerStep: 5e-5, cpuSecondsPerStep: 4e-5 }, qutip: null },
  ],
  vdpEnsemble: [
    {
      qsync: {
        N: 10,
        method: 'milstein',
        trajectories: 100,
        workers: 2,
        steps: 4000,
        seconds: 2,
        cpuSeconds: 3.2,
        secondsPerStep: 5e-6,
        coldStart: { seconds: 0.6, cpuSeconds: 0.9 },
        warmStart: { seconds: 0.25, cpuSeconds: 0.3 },
        tsxStart: { seconds: 1.5, cpuSeconds: 2 },
        startedSecondsPerStep: 1e-6,
        startedCpuSecondsPerStep: 1.9e-6,
        aEnd: [0.1, 0],
        aEndError: 0.05,
      },
      qutipSerial: { N: 10, solver: 'milstein', dt: 1e-3, ntraj: 100, steps: 400000, seconds: 4, secondsPerStep: 1e-5, cpuSeconds: 4, parallel: false, processes: 1 },
      qutipParallel: { N: 10, solver: 'milstein', dt: 1e-3, ntraj: 100, steps: 400000, seconds: 2.4, secondsPerStep: 6e-6, cpuSeconds: 4.4, parallel: true, processes: 2 },
    },
  ],
  kerrMesolve: {
    qsync: [
      { rtol: 1e-6, atol: 1e-8, seconds: 0.1, cpuSeconds: 0.1, H: [0, -4.001, -5] },
      { rtol: 1e-8, atol: 1e-10, seconds: 0.3, cpuSeconds: 0.25, H: [0, -4.00001, -5] },
    ],
    qutip: { default: { ...ref, atol: 1e-8, rtol: 1e-6, seconds: 0.5, H: [0, -4.0001, -5] }, tight: ref },
  },
  kerrSmesolve: {
    qsync: { method: 'milstein', trajectories: 100, workers: 2, steps: 10000, seconds: 100, cpuSeconds: 180, secondsPerStep: 2e-4, cpuSecondsPerStep: 1.5e-4, nEnd: 6, nEndError: 0.1 },
    qutip: [{ solver: 'milstein', ntraj: 4, steps: 39920, dt: 1.002e-3, seconds: 2, cpuSeconds: 1.5968, secondsPerStep: 5e-5, nEnd: 6.1 }],
  },
  profile: [{ problem: 'kerr', N: 50, method: 'milstein', rhs: 3e-5, step: 1.6e-4, trajectoryStep: 2e-4, positivityCheckEvery: 50, trajectoryStepNoCheck: 1.9e-4 }],
};

describe('kerrMesolvePairing', () => {
  it("pairs QuTiP's default run with qsync's fastest run that is at least as accurate", () => {
    // errors against the tight run: QuTiP 1e-4, qsync 1e-3 (0.1 s, too coarse) and 1e-5 (0.3 s)
    const p = kerrMesolvePairing(report.kerrMesolve);
    expect(p?.qsync.rtol).toBe(1e-8);
    expect(Math.abs((p?.qutipError ?? 0) - 1e-4)).toBeLessThan(1e-12);
    expect(Math.abs((p?.qsyncError ?? 0) - 1e-5)).toBeLessThan(1e-12);
    expect(p?.ratio).toBeCloseTo(0.6, 12);
  });

  it('gives null without QuTiP or when no qsync run is accurate enough', () => {
    expect(kerrMesolvePairing({ ...report.kerrMesolve, qutip: null })).toBeNull();
    expect(kerrMesolvePairing({ ...report.kerrMesolve, qsync: [report.kerrMesolve.qsync[0]] })).toBeNull();
  });
});

describe('qutipSmesolveScaled', () => {
  it("scales QuTiP's time per trajectory step to qsync's trajectory steps", () => {
    expect(qutipSmesolveScaled(report.kerrSmesolve.qutip[0], report.kerrSmesolve.qsync)).toBeCloseTo(50, 9);
  });
});

describe('formatMeasurementReport', () => {
  const text = formatMeasurementReport(report);

  it('states the run, the noise of a shared machine and the target', () => {
    expect(text).toContain('Run 2026-12-06T13:00:00.000Z (full). Node v20, EPYC (2 cores), QuTiP 4.7.1.');
    expect(text).toContain('noisy');
    expect(text).toContain('≤ 0.2×');
  });

  it('gives each vdP row its times and ratio, marked only when at most 0.2×, and — without QuTiP', () => {
    expect(text).toMatch(/\| 10 +\| euler-maruyama \| +2\.00 µs \| +1\.50 µs \| +5\.00 µs \| +— \| +0\.40× \|/);
    expect(text).toMatch(/\| 20 +\| +milstein \| +50\.0 µs \| +40\.0 µs \| +— \| +— \| +— \|/);
  });

  it("gives the vdP ensemble's time per trajectory step of one call and on a started pool, CPU, the three pool starts, both ratios against QuTiP's faster map", () => {
    // one call 5 µs per step; QuTiP 10 µs serial, 6 µs on 2 processes: 5/6 = 0.83×; CPU 3.2 s / 4e5 steps = 8 µs;
    // started pool 1 µs: 1/6 = 0.17× (met); starts as wall │ CPU
    expect(text).toMatch(
      /\| 10 +\| milstein \| +5\.00 µs \| +8\.00 µs \| +600 ms │ 900 ms \| +250 ms │ 300 ms \| +1\.50 s │ 2\.00 s \| +1\.00 µs │ 1\.90 µs \| +10\.0 µs \| +6\.00 µs \| +11\.0 µs \| +0\.83× \| +0\.17× ✓ \|/,
    );
    expect(text).toContain('100 trajectories × 4000 steps on 2 workers');
  });

  it('reports the equal-accuracy mesolve pairing and the scaled smesolve ratio', () => {
    expect(text).toContain("qsync's fastest run with error ≤ QuTiP's default (1.00e-5 ≤ 1.00e-4) is rtol 1.00e-8: qsync/QuTiP = 0.60×.");
    // 100 s on 2 workers against QuTiP's 5e-5 s/step × 1e6 steps = 50 s: 2×
    // QuTiP CPU 1.5968 s / 39920 steps = 40 µs per step, 40 s scaled
    expect(text).toMatch(/\| QuTiP \| +milstein \| +4, serial \(scaled\) \| +50\.0 s \| +40\.0 s \| +50\.0 µs \| +40\.0 µs \| +6\.10 \| +2\.00× \|/);
    expect(text).toMatch(/\| qsync \| +milstein \| +100 on 2 workers \| +100 s \| +180 s \| +200 µs \| +150 µs \| +6\.00 ± 0\.100 \|/);
    expect(text).toMatch(/\| kerr +\| +50 \| +milstein \| +30\.0 µs \| +160 µs \| +200 µs \(k = 50\) \| +190 µs \|/);
  });

  it('marks a ratio that meets the target', () => {
    const fast = formatMeasurementReport({ ...report, kerrSmesolve: { ...report.kerrSmesolve, qsync: { ...report.kerrSmesolve.qsync, seconds: 5 } } });
    expect(fast).toMatch(/0\.10× ✓ \|/);
  });
});
