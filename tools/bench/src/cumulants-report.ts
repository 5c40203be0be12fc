import type { BenchRunHeader } from './bench-run-header';
import type { CumulantIsingRun } from './cumulants-bench';
import type { CumulantGroupRun } from './cumulants-group-bench';
import { formatDuration, formatSig } from './format-quantity';
import { formatTable } from './format-table';
import { formatRunLine } from './format-run-line';

/** Markers of the cumulants section of tools/bench/README.md. */
export const CUMULANTS_RESULTS_START = '<!-- cumulants:start -->';
export const CUMULANTS_RESULTS_END = '<!-- cumulants:end -->';

/** One order's result: its first (cold) run in the process, if measured, and the fastest warm run. */
export interface CumulantsOrderResult {
  readonly cold: CumulantIsingRun | null;
  readonly warm: CumulantIsingRun;
  /** max over the output times of |⟨σz_3⟩ − QuTiP's exact| */
  readonly errorVsExact: number | null;
}

/** What `npm run bench:cumulants` measured. */
export interface CumulantsBenchReport extends BenchRunHeader<{ readonly qutip: string }> {
  readonly orders: readonly CumulantsOrderResult[];
  /** QuTiP mesolve of the exact chain (64 states), fastest of reps; null without QuTiP */
  readonly qutipSeconds: number | null;
  /** grouped derivations, each the fastest of reps in fresh processes (peak memory: the largest) */
  readonly groups?: readonly CumulantGroupRun[];
}

/**
 * The report of `npm run bench:cumulants` as Markdown: one row per order with the stages of the
 * fastest warm run, the cold time to first solve of the highest order, and QuTiP's mesolve time.
 *
 * @param r - the report
 * @example
 * const run = { order: 3, size: 693, deriveSeconds: 0.5, compileSeconds: 0.1, initialSeconds: 0.01, solveSeconds: 1, totalSeconds: 1.61, cpuSeconds: 1.5, rhsEvaluations: 4748, sz: [] };
 * const machine = { node: 'v20', cpu: 'cpu', cores: 2, loadBefore: [1, 1, 1], loadAfter: [1, 1, 1], qutip: '4.7.1' };
 * const text = formatCumulantsReport({ date: 'D', mode: 'quick', machine, orders: [{ cold: run, warm: run, errorVsExact: 0.07 }], qutipSeconds: 2 });
 * text.split('\n')[4]; // '| 3     |       693 | 500 ms |  100 ms | 10.0 ms | 1.00 s |      4748 |       1.61 s | 1.50 s |          0.0700 |'
 */
export function formatCumulantsReport(r: CumulantsBenchReport): string {
  const rows = r.orders.map(({ warm, errorVsExact }) => [
    String(warm.order),
    String(warm.size),
    formatDuration(warm.deriveSeconds),
    formatDuration(warm.compileSeconds),
    formatDuration(warm.initialSeconds),
    formatDuration(warm.solveSeconds),
    String(warm.rhsEvaluations),
    formatDuration(warm.totalSeconds),
    formatDuration(warm.cpuSeconds),
    errorVsExact === null ? '—' : formatSig(errorVsExact),
  ]);
  const table = formatTable(['order', 'equations', 'derive', 'compile', 'initial', 'solve', 'RHS calls', 'total (warm)', 'CPU', 'max |Δ⟨σz_3⟩|'], rows);
  const cold = r.orders.filter((o) => o.cold !== null).map((o) => {
    const c = o.cold as CumulantIsingRun;
    return `Cold time to first solve (a fresh process, order ${c.order}, ${c.size} equations): ${formatDuration(c.totalSeconds)} ` +
      `(derive ${formatDuration(c.deriveSeconds)}, compile ${formatDuration(c.compileSeconds)}, solve ${formatDuration(c.solveSeconds)}), CPU ${formatDuration(c.cpuSeconds)}; target < 5 s.`;
  });
  const qutip = r.qutipSeconds === null ? 'QuTiP: not available.' : `QuTiP ${r.machine.qutip} mesolve of the exact chain (64 states, rtol 1e-6, atol 1e-8): ${formatDuration(r.qutipSeconds)}.`;
  const groups =
    r.groups === undefined || r.groups.length === 0
      ? []
      : [
          '',
          'Grouped derivations (`groupCumulantEquations`, two groups of symbolic size, U(1)), each in a fresh process:',
          '',
          formatTable(
            ['model', 'order', 'classes', 'equations', 'wall', 'CPU', 'peak RSS'],
            r.groups.map((g) => [g.model === 'nonreciprocal' ? '(6.1) two species' : '(7.1) laser', String(g.order), String(g.classes), String(g.size), formatDuration(g.wallSeconds), formatDuration(g.cpuSeconds), `${Math.round(g.peakRssMB)} MB`]),
          ),
        ];
  return [formatRunLine(r, `QuTiP ${r.machine.qutip}`), '', table, '', ...cold, qutip, ...groups].join('\n');
}
