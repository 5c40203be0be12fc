import { describe, expect, it } from 'vitest';
import { parseSpectrumBenchArgs } from './spectrum-bench-args';

describe('parseSpectrumBenchArgs', () => {
  it('defaults to cutoffs 6, 8 against QuTiP and 16 alone, 121 frequencies', () => {
    expect(parseSpectrumBenchArgs([])).toEqual({ sizes: [6, 8], alone: [16], quick: false, freqs: 121, piFreqs: 3, reps: 3, writeReadme: true });
  });

  it('takes every option, in both spellings', () => {
    expect(parseSpectrumBenchArgs(['--sizes', '6', '--alone=12,16', '--freqs', '41', '--pi-freqs=2', '--reps', '5', '--no-readme'])).toEqual({
      sizes: [6],
      alone: [12, 16],
      quick: false,
      freqs: 41,
      piFreqs: 2,
      reps: 5,
      writeReadme: false,
    });
  });

  it('refuses bad values by the option name', () => {
    expect(() => parseSpectrumBenchArgs(['--sizes', '12'])).toThrow(/--sizes/);
    expect(() => parseSpectrumBenchArgs(['--pi-freqs', '0'])).toThrow(/--pi-freqs/);
    expect(() => parseSpectrumBenchArgs(['--freqs', 'many'])).toThrow(/--freqs/);
  });
});
