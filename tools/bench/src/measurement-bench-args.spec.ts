import { describe, expect, it } from 'vitest';
import { parseMeasurementBenchArgs } from './measurement-bench-args';

describe('parseMeasurementBenchArgs', () => {
  it("defaults to cutoffs 10, 20 and the paper's 100 Kerr trajectories of 500 samples on 2 workers", () => {
    expect(parseMeasurementBenchArgs([])).toEqual({
      sizes: [10, 20],
      quick: false,
      vdpSteps: 4000,
      vdpTrajectories: 100,
      trajectories: 100,
      qutipTrajectories: 4,
      samples: 500,
      workers: 2,
      writeReadme: true,
    });
  });

  it('--quick shortens every run and leaves the README alone unless --readme says otherwise', () => {
    expect(parseMeasurementBenchArgs(['--quick'])).toMatchObject({ vdpSteps: 1000, vdpTrajectories: 8, trajectories: 4, qutipTrajectories: 1, samples: 100, writeReadme: false });
    expect(parseMeasurementBenchArgs(['--quick', '--readme']).writeReadme).toBe(true);
  });

  it('takes every option, in both spellings', () => {
    expect(
      parseMeasurementBenchArgs(['--sizes=8', '--vdp-steps', '200', '--vdp-trajectories=0', '--trajectories=10', '--qutip-trajectories', '2', '--samples', '50', '--workers=0', '--no-readme']),
    ).toEqual({ sizes: [8], quick: false, vdpSteps: 200, vdpTrajectories: 0, trajectories: 10, qutipTrajectories: 2, samples: 50, workers: 0, writeReadme: false });
  });

  it('refuses bad values by the option name', () => {
    expect(() => parseMeasurementBenchArgs(['--sizes', '1'])).toThrow(/--sizes/);
    expect(() => parseMeasurementBenchArgs(['--samples', '501'])).toThrow(/--samples/);
    expect(() => parseMeasurementBenchArgs(['--workers', 'two'])).toThrow(/--workers/);
    expect(() => parseMeasurementBenchArgs(['--trajectories', '0'])).toThrow(/--trajectories/);
    expect(() => parseMeasurementBenchArgs(['--vdp-trajectories', '-1'])).toThrow(/--vdp-trajectories/);
  });
});
