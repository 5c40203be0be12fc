import { describe, expect, it } from 'vitest';
import { createAxis } from './axis';

const linear = (lo: number, hi: number, count = 5, nice = false) => createAxis('plot', 'x', 'linear', lo, hi, count, nice);

describe('createAxis (internal)', () => {
  it('takes d3-scale ticks: steps of 1, 2 or 5 × 10^k, clean values, labels with the decimals the step needs', () => {
    expect(linear(0, 1).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(linear(0, 1).labels).toEqual(['0', '0.2', '0.4', '0.6', '0.8', '1.0']);
    expect(linear(-Math.PI, Math.PI, 8).ticks).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    expect(linear(-Math.PI, Math.PI, 8).labels).toEqual(['−3', '−2', '−1', '0', '1', '2', '3']);
    expect(linear(0.1, 0.3, 4).ticks).toEqual([0.1, 0.15, 0.2, 0.25, 0.3]);
    expect(linear(-2e-7, 8e-7).labels).toEqual(['−2e−7', '0', '2e−7', '4e−7', '6e−7', '8e−7']);
    expect(linear(0, 1e6).labels).toEqual(['0', '2e+5', '4e+5', '6e+5', '8e+5', '1e+6']);
  });

  it('keeps the range unless asked to make it nice (whole steps)', () => {
    const t = linear(0.13, 0.87);
    expect(t.ticks).toEqual([0.2, 0.4, 0.6, 0.8]);
    expect([t.lo, t.hi]).toEqual([0.13, 0.87]);
    const n = linear(0.13, 0.87, 6, true);
    expect([n.lo, n.hi]).toEqual([0.1, 0.9]);
    expect(n.unit(0.1)).toBe(0);
    expect(n.unit(0.5)).toBeCloseTo(0.5, 15);
  });

  it('widens a range of zero or rounding-noise width about its middle', () => {
    expect([linear(0, 0).lo, linear(0, 0).hi]).toEqual([-1, 1]);
    const t = linear(5, 5);
    expect([t.lo, t.hi]).toEqual([4.5, 5.5]);
    expect(t.ticks).toContain(5);
    const q = 1 / (2 * Math.PI);
    const r = linear(q * (1 - 1e-16), q * (1 + 1e-16), 6, true);
    expect(r.ticks.length).toBeGreaterThan(2);
    expect(r.ticks.length).toBeLessThan(12);
    expect(r.lo).toBeLessThan(q * 0.95);
    expect(r.hi).toBeGreaterThan(q * 1.05);
  });

  it('makes log axes of decades, nice to whole decades', () => {
    const a = createAxis('plot', 'y', 'log', 0.003, 40, 6, true);
    expect([a.lo, a.hi]).toEqual([0.001, 100]);
    expect(a.unit(0.1)).toBeCloseTo(0.4, 14); // two of five decades
    expect(a.labels.filter((l) => l !== '')).toEqual(['0.001', '0.01', '0.1', '1', '10', '100']);
  });

  it('refuses non-finite or reversed ranges, and a log axis through 0', () => {
    expect(() => linear(NaN, 1)).toThrow('plot: the x range must be finite with lo ≤ hi, got [NaN, 1]');
    expect(() => linear(1, 0)).toThrow('lo ≤ hi');
    expect(() => createAxis('plot', 'y', 'log', 0, 1, 5, false)).toThrow('plot: a log y axis needs positive values, got 0');
  });
});
