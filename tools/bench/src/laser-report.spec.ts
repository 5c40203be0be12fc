import { describe, expect, it } from 'vitest';
import type { LaserQsyncCase } from './laser-bench';
import type { QutipLaserCase } from './laser-qutip';
import { formatLaserReport, laserAgreement, type LaserBenchReport } from './laser-report';

const qutip: QutipLaserCase = {
  params: {},
  hilbert_dim: 160,
  liouvillian_dim: 25600,
  nnz: 275456,
  reps: 3,
  has_mkl: false,
  steadystate_s: 4,
  steadystate_cpu_s: 3,
  expect: { n: [0.12, 0], adagSigmaMinusD1: [0, 0.16] },
  omega: [-0.5, 0.5],
  spectrum_s: 50,
  spectrum_cpu_s: 30,
  S: [0.4, 0.5],
};

const report = (dn: number, dS: number): LaserBenchReport => {
  const q: LaserQsyncCase = {
    reps: 3,
    steadyStateSeconds: 0.5,
    steadyStateCpuSeconds: 0.25,
    spectrumSeconds: 2,
    spectrumCpuSeconds: 1,
    moments: { n: [0.12 + dn, 0], adagSigmaMinusD1: [0, 0.16] },
    omega: [-0.5, 0.5],
    S: [0.4, 0.5 + dS],
  };
  return {
    date: '2026-12-06T18:00:00.000Z',
    mode: 'full',
    machine: { node: 'v20', cpu: 'cpu', cores: 2, loadBefore: [9, 8, 7], loadAfter: [10, 9, 8], qutip: '4.7.1', scipy: '1.10.1' },
    params: { Nd: 3, Nud: 1, cutoff: 10, Omega: 0.5, kappa: 4, gammaPlus: 1, gammaMinus: 0.05, gammaZ: 0.1, detuning: 0 },
    qsync: q,
    qutip,
  };
};

describe('laserAgreement', () => {
  it('takes the largest complex |Δ| of the moments and max |ΔS| / max S', () => {
    const a = laserAgreement(report(2e-7, 5e-8).qsync, qutip);
    expect(a.moments / 2e-7).toBeCloseTo(1, 6);
    expect(a.spectrum / 1e-7).toBeCloseTo(1, 6);
  });

  it('refuses a moment qsync lacks and spectra of different lengths, by name', () => {
    const q = report(0, 0).qsync;
    expect(() => laserAgreement({ ...q, moments: { n: [0.12, 0] } }, qutip)).toThrow(/adagSigmaMinusD1/);
    expect(() => laserAgreement({ ...q, S: [1] }, qutip)).toThrow(/1 and 2 frequencies/);
  });
});

describe('formatLaserReport', () => {
  it('states the load, wall and CPU of both sides, and the ratios QuTiP ÷ qsync', () => {
    const text = formatLaserReport(report(0, 0));
    expect(text).toContain('before 9.00 / 8.00 / 7.00, after 10.00 / 9.00 / 8.00');
    // steady state 4 s / 0.5 s, spectrum 50 s / 2 s
    expect(text).toMatch(/\| steady state +\| +4\.00 s \| +3\.00 s \| +500 ms \| +250 ms \| +8\.00× \|/);
    expect(text).toMatch(/\| spectrum, 2 frequencies +\| +50\.0 s \| +30\.0 s \| +2\.00 s \| +1\.00 s \| +25\.0× \|/);
  });

  it('marks agreement within 1e-6 and leaves a larger deviation unmarked', () => {
    const good = formatLaserReport(report(3e-12, 0));
    expect(good).toMatch(/⟨a†a⟩ .*3\.0e-12 ✓/);
    const bad = formatLaserReport(report(2e-6, 1e-3));
    expect(bad).toMatch(/⟨a†a⟩ .*2\.0e-6 \|/);
    expect(bad).toMatch(/max \\|ΔS\\| \/ max S .*0\.0020 \|/);
  });
});
