import { describe, expect, it } from 'vitest';
import type { QsyncCase } from './bench-qsync';
import { formatReport, type BenchReport } from './format-report';
import type { QutipCase } from './run-qutip';

const series = (v: number) => Array.from({ length: 3 }, () => v);

function report(N: number, withRef: boolean): BenchReport {
  const qsync: QsyncCase = {
    N,
    dim: N * N,
    nnz: 1000,
    liouvillian_ms: 1,
    rhs_terms: 13,
    rhs_hermitian: true,
    rhs_ms: 0.02,
    rhs_csr_ms: 0.1,
    rhs_reps: 10,
    block_size: 100,
    block_nnz: 300,
    rhs_block_ms: 0.01,
    mesolve_s: 0.2,
    dp5: { s: 2, rhs_s: 1, steps: 900, rejected: 4, rhs_evaluations: 5400 },
    dp5_block: { s: 0.3, rhs_s: 0.2, steps: 900, rejected: 2, rhs_evaluations: 5400 },
    max_decay_rate: 126,
    mesolve_expect_re: series(0.5),
    mesolve_expect_im: series(0.1),
    steady_s: 0.06,
    steady_method: 'direct',
    steady_residual: 1e-15,
    steady_block_size: 100,
    steady_adagb: [0.5, 0.1],
  };
  const qutip: QutipCase = {
    N,
    dim: N * N,
    liouvillian_dim: N ** 4,
    nnz: 1200,
    build_ms: 5,
    rhs_ms: 0.08,
    rhs_scipy_ms: 0.06,
    rhs_reps: 10,
    mesolve_s: 1,
    mesolve_steps: 3500,
    mesolve_rhs_evaluations: 7800,
    steady_s: 0.03,
    mesolve_t_end: 20,
    mesolve_n_t: 3,
    mesolve_expect_re: series(0.5 + 3e-8),
    mesolve_expect_im: series(0.1 - 4e-8),
    steady_adagb: [0.5, 0.1],
  };
  return {
    date: '2026-01-01T00:00:00.000Z',
    mode: 'full',
    machine: { node: 'v20', cpu: 'CPU', cores: 2, loadBefore: [0.5, 0.4, 0.3], loadAfter: [1, 1, 1], qutip: '4.7.1', numpy: '1', scipy: '1', python: '3' },
    triadGBs: 10,
    triadDramGBs: 6,
    cases: [{ qsync, qutip }],
    reference: withRef ? { N, adagb_re: series(0.5), adagb_im: series(0.1 + 1e-9), steady_adagb: [0.5, 0.1 + 2e-12], atol: 1e-12, rtol: 1e-10 } : null,
  };
}

describe('formatReport', () => {
  const text = formatReport(report(12, true));

  it('opens with the machine line and states the load', () => {
    expect(text.startsWith('Run 2026-01-01T00:00:00.000Z (full). Node v20, CPU (2 cores), QuTiP 4.7.1')).toBe(true);
    expect(text).toContain('before 0.50 / 0.40 / 0.30, after 1.00 / 1.00 / 1.00');
  });

  it('puts qsync, QuTiP and their ratio in the timing table, marking ratios ≤ 0.5', () => {
    expect(text).toContain('**N = 12**');
    // mesolve 0.2 s vs 1 s → 0.20, meets the target; steady 60 ms vs 30 ms → 2.00, does not.
    expect(text).toMatch(/\| mesolve t ∈ \[0, 20\], 201 outputs +\| +200 ms \| +1\.00 s \| +0\.20× ✓ \|/);
    expect(text).toMatch(/\| steady state \(qsync direct │ QuTiP direct\) +\| +60\.0 ms \| +30\.0 ms \| +2\.00× \|/);
    expect(text).toMatch(/one RHS on all of ρ: qsync stencil │ QuTiP spmv +\| +20\.0 µs \| +80\.0 µs \| +0\.25× ✓/);
  });

  it('reports integrator work with the time outside the RHS per step', () => {
    // (2 s − 1 s) / (900 + 4) attempts = 1.106… ms.
    expect(text).toMatch(/\| 12 +\| qsync DP5 \+ stencil, all of ρ +\| +900 \(4\) \| +5400 \| +1\.00 s \| +2\.00 s \| +1\.11 ms \|/);
    // QuTiP: 7800 × 80 µs = 624 ms in RHS, (1 − 0.624) s / 3500 steps = 107 µs.
    expect(text).toMatch(/QuTiP zvode Adams \+ spmv, all of ρ +\| +3500 \| +7800 \| +≈ 624 ms \| +1\.00 s \| +≈ 107 µs \|/);
    // 126·20/3.3 = 763.6… → 764 steps.
    expect(text).toContain('N = 12: 126 → h ≤ 0.0262, ≥ 764 steps');
  });

  it('computes the accuracy columns against QuTiP and the reference', () => {
    // |Δ| = hypot(3e-8, 4e-8) = 5e-8; vs ref: qsync 1e-9, QuTiP hypot(3e-8, 4.1e-8).
    expect(text).toMatch(/\| 12 +\| +5\.0e-8 \| +0 \| +1\.0e-9 \| +5\.1e-8 \| +2\.0e-12 \| +2\.0e-12 \|/);
  });

  it('leaves the reference columns empty at sizes without a reference', () => {
    const t = formatReport(report(8, false));
    expect(t).toMatch(/\| 8 +\| +5\.0e-8 \| +0 \| +— \| +— \| +— \| +— \|/);
    expect(t).toContain('No reference loaded');
  });

  it('divides bytes by the triad bandwidth for the bounds', () => {
    // CSR at N = 12: 1200·20 + 20737·4 + 20736·32 = 770 500 B → 77.05 µs at 10 GB/s; spmv 80 µs → 1.0.
    expect(text).toMatch(/\| 12 +\| +771 kB \| +77\.[01] µs \| +80\.0 µs \(1\.0\) \| +100 µs \(1\.3\) \|/);
    // Stencil, n = 144, 13 terms: memory 1 052 928 B, loops 7 175 808 B → 105 µs and 718 µs; 20 µs is 0.19 and 0.028 of them.
    expect(text).toContain('1.05 MB │ 7.18 MB');
    expect(text).toContain('105 µs │ 718 µs');
    expect(text).toContain('20.0 µs (0.19 │ 0.028)');
  });
});
