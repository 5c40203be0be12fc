import { describe, expect, it } from 'vitest';
import { formatDickeReport, type DickeBenchReport } from './dicke-report';

const report: DickeBenchReport = {
  date: '2026-12-06T12:00:00.000Z',
  mode: 'full',
  machine: { node: 'v20', cpu: 'cpu', cores: 2, loadBefore: [0.5, 0.5, 0.5], loadAfter: [1, 1, 1], qutip: '4.7.1' },
  params: { V: 4, gammaPlus: 1, gammaMinus: 0.2, gammaZ: 0.1 },
  compared: [
    {
      qsync: { N: 10, blockSize: 36, steady_s: 0.001, method: 'direct', residual: 1e-16, Sz: 0.75, SpSm: 7.75 },
      piqs: { N: 10, nds: 36, liouvillian_dim: 1296, nnz: 1716, build_s: 0.003, steady_s: 0.004, Sz: 0.75 * (1 + 1e-8), SpSm: 7.75 },
    },
    {
      qsync: { N: 20, blockSize: 121, steady_s: 0.03, method: 'direct', residual: 1e-16, Sz: 2.5, SpSm: 24 },
      piqs: { N: 20, nds: 121, liouvillian_dim: 14641, nnz: 12831, build_s: 0.06, steady_s: 0.02, Sz: 2.5, SpSm: 24 },
    },
  ],
  alone: [{ N: 200, blockSize: 10201, steady_s: 1.2, method: 'iterative', residual: 1e-13, Sz: 40, SpSm: 900 }],
};

describe('formatDickeReport', () => {
  it('marks ratios at or below 1 (no slower than PIQS) and not those above', () => {
    const text = formatDickeReport(report);
    expect(text).toMatch(/\| 10 .*0\.25× ✓/);
    expect(text).toMatch(/\| 20 .*1\.50× /);
    expect(text).not.toMatch(/1\.50× ✓/);
    expect(text).toMatch(/1\.0e-8/); // relative difference of ⟨Sz⟩
    expect(text).toMatch(/### qsync alone[\s\S]*\| 200 .*10201 .*iterative/);
  });
});
