// `npm run bench`: qsync against QuTiP 4.7 on two coupled quantum vdP oscillators (Eq. 4.8).
// Runs the QuTiP script, then qsync, on the same problems; prints the tables, writes
// tools/bench/out/results-<timestamp>.json and (full runs) the results section of README.md.
import { readFileSync } from 'node:fs';
import { benchQsync, type QsyncCase } from './bench-qsync';
import { caseForSize } from './case-for-size';
import { formatReport, type BenchReport, type Reference } from './format-report';
import { measureTriadBandwidth } from './measure-triad-bandwidth';
import { parseBenchArgs } from './parse-bench-args';
import { RESULTS_END, RESULTS_START } from './replace-section';
import { runBenchProgram } from './run-bench-program';
import { runQutip } from './run-qutip';

const here = (p: string) => new URL(p, import.meta.url).pathname;

void runBenchProgram({
  name: 'bench',
  file: 'results',
  parseArgs: parseBenchArgs,
  readme: { start: RESULTS_START, end: RESULTS_END, section: 'results section' },
  async measure(opts, { log, loadBefore, header }) {
    log(`sizes ${opts.sizes.join(', ')}${opts.quick ? ' (quick)' : ''}; load average ${loadBefore.map((x) => x.toFixed(2)).join(' ')}`);

    log('JS triad bandwidth');
    const triad = measureTriadBandwidth(1 << 20, opts.quick ? 3 : 7);
    const triadDram = measureTriadBandwidth(1 << 24, opts.quick ? 2 : 3, 1e9);
    log(`triad ${triad.gbPerSecond.toFixed(2)} GB/s (3 × 8 MiB), ${triadDram.gbPerSecond.toFixed(2)} GB/s (3 × 128 MiB)`);

    log('QuTiP side (python/qutip_bench.py)');
    const qutip = await runQutip(opts.sizes, { reps: opts.rhsReps, onLog: (l) => log(`qutip: ${l}`) });

    log('qsync warm-up (N = 3)');
    await benchQsync(3, { rhsReps: 20 });
    const qsync: QsyncCase[] = [];
    for (const N of opts.sizes) qsync.push(await benchQsync(N, { rhsReps: opts.rhsReps, onLog: (l) => log(`qsync: ${l}`) }));

    const report: BenchReport = {
      ...header({ qutip: qutip.qutip_version, numpy: qutip.numpy_version, scipy: qutip.scipy_version, python: qutip.python_version }),
      triadGBs: triad.gbPerSecond,
      triadDramGBs: triadDram.gbPerSecond,
      cases: qsync.map((q) => ({ qsync: q, qutip: caseForSize(qutip.cases, q.N, 'bench', 'QuTiP') })),
      reference: loadReference(),
    };
    return { report, raw: { qutipRaw: qutip }, text: formatReport(report) };
  },
});

/** Case pair_a of the committed QuTiP fixture (N = 12, atol 1e-12, rtol 1e-10). */
function loadReference(): Reference {
  const fx = JSON.parse(readFileSync(here('../../../test/fixtures/qutip-vdp.json'), 'utf8')) as {
    cases: {
      pair_a: {
        params: { N: number };
        steady: { adagb: [number, number] };
        mesolve: { adagb_re: number[]; adagb_im: number[]; atol: number; rtol: number };
      };
    };
  };
  const c = fx.cases.pair_a;
  return {
    N: c.params.N,
    adagb_re: c.mesolve.adagb_re,
    adagb_im: c.mesolve.adagb_im,
    steady_adagb: c.steady.adagb,
    atol: c.mesolve.atol,
    rtol: c.mesolve.rtol,
  };
}
