// `npm run bench:cumulants` (tools/bench/src/cumulants-main.ts): time to first solve of the
// order-k cumulant equations of the dissipative Ising chain of QuantumCumulants.jl #294 (derive,
// compile, initial moments, integrate to t = 20), the first run of the highest order cold (a fresh
// process), then the fastest of --reps warm runs per order, beside QuTiP 4.7 mesolve of the exact
// chain; the error of each order's central ⟨σz⟩ against QuTiP's; then the grouped derivations of
// (6.1) and (7.1) (two groups of symbolic size) at --groups orders, each in a fresh process, with
// wall, CPU time and peak memory. Prints the tables, writes
// tools/bench/out/cumulants-<timestamp>.json and (full runs) the cumulants section of README.md.
import { benchCumulantIsing, ISING_BENCH_PARAMS, type CumulantIsingRun } from './cumulants-bench';
import type { CumulantGroupRun } from './cumulants-group-bench';
import { parseCumulantsBenchArgs } from './cumulants-bench-args';
import { CUMULANTS_RESULTS_END, CUMULANTS_RESULTS_START, formatCumulantsReport, type CumulantsBenchReport } from './cumulants-report';
import { jsonFromStdout } from './json-from-stdout';
import { runBenchProgram } from './run-bench-program';
import { runJsonScript } from './run-json-script';

const script = new URL('../python/qutip_ising_bench.py', import.meta.url).pathname;
const groupChild = new URL('./cumulants-group-child.ts', import.meta.url).pathname;

void runBenchProgram({
  name: 'cumulants bench',
  file: 'cumulants',
  parseArgs: parseCumulantsBenchArgs,
  readme: { start: CUMULANTS_RESULTS_START, end: CUMULANTS_RESULTS_END, section: 'cumulants section' },
  async measure(opts, { log, header }) {
    const highest = Math.max(...opts.orders);
    log(`cold run, order ${highest}`);
    const cold = benchCumulantIsing({ order: highest });
    const warm = new Map<number, CumulantIsingRun>();
    for (const order of opts.orders) {
      for (let rep = 0; rep < opts.reps; rep++) {
        log(`order ${order}, warm run ${rep + 1} of ${opts.reps}`);
        const run = benchCumulantIsing({ order });
        const best = warm.get(order);
        if (best === undefined || run.totalSeconds < best.totalSeconds) warm.set(order, run);
      }
    }
    type QutipIsing = { qutip_version: string; cases: { seconds: number; sz: number[] }[] };
    let qutip: QutipIsing | null = null;
    try {
      log('QuTiP mesolve of the exact chain');
      const out = await runJsonScript('cumulants bench', '/usr/bin/python3', [script, '--reps', String(opts.reps)], { onLog: (l) => log(`qutip: ${l}`) });
      qutip = jsonFromStdout(out, 'cumulants bench') as QutipIsing;
    } catch (e: unknown) {
      log(`QuTiP side failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    // grouped derivations, each in a fresh process (tsx's loader flags passed on) so that its peak memory is its own
    const groups: CumulantGroupRun[] = [];
    for (const model of ['nonreciprocal', 'laser'] as const) {
      for (const order of opts.groups) {
        let best: CumulantGroupRun | null = null;
        let peak = 0;
        for (let rep = 0; rep < opts.reps; rep++) {
          log(`grouped ${model}, order ${order}, run ${rep + 1} of ${opts.reps}`);
          const out = await runJsonScript('cumulants bench', process.execPath, [...process.execArgv, groupChild, model, String(order)], { onLog: log });
          const run = jsonFromStdout(out, 'cumulants bench') as CumulantGroupRun;
          peak = Math.max(peak, run.peakRssMB);
          if (best === null || run.wallSeconds < best.wallSeconds) best = run;
        }
        groups.push({ ...(best as CumulantGroupRun), peakRssMB: peak });
      }
    }
    const exact = qutip?.cases[0].sz ?? null;
    const errorOf = (run: CumulantIsingRun) => (exact === null ? null : Math.max(...run.sz.map((z, j) => Math.abs(z - exact[j]))));
    const report: CumulantsBenchReport = {
      ...header({ qutip: qutip?.qutip_version ?? 'not available' }),
      orders: opts.orders.map((order) => {
        const w = warm.get(order) as CumulantIsingRun;
        return { cold: order === highest ? cold : null, warm: w, errorVsExact: errorOf(w) };
      }),
      qutipSeconds: qutip?.cases[0].seconds ?? null,
      groups,
    };
    return { report, raw: { params: ISING_BENCH_PARAMS, qutipRaw: qutip }, text: formatCumulantsReport(report) };
  },
});
