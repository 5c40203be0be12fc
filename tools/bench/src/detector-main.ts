// `npm run bench:detector` (tools/bench/src/detector-main.ts): one heterodyne trajectory of two
// quantum vdP oscillators streamed as blocks through the phase-difference detector in-process;
// samples per second of the simulation, the detector and both piped. Prints the table, writes
// tools/bench/out/detector-<timestamp>.json and (full runs) the detector section of README.md.
import { benchDetectorThroughput, DETECTOR_BENCH_PARAMS } from './detector-bench';
import { parseDetectorBenchArgs } from './detector-bench-args';
import { DETECTOR_RESULTS_END, DETECTOR_RESULTS_START, formatDetectorReport, type DetectorBenchReport } from './detector-report';
import { runBenchProgram } from './run-bench-program';

void runBenchProgram({
  name: 'detector bench',
  file: 'detector',
  parseArgs: parseDetectorBenchArgs,
  readme: { start: DETECTOR_RESULTS_START, end: DETECTOR_RESULTS_END, section: 'detector section' },
  async measure(opts, { log, header }) {
    const cases = [];
    for (const cutoff of opts.cutoffs) {
      for (const outputEvery of opts.outputEvery) {
        log(`cutoff ${cutoff}, ${outputEvery} steps per sample, ${opts.samples} samples`);
        cases.push(await benchDetectorThroughput({ cutoff, outputEvery, blockLength: opts.blockLength, samples: opts.samples, reps: opts.reps }));
      }
    }
    const report: DetectorBenchReport = { ...header({}), params: DETECTOR_BENCH_PARAMS, cases };
    return { report, raw: {}, text: formatDetectorReport(report) };
  },
});
