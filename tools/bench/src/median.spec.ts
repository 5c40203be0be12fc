import { describe, expect, it } from 'vitest';
import { median } from './median';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values (doc examples)', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('ignores outliers (why the benchmark reports medians) and leaves the input unsorted', () => {
    const v = [1.0, 1.1, 50, 0.9, 1.05];
    expect(median(v)).toBe(1.05);
    expect(v).toEqual([1.0, 1.1, 50, 0.9, 1.05]);
  });

  it('rejects an empty list and non-finite values', () => {
    expect(() => median([])).toThrow(/'values' must hold at least one number/);
    expect(() => median([1, NaN])).toThrow(/'values\[1\]' must be finite, got NaN/);
  });
});
