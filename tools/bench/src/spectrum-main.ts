// `npm run bench:spectrum` (tools/bench/src/spectrum-main.ts): qsync against QuTiP 4.7's
// `spectrum` (solvers 'es' and 'pi') on the steady-state spectrum of two quantum vdP oscillators
// (thesis Eqs. 4.8, 4.12). Runs the QuTiP script, then qsync on the same problems and alone at a
// larger cutoff; prints the tables, writes tools/bench/out/spectrum-<timestamp>.json and (full
// runs) the spectrum section of README.md.
import { caseForSize } from './case-for-size';
import { runBenchProgram } from './run-bench-program';
import { runQutipSpectrum } from './run-qutip-spectrum';
import { benchSpectrumQsync, SPECTRUM_BENCH_PARAMS, type SpectrumQsyncCase } from './spectrum-bench';
import { parseSpectrumBenchArgs } from './spectrum-bench-args';
import { formatSpectrumReport, SPECTRUM_RESULTS_END, SPECTRUM_RESULTS_START, type SpectrumBenchReport } from './spectrum-report';

void runBenchProgram({
  name: 'spectrum bench',
  file: 'spectrum',
  parseArgs: parseSpectrumBenchArgs,
  readme: { start: SPECTRUM_RESULTS_START, end: SPECTRUM_RESULTS_END, section: 'spectrum results section' },
  async measure(opts, { log, header }) {
    log(`both sides N = ${opts.sizes.join(', ')}; qsync alone N = ${opts.alone.join(', ')}; ${opts.freqs} frequencies`);
    log('QuTiP side (python/qutip_spectrum_bench.py)');
    const qutip = await runQutipSpectrum(opts.sizes, { freqs: opts.freqs, piFreqs: opts.piFreqs, onLog: (l) => log(`qutip: ${l}`) });
    log('qsync side');
    benchSpectrumQsync(3, { freqs: 9, reps: 2, fourier: true }); // warm-up of every code path
    const run = (n: number): SpectrumQsyncCase => {
      const c = benchSpectrumQsync(n, { freqs: opts.freqs, reps: opts.reps, fourier: true });
      log(`qsync: N = ${n}: ${c.seconds.toFixed(3)} s (Fourier route ${c.fourierSeconds?.toFixed(2)} s)`);
      return c;
    };
    const compared = opts.sizes.map((n) => {
      const qutipCase = caseForSize(qutip.cases, n, 'spectrum bench', 'QuTiP');
      return { qsync: run(n), qutip: qutipCase };
    });
    const alone = opts.alone.map(run);
    const report: SpectrumBenchReport = { ...header({ qutip: qutip.qutip_version }), params: SPECTRUM_BENCH_PARAMS, compared, alone };
    return { report, raw: { qutipRaw: qutip }, text: formatSpectrumReport(report) };
  },
});
