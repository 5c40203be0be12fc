import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from './parse-bench-args';

describe('parseBenchArgs', () => {
  it('defaults to N = 8, 12, 16, 200 reps and a README rewrite', () => {
    expect(parseBenchArgs([])).toEqual({ sizes: [8, 12, 16], quick: false, rhsReps: 200, writeReadme: true });
  });

  it('--quick: N = 8, 50 reps, README left alone (doc example)', () => {
    expect(parseBenchArgs(['--quick'])).toEqual({ sizes: [8], quick: true, rhsReps: 50, writeReadme: false });
  });

  it('reads --sizes and --reps in both spellings, and the README switches (the last one counts)', () => {
    expect(parseBenchArgs(['--sizes', '8,12', '--reps=30'])).toEqual({ sizes: [8, 12], quick: false, rhsReps: 30, writeReadme: true });
    expect(parseBenchArgs(['--sizes=4, 6', '--reps', '31']).rhsReps).toBe(31);
    expect(parseBenchArgs(['--sizes=4, 6']).sizes).toEqual([4, 6]);
    expect(parseBenchArgs(['--quick', '--sizes', '10']).sizes).toEqual([10]);
    expect(parseBenchArgs(['--quick', '--readme']).writeReadme).toBe(true);
    expect(parseBenchArgs(['--no-readme']).writeReadme).toBe(false);
    expect(parseBenchArgs(['--readme', '--no-readme']).writeReadme).toBe(false);
    expect(parseBenchArgs(['--quick', '--no-readme', '--readme']).writeReadme).toBe(true);
  });

  it('refuses bad sizes, bad reps, missing values and unknown arguments, naming the option and the value', () => {
    const usage = / \(--help lists the options\)$/;
    expect(() => parseBenchArgs(['--sizes', '8,x'])).toThrow(
      "bench: option '--sizes <list>' argument '8,x' is invalid. Expected a comma-separated list of integers 2…40.",
    );
    expect(() => parseBenchArgs(['--sizes', '1'])).toThrow("option '--sizes <list>' argument '1' is invalid");
    expect(() => parseBenchArgs(['--sizes', '41'])).toThrow("option '--sizes <list>' argument '41' is invalid");
    expect(() => parseBenchArgs(['--sizes', ','])).toThrow("option '--sizes <list>' argument ',' is invalid");
    expect(() => parseBenchArgs(['--sizes', '--quick'])).toThrow("option '--sizes <list>' argument '--quick' is invalid");
    expect(() => parseBenchArgs(['--reps', '0'])).toThrow("bench: option '--reps <n>' argument '0' is invalid. Expected an integer ≥ 1.");
    expect(() => parseBenchArgs(['--reps', '2.5'])).toThrow("option '--reps <n>' argument '2.5' is invalid");
    expect(() => parseBenchArgs(['--sizes'])).toThrow("bench: option '--sizes <list>' argument missing");
    expect(() => parseBenchArgs(['--fast'])).toThrow("bench: unknown option '--fast'");
    expect(() => parseBenchArgs(['8'])).toThrow('bench: too many arguments');
    expect(() => parseBenchArgs(['--reps', '0'])).toThrow(usage);
  });

  it('--help writes every option and where the Kuramoto benchmark is, then throws commander’s help signal', () => {
    let help = '';
    let thrown: unknown;
    try {
      parseBenchArgs(['--help'], { writeOut: (t) => (help += t) });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(CommanderError);
    expect((thrown as CommanderError).code).toBe('commander.helpDisplayed');
    for (const flag of ['--sizes <list>', '--quick', '--reps <n>', '--readme', '--no-readme', 'npm run bench:kuramoto']) {
      expect(help).toContain(flag);
    }
  });
});
