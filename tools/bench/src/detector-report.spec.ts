import { describe, expect, it } from 'vitest';
import { DETECTOR_BENCH_PARAMS } from './detector-bench';
import { formatDetectorReport } from './detector-report';

describe('formatDetectorReport', () => {
  it('prints one row per case with the rates and the detector share', () => {
    const header = { date: '2026-12-06T00:00:00.000Z', mode: 'full' as const, machine: { node: 'v20', cpu: 'cpu', cores: 2, loadBefore: [1, 1, 1], loadAfter: [1, 1, 1] } };
    const c = { cutoff: 6, outputEvery: 10, blockLength: 1024, samples: 20000, simulationSamplesPerSecond: 12345, detectorSamplesPerSecond: 1.5e7, pipelineSamplesPerSecond: 12000, detectorShare: 0.00082, countsAgree: true };
    const text = formatDetectorReport({ ...header, params: DETECTOR_BENCH_PARAMS, cases: [c] });
    expect(text).toMatch(/\| 6 +\| +10 \| +1024 \| +20000 \| +12345 \| +1\.50e7 \| +12000 \|/);
    expect(text).toContain('0.082 %');
    expect(text).toContain('yes');
  });
});
