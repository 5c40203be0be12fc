// `npm run bench:dicke` (tools/bench/src/dicke-main.ts): qsync against QuTiP's PIQS on the
// permutation-invariant steady state of the spin ensemble (thesis Eq. 4.52 with local dephasing).
// Runs the PIQS script, then qsync on the same problem and alone at larger N; prints the tables,
// writes tools/bench/out/dicke-<timestamp>.json and (full runs) the PI section of README.md.
import { CommanderError } from 'commander';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { benchDickeQsync, type DickeQsyncCase } from './dicke-bench';
import { DICKE_BENCH_PARAMS } from './dicke-bench-params';
import { parseDickeBenchArgs } from './dicke-bench-args';
import { formatDickeReport, type DickeBenchReport } from './dicke-report';
import { DICKE_RESULTS_MARKERS } from './dicke-results-markers';
import { replaceSection } from './replace-section';
import { runPiqs } from './run-piqs';

const here = (p: string) => new URL(p, import.meta.url).pathname;

async function main(): Promise<void> {
  const opts = parseDickeBenchArgs(process.argv.slice(2));
  const loadBefore = os.loadavg();
  const log = (s: string) => console.error(`[dicke bench] ${s}`);
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
    const s = piqs.cases.find((c) => c.N === n);
    if (s === undefined) throw new Error(`dicke bench: PIQS returned no case for N = ${n}`);
    return { qsync: run(n), piqs: s };
  });
  const alone = opts.alone.map(run);
  const report: DickeBenchReport = {
    date: new Date().toISOString(),
    mode: opts.quick ? 'quick' : 'full',
    machine: {
      node: process.version,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
      loadBefore,
      loadAfter: os.loadavg(),
      qutip: piqs.qutip_version,
    },
    params: DICKE_BENCH_PARAMS,
    compared,
    alone,
  };
  const text = formatDickeReport(report);
  console.log(text);
  const outDir = here('../out/');
  mkdirSync(outDir, { recursive: true });
  const file = `${outDir}dicke-${report.date.replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, JSON.stringify({ ...report, piqsRaw: piqs }, null, 1) + '\n');
  log(`wrote ${file}`);
  if (opts.writeReadme) {
    const readme = here('../README.md');
    writeFileSync(readme, replaceSection(readFileSync(readme, 'utf8'), text, DICKE_RESULTS_MARKERS.start, DICKE_RESULTS_MARKERS.end));
    log(`rewrote the permutation-invariant results section of ${readme}`);
  }
}

main().catch((e: unknown) => {
  if (e instanceof CommanderError && e.code === 'commander.helpDisplayed') return;
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
