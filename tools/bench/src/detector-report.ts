import type { BenchRunHeader } from './bench-run-header';
import type { DetectorThroughputCase } from './detector-bench';
import { DETECTOR_BENCH_PARAMS } from './detector-bench';
import { formatSig } from './format-quantity';
import { formatRunLine } from './format-run-line';
import { formatTable } from './format-table';

/** Marker that opens the detector results section of tools/bench/README.md. */
export const DETECTOR_RESULTS_START = '<!-- detector-results:start -->';
/** Marker that closes it. */
export const DETECTOR_RESULTS_END = '<!-- detector-results:end -->';

/** Everything one run of `npm run bench:detector` measured; the JSON written to tools/bench/out. */
export interface DetectorBenchReport extends BenchRunHeader {
  readonly params: typeof DETECTOR_BENCH_PARAMS;
  readonly cases: readonly DetectorThroughputCase[];
}

/**
 * The report of a detector-throughput run as Markdown: the run line, then one row per case with
 * samples per second of the simulation, the detector and the pipeline, and the detector's share.
 *
 * @param r - the report
 * @example
 * const header = { date: '2026-12-06T00:00:00.000Z', mode: 'quick' as const, machine: { node: 'v20', cpu: 'cpu', cores: 2, loadBefore: [0, 0, 0], loadAfter: [0, 0, 0] } };
 * const c = { cutoff: 4, outputEvery: 1, blockLength: 1024, samples: 2000, simulationSamplesPerSecond: 1e5, detectorSamplesPerSecond: 1e7, pipelineSamplesPerSecond: 9.9e4, detectorShare: 0.0099, countsAgree: true };
 * const params = { kappa: 1, kappa1: 3, kappa2: 1, delta: 0.5, V: 0.5, dt: 1e-3 } as const;
 * formatDetectorReport({ ...header, params, cases: [c] }).includes('| 4 '); // true
 */
export function formatDetectorReport(r: DetectorBenchReport): string {
  const p = r.params;
  const rows = r.cases.map((c) => [
    String(c.cutoff),
    String(c.outputEvery),
    String(c.blockLength),
    String(c.samples),
    formatSig(c.simulationSamplesPerSecond),
    formatSig(c.detectorSamplesPerSecond),
    formatSig(c.pipelineSamplesPerSecond),
    `${formatSig(100 * c.detectorShare, 2)} %`,
    c.countsAgree ? 'yes' : 'NO',
  ]);
  return [
    `${formatRunLine(r, 'qsync only')} Problem: two quantum vdP oscillators of Fig. 4.3(b) (Eq. 4.8: κ = ${p.kappa}, κ1 = ${p.kappa1}, κ2 = ${p.kappa2}, δ = ${p.delta}, V = ${p.V}), both outputs under heterodyne detection (Eq. 4.13), Euler–Maruyama at dt = ${p.dt}, from the steady state; the two currents (Eq. 4.14) stream as sample blocks into \`currentPhaseHistogramOf\` (Eq. 4.15, 64 bins). Samples/s count one sample of both currents.`,
    '',
    formatTable(
      ['cutoff', 'steps per sample', 'block', 'samples', 'simulation / s', 'detector alone / s', 'piped / s', 'detector share', 'same counts'],
      rows,
    ),
  ].join('\n');
}
