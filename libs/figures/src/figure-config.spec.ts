import { describe, expect, it } from 'vitest';
import { resolveFigureConfig } from './figure-config';

describe('resolveFigureConfig', () => {
  it('defaults to the thesis sizes and seed 1', () => {
    const c = resolveFigureConfig('2.8');
    expect(c.scale).toBe(1);
    expect(c.seed).toBe(1);
    expect(c.size(16000, 10)).toBe(16000);
    expect(c.powerOfTwo(14, 6)).toBe(2 ** 14);
  });

  it('scales sizes, rounding, never below the minimum', () => {
    const c = resolveFigureConfig('2.8', { scale: 0.25 });
    expect(c.size(16000, 10)).toBe(4000);
    expect(c.size(16, 10)).toBe(10);
    expect(c.powerOfTwo(14, 6)).toBe(2 ** 12); // 2^14 / 4
    expect(resolveFigureConfig('2.8', { scale: 0.001 }).powerOfTwo(14, 6)).toBe(2 ** 6);
  });

  it('refuses a scale outside (0, 1] and a non-integer seed, naming the option', () => {
    expect(() => resolveFigureConfig('2.8', { scale: 0 })).toThrow(/figure 2\.8: option 'scale' must be a number in \(0, 1\], got 0/);
    expect(() => resolveFigureConfig('2.8', { scale: 1.5 })).toThrow(/'scale'/);
    expect(() => resolveFigureConfig('2.8', { scale: Number.NaN })).toThrow(/'scale'/);
    expect(() => resolveFigureConfig('2.8', { seed: 1.5 })).toThrow(/option 'seed' must be an integer, got 1.5/);
  });
});
