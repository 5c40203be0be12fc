import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from './parse-bench-args';

describe('parseBenchArgs', () => {
  it('defaults to N = 8, 12, 16, 200 reps and a README rewrite', () => {
    expect(parseBenchArgs([])).toEqual({ sizes: [8, 12, 16], quick: false, rhsReps: 200, writeReadme: true });
  });

  it('--quick: N = 8, 50 reps, README left alone (doc example)', () => {
    expect(parseBenchArgs(['--quick'])).toEqual({ sizes: [8], quick: true, rhsReps: 50, writeReadme: false });
  });

  it('reads --sizes and --reps in both spellings, and the README switches', () => {
    expect(parseBenchArgs(['--sizes', '8,12', '--reps=30']).sizes).toEqual([8, 12]);
    expect(parseBenchArgs(['--sizes=4, 6', '--reps', '30']).rhsReps).toBe(30);
    expect(parseBenchArgs(['--quick', '--sizes', '10']).sizes).toEqual([10]);
    expect(parseBenchArgs(['--quick', '--readme']).writeReadme).toBe(true);
    expect(parseBenchArgs(['--no-readme']).writeReadme).toBe(false);
  });

  it('rejects bad sizes, bad reps, missing values and unknown arguments', () => {
    expect(() => parseBenchArgs(['--sizes', '8,x'])).toThrow(/'--sizes' must be a comma-separated list of integers 2…40, got '8,x'/);
    expect(() => parseBenchArgs(['--sizes', '1'])).toThrow(/'--sizes'/);
    expect(() => parseBenchArgs(['--sizes', ','])).toThrow(/'--sizes'/);
    expect(() => parseBenchArgs(['--reps', '0'])).toThrow(/'--reps' must be an integer ≥ 1, got '0'/);
    expect(() => parseBenchArgs(['--sizes'])).toThrow(/option '--sizes' needs a value/);
    expect(() => parseBenchArgs(['--sizes', '--quick'])).toThrow(/needs a value/);
    expect(() => parseBenchArgs(['--fast'])).toThrow(/unknown argument '--fast'/);
  });
});
