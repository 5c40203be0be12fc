import { describe, expect, it } from 'vitest';
import { parseKuramotoBenchArgs } from './kuramoto-bench-args';

describe('parseKuramotoBenchArgs', () => {
  it('has full-run and quick defaults; only full runs rewrite the README', () => {
    expect(parseKuramotoBenchArgs([])).toEqual({ sizes: [4096, 16384, 65536], quick: false, steps: 400, reps: 5, writeReadme: true });
    expect(parseKuramotoBenchArgs(['--quick'])).toEqual({ sizes: [16384], quick: true, steps: 100, reps: 2, writeReadme: false });
  });

  it('reads sizes, steps, reps and the README switch in both spellings', () => {
    expect(parseKuramotoBenchArgs(['--sizes', '1024, 2048', '--steps=50', '--reps', '3', '--no-readme'])).toEqual({
      sizes: [1024, 2048],
      quick: false,
      steps: 50,
      reps: 3,
      writeReadme: false,
    });
    expect(parseKuramotoBenchArgs(['--quick', '--readme']).writeReadme).toBe(true);
  });

  it('refuses bad values and unknown arguments by name', () => {
    expect(() => parseKuramotoBenchArgs(['--sizes', '0'])).toThrow("kuramoto bench: option '--sizes' must be an integer 1…16777216, got '0'");
    expect(() => parseKuramotoBenchArgs(['--sizes', ','])).toThrow("option '--sizes' must list at least one N, got ','");
    expect(() => parseKuramotoBenchArgs(['--steps', '1.5'])).toThrow("option '--steps' must be an integer 1…1000000, got '1.5'");
    expect(() => parseKuramotoBenchArgs(['--reps'])).toThrow("kuramoto bench: option '--reps' needs a value");
    expect(() => parseKuramotoBenchArgs(['--fast'])).toThrow("kuramoto bench: unknown argument '--fast'");
  });
});
