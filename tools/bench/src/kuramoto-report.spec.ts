import { describe, expect, it } from 'vitest';
import { formatKuramotoReport, formatSpeedRatio } from './kuramoto-report';
import { sampleKuramotoReport as report } from './test-support/sample-reports';

describe('formatSpeedRatio', () => {
  it('divides steps per second and marks ratios ≥ 1', () => {
    expect(formatSpeedRatio(1300, 1200)).toBe('1.08× ✓');
    expect(formatSpeedRatio(1200, 1200)).toBe('1.00× ✓');
    expect(formatSpeedRatio(900, 1200)).toBe('0.75×');
    expect(formatSpeedRatio(null, 1200)).toBe('—');
    expect(() => formatSpeedRatio(0, 1)).toThrow('formatSpeedRatio: arguments must be finite rates > 0, got 0 and 1');
  });
});

describe('formatKuramotoReport', () => {
  const text = formatKuramotoReport(report);

  it('states the machine, the load and the problem', () => {
    expect(text.split('\n')[0]).toBe(
      'Run 2026-01-01T00:00:00.000Z (full). Node v20, CPU (2 cores), NumPy 1.24.2 (Python 3.11.2). ' +
        'Load average (1 / 5 / 15 min) before 0.50 / 0.50 / 0.50, after 1.00 / 1.00 / 1.00. ' +
        'Problem: V = 1.5, G = 0.5 (random Lorentzian ω), σ = 0.5, dt = 0.01, one realization.',
    );
  });

  it('puts steps per second and their ratios in one row per N', () => {
    const row = text.split('\n').find((l) => l.startsWith('| 16384 ') && l.includes('×'));
    expect(row?.split('|').map((c) => c.trim()).slice(1, -1)).toEqual(['16384', '1000', '980', '1250', '0.80×', '0.78×']);
  });

  it('splits one step into drift, cos + sin, normals and the rest', () => {
    const cells = (part: string) =>
      text
        .split('\n')
        .find((l) => l.includes(`| ${part} `))
        ?.split('|')
        .map((c) => c.trim())
        .slice(3, 5);
    expect(cells('whole step')).toEqual(['1000', '800']);
    expect(cells('drift: cos, sin, z, f (qsync: WebAssembly SIMD)')).toEqual(['250', '600']);
    expect(cells('N normals (ziggurat, both)')).toEqual(['560', '190']);
    expect(cells('N normals, polar method (reference)')).toEqual(['1200', '—']);
    expect(cells('rest: scale ΔW, update, checks')).toEqual(['190', '10.0']);
  });
});
