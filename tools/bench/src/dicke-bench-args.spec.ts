import { describe, expect, it } from 'vitest';
import { parseDickeBenchArgs } from './dicke-bench-args';

describe('parseDickeBenchArgs', () => {
  it('defaults: a full run compares N = 10, 20, 40 and runs 100, 200 alone, rewriting the README', () => {
    expect(parseDickeBenchArgs([])).toEqual({ sizes: [10, 20, 40], alone: [100, 200], quick: false, reps: 3, writeReadme: true });
  });

  it('takes sizes, alone sizes, reps and the README switch', () => {
    expect(parseDickeBenchArgs(['--sizes', '8,12', '--alone=50', '--reps', '2', '--no-readme'])).toEqual({
      sizes: [8, 12],
      alone: [50],
      quick: false,
      reps: 2,
      writeReadme: false,
    });
  });

  it('refuses bad values by option name', () => {
    expect(() => parseDickeBenchArgs(['--sizes', '0'], { writeOut: () => {} })).toThrow(/--sizes/);
    expect(() => parseDickeBenchArgs(['--reps', 'x'], { writeOut: () => {} })).toThrow(/--reps/);
  });
});
