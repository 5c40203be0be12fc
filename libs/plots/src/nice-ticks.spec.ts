import { describe, expect, it } from 'vitest';
import { niceTicks } from './nice-ticks';

describe('niceTicks', () => {
  it('gives steps of 1, 2 or 5 × 10^k with clean values', () => {
    expect(niceTicks(0, 1)).toEqual({ values: [0, 0.2, 0.4, 0.6, 0.8, 1], step: 0.2, lo: 0, hi: 1 });
    expect(niceTicks(-Math.PI, Math.PI, 8).values).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    expect(niceTicks(0, 3, 8).values).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3]);
    expect(niceTicks(0.1, 0.3, 4).values).toEqual([0.1, 0.15, 0.2, 0.25, 0.3]);
    expect(niceTicks(-2e-7, 8e-7, 5).step).toBe(2e-7);
  });

  it('keeps ticks inside the range unless asked to extend it to whole steps', () => {
    // (0.87 − 0.13)/5 = 0.148 rounds to the step 0.1.
    const t = niceTicks(0.13, 0.87, 5);
    expect(t.values).toEqual([0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]);
    expect([t.lo, t.hi]).toEqual([0.13, 0.87]);
    const e = niceTicks(0.13, 0.87, 5, true);
    expect([e.lo, e.hi]).toEqual([0.1, 0.9]);
    expect(e.values).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
    const w = niceTicks(0.13, 0.87, 3, true);
    expect(w).toEqual({ values: [0, 0.2, 0.4, 0.6, 0.8, 1], step: 0.2, lo: 0, hi: 1 });
  });

  it('widens a range of zero width', () => {
    expect([niceTicks(0, 0).lo, niceTicks(0, 0).hi]).toEqual([-1, 1]);
    const t = niceTicks(5, 5);
    expect([t.lo, t.hi]).toEqual([4.5, 5.5]);
    expect(t.values).toContain(5);
  });

  it('treats a range of rounding-noise width as constant (no endless tick loop)', () => {
    const q = 1 / (2 * Math.PI);
    const t = niceTicks(q * (1 - 1e-16), q * (1 + 1e-16), 6, true);
    expect(t.values.length).toBeGreaterThan(2);
    expect(t.values.length).toBeLessThan(12);
    expect(t.lo).toBeLessThan(q * 0.95);
    expect(t.hi).toBeGreaterThan(q * 1.05);
  });

  it('refuses non-finite or reversed ranges and a bad target', () => {
    expect(() => niceTicks(NaN, 1)).toThrow("niceTicks: arguments 'lo' and 'hi' must be finite with lo ≤ hi, got lo = NaN");
    expect(() => niceTicks(0, Infinity)).toThrow('got lo = 0, hi = Infinity');
    expect(() => niceTicks(1, 0)).toThrow('lo ≤ hi');
    expect(() => niceTicks(0, 1, 0)).toThrow("niceTicks: argument 'target' must be an integer ≥ 1, got 0");
  });
});
