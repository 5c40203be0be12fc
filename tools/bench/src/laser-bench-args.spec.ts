import { describe, expect, it } from 'vitest';
import { parseLaserBenchArgs } from './laser-bench-args';

describe('parseLaserBenchArgs', () => {
  it("defaults to the fixture's 20 frequencies, 3 timed calls, README rewritten", () => {
    expect(parseLaserBenchArgs([])).toEqual({ quick: false, freqs: 20, reps: 3, writeReadme: true });
  });

  it('--quick lowers the defaults and leaves the README alone; explicit options win', () => {
    expect(parseLaserBenchArgs(['--quick'])).toEqual({ quick: true, freqs: 4, reps: 1, writeReadme: false });
    expect(parseLaserBenchArgs(['--quick', '--freqs=10', '--reps', '2', '--readme'])).toEqual({ quick: true, freqs: 10, reps: 2, writeReadme: true });
  });

  it('refuses bad values by the option name, and prints --help', () => {
    expect(() => parseLaserBenchArgs(['--freqs', '0'])).toThrow(/--freqs/);
    expect(() => parseLaserBenchArgs(['--reps', 'many'])).toThrow(/--reps/);
    let help = '';
    expect(() => parseLaserBenchArgs(['--help'], { writeOut: (s) => (help += s) })).toThrow();
    expect(help).toContain('bench:laser');
    expect(help).toContain('--freqs');
  });
});
