import { describe, expect, it } from 'vitest';
import { benchDetectorThroughput } from './detector-bench';

describe('benchDetectorThroughput', () => {
  it('streams a real heterodyne trajectory through the phase-difference detector: live and replayed give the same counts', async () => {
    const c = await benchDetectorThroughput({ cutoff: 3, outputEvery: 2, blockLength: 100, samples: 1000, reps: 1 });
    expect(c.samples).toBe(1000);
    expect(c.countsAgree).toBe(true);
    for (const rate of [c.simulationSamplesPerSecond, c.detectorSamplesPerSecond, c.pipelineSamplesPerSecond]) {
      expect(Number.isFinite(rate) && rate > 0).toBe(true);
    }
    expect(c.detectorShare).toBeGreaterThan(0);
    expect(c.detectorShare).toBeLessThan(1);
  });
});
