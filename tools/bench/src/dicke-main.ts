// `npm run bench:dicke` (tools/bench/src/dicke-main.ts): qsync against QuTiP's PIQS on the
// permutation-invariant steady state of the spin ensemble (thesis Eq. 4.52 with local dephasing).
// Runs the PIQS script, then qsync on the same problem and alone at larger N; prints the tables,
// writes tools/bench/out/dicke-<timestamp>.json and (full runs) the PI section of README.md.
import { caseForSize } from './case-for-size';
import { benchDickeQsync, type DickeQsyncCase } from './dicke-bench';
import { DICKE_BENCH_PARAMS } from './dicke-bench-params';
import { parseDickeBenchArgs } from './dicke-bench-args';
import { formatDickeReport, type DickeBenchReport } from './dicke-report';
import { DICKE_RESULTS_MARKERS } from './dicke-results-markers';
import { runBenchProgram } from './run-bench-program';
import { runPiqs } from './run-piqs';

void runBenchProgram({
  name: 'dicke bench',
  file: 'dicke',
  parseArgs: parseDickeBenchArgs,
  readme: { ...DICKE_RESULTS_MARKERS, section: 'permutation-invariant results section' },
  async measure(opts, { log, header }) {
    log(`both sides N = ${opts.sizes.join(', ')}; qsync alone N = ${opts.alone.join(', ')}; ${opts.reps} timed calls`);
    log('PIQS side (python/piqs_bench.py)');
    const piqs = await runPiqs(opts.sizes, { reps: opts.reps, onLog: (l) => log(`piqs: ${l}`) });
    log('qsync side');
    benchDickeQsync(6, { reps: 1 }); // warm-up of every code path
    const run = (n: number): DickeQsyncCase => {
      const c = benchDickeQsync(n, { reps: opts.reps });
      log(`qsync: N = ${n}: ${(c.steady_s * 1000).toFixed(1)} ms (${c.method}, ${c.blockSize} unknowns)`);
      return c;
    };
    const compared = opts.sizes.map((n) => {
      const piqsCase = caseForSize(piqs.cases, n, 'dicke bench', 'PIQS');
      return { qsync: run(n), piqs: piqsCase };
    });
    const alone = opts.alone.map(run);
    const report: DickeBenchReport = { ...header({ qutip: piqs.qutip_version }), params: DICKE_BENCH_PARAMS, compared, alone };
    return { report, raw: { piqsRaw: piqs }, text: formatDickeReport(report) };
  },
});
