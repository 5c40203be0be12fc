import type { BenchRunHeader } from './bench-run-header';
import { formatSig } from './format-quantity';
import { formatRunLine } from './format-run-line';
import { formatTable } from './format-table';
import type { KuramotoQsyncCase } from './kuramoto-bench';
import type { KuramotoNumpyCase } from './kuramoto-numpy';

/** Marker that opens the Kuramoto results section of tools/bench/README.md. */
export const KURAMOTO_RESULTS_START = '<!-- kuramoto-results:start -->';
/** Marker that closes it. */
export const KURAMOTO_RESULTS_END = '<!-- kuramoto-results:end -->';

/** Everything one Kuramoto benchmark run measured; the JSON written to tools/bench/out. */
export interface KuramotoBenchReport extends BenchRunHeader<{ readonly numpy: string; readonly python: string }> {
  readonly params: { readonly V: number; readonly G: number; readonly sigma: number; readonly dt: number };
  readonly cases: readonly { readonly qsync: KuramotoQsyncCase; readonly numpy: KuramotoNumpyCase }[];
}

/**
 * Speed ratio qsync/NumPy in steps per second (above 1: qsync is faster), as '1.23×', with a
 * check mark at or above the target 1; '—' when a value is missing.
 *
 * @param qsync - qsync's steps/s (> 0) or null
 * @param numpy - NumPy's steps/s (> 0)
 * @example
 * formatSpeedRatio(1300, 1200); // '1.08× ✓'
 * formatSpeedRatio(900, 1200); // '0.75×'
 */
export function formatSpeedRatio(qsync: number | null, numpy: number): string {
  if (qsync === null) return '—';
  if (!(qsync > 0 && numpy > 0 && Number.isFinite(qsync) && Number.isFinite(numpy))) {
    throw new Error(`formatSpeedRatio: arguments must be finite rates > 0, got ${qsync} and ${numpy}`);
  }
  const r = qsync / numpy;
  return `${r.toFixed(2)}×${r >= 1 ? ' ✓' : ''}`;
}

/**
 * The Markdown results of a Kuramoto benchmark run: the machine line, steps per second of
 * qsync and NumPy with their ratio, and where the time of one step goes.
 *
 * @param r - the run's report
 * @example
 * // kuramotoReport: a KuramotoBenchReport, as kuramoto-main.ts assembles it
 * formatKuramotoReport(kuramotoReport).startsWith('Run '); // true
 */
export function formatKuramotoReport(r: KuramotoBenchReport): string {
  const head =
    `${formatRunLine(r, `NumPy ${r.machine.numpy} (Python ${r.machine.python})`)} ` +
    `Problem: V = ${r.params.V}, G = ${r.params.G} (random Lorentzian ω), σ = ${r.params.sigma}, dt = ${r.params.dt}, one realization.`;
  const rate = (x: number) => formatSig(x, 3);
  const throughput = formatTable(
    ['N', 'qsync EM stepper', 'qsync `simulate`', 'NumPy', 'qsync/NumPy', '`simulate`/NumPy'],
    r.cases.map(({ qsync: q, numpy: p }) => [
      String(q.N),
      rate(q.steps_per_second),
      rate(q.simulate_steps_per_second),
      rate(p.steps_per_second),
      formatSpeedRatio(q.steps_per_second, p.steps_per_second),
      formatSpeedRatio(q.simulate_steps_per_second, p.steps_per_second),
    ]),
  );
  const us = (x: number | null) => (x === null ? '—' : formatSig(x, 3));
  const split = formatTable(
    ['N', 'part of one step (µs)', 'qsync', 'NumPy'],
    r.cases.flatMap(({ qsync: q, numpy: p }) => [
      [String(q.N), 'whole step', us(q.step_us), us(p.step_us)],
      [String(q.N), 'drift: cos, sin, z, f (qsync: WebAssembly SIMD)', us(q.drift_us), us(p.drift_us)],
      [String(q.N), 'cos + sin alone (qsync: the JavaScript kernel)', us(q.trig_us), us(p.trig_us)],
      [String(q.N), 'N normals (ziggurat, both)', us(q.normals_us), us(p.normals_us)],
      [String(q.N), 'N normals, polar method (reference)', us(q.normals_polar_us), '—'],
      [String(q.N), 'rest: scale ΔW, update, checks', us(q.rest_us), us(p.rest_us)],
    ]),
    ['left', 'left', 'right', 'right'],
  );
  return [
    head,
    '',
    '### Euler–Maruyama steps per second (target: qsync/NumPy ≥ 1, marked ✓)',
    '',
    throughput,
    '',
    '### Where the time of one step goes (fastest of the runs, µs per step)',
    '',
    split,
  ].join('\n');
}
