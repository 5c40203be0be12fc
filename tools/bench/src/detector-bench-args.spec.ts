import { describe, expect, it } from 'vitest';
import { parseDetectorBenchArgs } from './detector-bench-args';

describe('parseDetectorBenchArgs', () => {
  it('defaults to cutoffs 6, 8, samples every 1 and 10 steps, 20 000 samples', () => {
    expect(parseDetectorBenchArgs([])).toEqual({ cutoffs: [6, 8], outputEvery: [1, 10], samples: 20000, blockLength: 1024, reps: 3, quick: false, writeReadme: true });
  });

  it('takes every option', () => {
    expect(parseDetectorBenchArgs(['--cutoffs', '5', '--output-every=2', '--samples', '500', '--block', '64', '--reps=2', '--no-readme'])).toEqual({
      cutoffs: [5],
      outputEvery: [2],
      samples: 500,
      blockLength: 64,
      reps: 2,
      quick: false,
      writeReadme: false,
    });
  });

  it('refuses bad values by the option name', () => {
    expect(() => parseDetectorBenchArgs(['--cutoffs', '40'])).toThrow(/--cutoffs/);
    expect(() => parseDetectorBenchArgs(['--samples', '10'])).toThrow(/--samples/);
    expect(() => parseDetectorBenchArgs(['--block', 'big'])).toThrow(/--block/);
  });
});
