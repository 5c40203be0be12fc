import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { meetsTarget, TARGET_RATIO, timeRatio } from './time-ratio';

describe('timeRatio', () => {
  it('is qsync over QuTiP (the doc examples)', () => {
    // 30/120 is exact in binary floating point apart from one rounding: 1 ulp suffices.
    expectClose(timeRatio(30, 120) as number, 0.25, { rtol: Number.EPSILON });
    expectClose(timeRatio(2.5, 1) as number, 2.5, { rtol: Number.EPSILON });
  });

  it('is null when either time is missing', () => {
    expect(timeRatio(30, null)).toBeNull();
    expect(timeRatio(undefined, 1)).toBeNull();
  });

  it('rejects zero, negative and non-finite times, naming the argument', () => {
    expect(() => timeRatio(0, 1)).toThrow(/'qsync' must be a finite time > 0, got 0/);
    expect(() => timeRatio(Infinity, 1)).toThrow(/'qsync'/);
    expect(() => timeRatio(1, -2)).toThrow(/'qutip' must be a finite time > 0, got -2/);
    expect(() => timeRatio(1, NaN)).toThrow(/'qutip'/);
  });
});

describe('meetsTarget', () => {
  it('accepts ratios up to and including one half', () => {
    expect(TARGET_RATIO).toBe(0.5);
    expect(meetsTarget(0.5)).toBe(true);
    expect(meetsTarget(0.1)).toBe(true);
    expect(meetsTarget(0.51)).toBe(false);
    expect(meetsTarget(null)).toBeNull();
  });
});
