import { describe, expect, it } from 'vitest';
import { formatSpectrumReport, piSecondsScaled, type SpectrumBenchReport } from './spectrum-report';

const report = (qsyncSeconds: number, density: number[]): SpectrumBenchReport => ({
  date: '2026-12-06T12:00:00.000Z',
  mode: 'full',
  machine: { node: 'v20', cpu: 'cpu', cores: 2, loadBefore: [1, 1, 1], loadAfter: [1, 1, 1], qutip: '4.7.1' },
  params: { kappa: 1, kappa1: 3, kappa2: 1, delta: 5, V: 2, omegaMax: 10 },
  compared: [
    {
      qsync: { N: 8, freqs: 3, seconds: qsyncSeconds, density, fourierSeconds: 2, fourierDefect: 1e-11 },
      qutip: { N: 8, liouvillian_dim: 4096, nnz: 40064, freqs: 3, es_s: 100, pi_freqs: 1, pi_s: 40, omega: [-1, 0, 1], S_es: [1, 2, 4], pi_index: [1], S_pi: [2] },
    },
  ],
  alone: [{ N: 16, freqs: 3, seconds: 3, density: [1, 1, 1], fourierSeconds: null, fourierDefect: null }],
});

describe('formatSpectrumReport', () => {
  it('divides the faster QuTiP time by qsync and marks the 100× target', () => {
    // 'pi' scaled: 40 s × 3 = 120 s; 'es' 100 s is the faster: 100/0.5 = 200×
    const text = formatSpectrumReport(report(0.5, [1, 2, 4]));
    expect(piSecondsScaled(report(0.5, []).compared[0].qutip)).toBe(120);
    expect(text).toContain('| 8   |');
    expect(text).toContain('200× ✓');
    expect(text).toContain('120 s (40.0 s × 3)');
    expect(text).toContain('| 16  |');
  });

  it('does not mark a run below the target, and reports the largest relative difference', () => {
    const text = formatSpectrumReport(report(2, [1, 2, 4.4]));
    expect(text).toContain('50.0×');
    expect(text).not.toContain('✓ |');
    expect(text).toContain('0.10');
  });
});
