import { describe, expect, it } from 'vitest';
import { formatReport } from './format-report';
import { sampleBenchReport as report } from './test-support/sample-reports';

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
