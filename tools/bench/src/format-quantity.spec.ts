import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatRatio, formatSig, MISSING } from './format-quantity';

describe('formatSig', () => {
  it('rounds to significant digits, exponent form outside [1e-3, 1e6) (doc examples)', () => {
    expect(formatSig(0.012345)).toBe('0.0123');
    expect(formatSig(1.2e-9)).toBe('1.20e-9');
    expect(formatSig(123456)).toBe('123456');
    expect(formatSig(999.96)).toBe('1000');
    expect(formatSig(999.4)).toBe('999');
  });

  it('prints 0, negatives, large values and the placeholder', () => {
    expect(formatSig(0)).toBe('0');
    expect(formatSig(-0.5, 2)).toBe('-0.50');
    expect(formatSig(2.5e7, 2)).toBe('2.5e7');
    expect(formatSig(null)).toBe(MISSING);
    expect(formatSig(undefined)).toBe(MISSING);
    expect(formatSig(NaN)).toBe(MISSING);
  });

  it('rejects a digit count outside 1…15', () => {
    expect(() => formatSig(1, 0)).toThrow(/'digits' must be an integer 1…15, got 0/);
    expect(() => formatSig(1, 2.5)).toThrow(/'digits'/);
  });
});

describe('formatDuration', () => {
  it('picks µs, ms or s so the number lies in [1, 1000) (doc examples)', () => {
    expect(formatDuration(0.0000123)).toBe('12.3 µs');
    expect(formatDuration(0.0456)).toBe('45.6 ms');
    expect(formatDuration(1.5)).toBe('1.50 s');
    expect(formatDuration(95.3)).toBe('95.3 s');
    expect(formatDuration(null)).toBe(MISSING);
  });

  it('rejects negative durations', () => {
    expect(() => formatDuration(-1)).toThrow(/'seconds' must be ≥ 0, got -1/);
  });
});

describe('formatBytes', () => {
  it('uses powers of 1000 (doc example)', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(948_740)).toBe('949 kB');
    expect(formatBytes(1_500_000)).toBe('1.50 MB');
    expect(formatBytes(2.5e9)).toBe('2.50 GB');
  });

  it('rejects negative counts', () => {
    expect(() => formatBytes(-1)).toThrow(/'bytes' must be ≥ 0/);
  });
});

describe('formatRatio', () => {
  it('marks ratios at or below the target (doc examples)', () => {
    expect(formatRatio(0.42)).toBe('0.42× ✓');
    expect(formatRatio(0.5)).toBe('0.50× ✓');
    expect(formatRatio(1.3)).toBe('1.30×');
    expect(formatRatio(123.4)).toBe('123×');
    expect(formatRatio(0.8, 1)).toBe('0.80× ✓');
    expect(formatRatio(null)).toBe(MISSING);
  });
});
