import type { BenchRunHeader } from './bench-run-header';

/**
 * The first line of every benchmark report: the run's date and mode, the machine, the other
 * side's tools, the load average before and after.
 *
 * @param r - the report's head
 * @param tools - the other side's tools, as the line names them ('QuTiP 4.7.1')
 * @param modeNote - appended to the mode in its parentheses (': fewer repetitions')
 * @example
 * formatRunLine(
 *   { date: 'D', mode: 'full', machine: { node: 'v20', cpu: 'cpu', cores: 2, loadBefore: [1, 0.5, 0.25], loadAfter: [0, 0, 0] } },
 *   'QuTiP 4.7.1',
 * ); // 'Run D (full). Node v20, cpu (2 cores), QuTiP 4.7.1. Load average (1 / 5 / 15 min) before 1.00 / 0.50 / 0.25, after 0.00 / 0.00 / 0.00.'
 */
export function formatRunLine(r: BenchRunHeader, tools: string, modeNote = ''): string {
  const m = r.machine;
  const load = (l: readonly number[]) => l.map((x) => x.toFixed(2)).join(' / ');
  return (
    `Run ${r.date} (${r.mode}${modeNote}). Node ${m.node}, ${m.cpu} (${m.cores} cores), ${tools}. ` +
    `Load average (1 / 5 / 15 min) before ${load(m.loadBefore)}, after ${load(m.loadAfter)}.`
  );
}
