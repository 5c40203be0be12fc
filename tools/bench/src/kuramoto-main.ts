// `npm run bench:kuramoto` (tools/bench/src/kuramoto-main.ts): qsync against NumPy on Euler–Maruyama steps of the
// Kuramoto model (thesis Eq. 2.29). Runs the NumPy script, then qsync, on the same problem;
// prints the tables, writes tools/bench/out/kuramoto-<timestamp>.json and (full runs) the
// Kuramoto results section of README.md.
import { CommanderError } from 'commander';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { benchKuramotoQsync, KURAMOTO_BENCH_PARAMS, type KuramotoQsyncCase } from './kuramoto-bench';
import { parseKuramotoBenchArgs } from './kuramoto-bench-args';
import { runNumpyKuramoto } from './kuramoto-numpy';
import {
  formatKuramotoReport,
  KURAMOTO_RESULTS_END,
  KURAMOTO_RESULTS_START,
  type KuramotoBenchReport,
} from './kuramoto-report';
import { replaceSection } from './replace-section';

const here = (p: string) => new URL(p, import.meta.url).pathname;

async function main(): Promise<void> {
  const opts = parseKuramotoBenchArgs(process.argv.slice(2));
  const loadBefore = os.loadavg();
  const log = (s: string) => console.error(`[kuramoto bench] ${s}`);
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
    date: new Date().toISOString(),
    mode: opts.quick ? 'quick' : 'full',
    machine: {
      node: process.version,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
      loadBefore,
      loadAfter: os.loadavg(),
      numpy: numpy.numpy_version,
      python: numpy.python_version,
    },
    params: KURAMOTO_BENCH_PARAMS,
    cases: qsync.map((q) => {
      const p = numpy.cases.find((c) => c.N === q.N);
      if (p === undefined) throw new Error(`kuramoto bench: NumPy returned no case for N = ${q.N}`);
      return { qsync: q, numpy: p };
    }),
  };
  const text = formatKuramotoReport(report);
  console.log(text);
  const outDir = here('../out/');
  mkdirSync(outDir, { recursive: true });
  const file = `${outDir}kuramoto-${report.date.replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, JSON.stringify({ ...report, numpyRaw: numpy }, null, 1) + '\n');
  log(`wrote ${file}`);
  if (opts.writeReadme) {
    const readme = here('../README.md');
    writeFileSync(readme, replaceSection(readFileSync(readme, 'utf8'), text, KURAMOTO_RESULTS_START, KURAMOTO_RESULTS_END));
    log(`rewrote the Kuramoto results section of ${readme}`);
  }
}

main().catch((e: unknown) => {
  // --help: commander has written the usage; a normal exit
  if (e instanceof CommanderError && e.code === 'commander.helpDisplayed') return;
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
