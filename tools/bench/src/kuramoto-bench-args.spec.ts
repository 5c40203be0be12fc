import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { parseKuramotoBenchArgs } from './kuramoto-bench-args';

describe('parseKuramotoBenchArgs', () => {
  it('has full-run and quick defaults; only full runs rewrite the README (doc example)', () => {
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
    expect(parseKuramotoBenchArgs(['--quick', '--steps', '7']).steps).toBe(7);
    expect(parseKuramotoBenchArgs(['--quick', '--reps=1']).reps).toBe(1);
  });

  it('refuses bad values and unknown arguments, naming the option and the value', () => {
    expect(() => parseKuramotoBenchArgs(['--sizes', '0'])).toThrow(
      "kuramoto bench: option '--sizes <list>' argument '0' is invalid. Expected a comma-separated list of integers 1…16777216.",
    );
    expect(() => parseKuramotoBenchArgs(['--sizes', ','])).toThrow("option '--sizes <list>' argument ',' is invalid");
    expect(() => parseKuramotoBenchArgs(['--sizes', '16777217'])).toThrow("option '--sizes <list>' argument '16777217' is invalid");
    expect(() => parseKuramotoBenchArgs(['--steps', '1.5'])).toThrow(
      "kuramoto bench: option '--steps <n>' argument '1.5' is invalid. Expected an integer 1…1000000.",
    );
    expect(() => parseKuramotoBenchArgs(['--reps', '1001'])).toThrow("option '--reps <n>' argument '1001' is invalid. Expected an integer 1…1000.");
    expect(() => parseKuramotoBenchArgs(['--reps'])).toThrow("kuramoto bench: option '--reps <n>' argument missing");
    expect(() => parseKuramotoBenchArgs(['--fast'])).toThrow("kuramoto bench: unknown option '--fast'");
  });

  it('--help writes every option, then throws commander’s help signal', () => {
    let help = '';
    let thrown: unknown;
    try {
      parseKuramotoBenchArgs(['--help'], { writeOut: (t) => (help += t) });
    } catch (e) {
      thrown = e;
    }
    expect((thrown as CommanderError).code).toBe('commander.helpDisplayed');
    for (const flag of ['--sizes <list>', '--steps <n>', '--reps <n>', '--quick', '--readme', '--no-readme']) expect(help).toContain(flag);
  });
});
