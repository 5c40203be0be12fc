// `npm run bench:kuramoto` (tools/bench/src/kuramoto-main.ts): qsync against NumPy on Euler–Maruyama steps of the
// Kuramoto model (thesis Eq. 2.29). Runs the NumPy script, then qsync, on the same problem;
// prints the tables, writes tools/bench/out/kuramoto-<timestamp>.json and (full runs) the
// Kuramoto results section of README.md.
import { caseForSize } from './case-for-size';
import { benchKuramotoQsync, KURAMOTO_BENCH_PARAMS, type KuramotoQsyncCase } from './kuramoto-bench';
import { parseKuramotoBenchArgs } from './kuramoto-bench-args';
import { runNumpyKuramoto } from './kuramoto-numpy';
import { formatKuramotoReport, KURAMOTO_RESULTS_END, KURAMOTO_RESULTS_START, type KuramotoBenchReport } from './kuramoto-report';
import { runBenchProgram } from './run-bench-program';

void runBenchProgram({
  name: 'kuramoto bench',
  file: 'kuramoto',
  parseArgs: parseKuramotoBenchArgs,
  readme: { start: KURAMOTO_RESULTS_START, end: KURAMOTO_RESULTS_END, section: 'Kuramoto results section' },
  async measure(opts, { log, loadBefore, header }) {
    log(`sizes ${opts.sizes.join(', ')}, ${opts.steps} steps × ${opts.reps} runs; load ${loadBefore.map((x) => x.toFixed(2)).join(' ')}`);

    log('NumPy side (python/kuramoto_bench.py)');
    const numpy = await runNumpyKuramoto(opts.sizes, { steps: opts.steps, reps: opts.reps, onLog: (l) => log(`numpy: ${l}`) });

    log('qsync side');
    const qsync: KuramotoQsyncCase[] = [];
    for (const N of opts.sizes) {
      qsync.push(await benchKuramotoQsync(N, { steps: opts.steps, reps: opts.reps }));
      log(`qsync: N = ${N}: ${qsync[qsync.length - 1].steps_per_second.toFixed(0)} steps/s`);
    }

    const report: KuramotoBenchReport = {
      ...header({ numpy: numpy.numpy_version, python: numpy.python_version }),
      params: KURAMOTO_BENCH_PARAMS,
      cases: qsync.map((q) => ({ qsync: q, numpy: caseForSize(numpy.cases, q.N, 'kuramoto bench', 'NumPy') })),
    };
    return { report, raw: { numpyRaw: numpy }, text: formatKuramotoReport(report) };
  },
});
