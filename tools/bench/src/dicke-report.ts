import type { BenchRunHeader } from './bench-run-header';
import type { DickeQsyncCase } from './dicke-bench';
import { formatDuration, formatRatio, formatSig, MISSING } from './format-quantity';
import { formatRunLine } from './format-run-line';
import { formatTable } from './format-table';
import type { PiqsCase } from './run-piqs';
import { timeRatio } from './time-ratio';

/** Everything one run of `npm run bench:dicke` measured; the JSON written to tools/bench/out. */
export interface DickeBenchReport extends BenchRunHeader<{ readonly qutip: string | null }> {
  readonly params: { readonly V: number; readonly gammaPlus: number; readonly gammaMinus: number; readonly gammaZ: number };
  /** sizes run on both sides */
  readonly compared: readonly { readonly qsync: DickeQsyncCase; readonly piqs: PiqsCase }[];
  /** sizes run by qsync alone */
  readonly alone: readonly DickeQsyncCase[];
}

/**
 * The markdown of one run: the time table qsync against PIQS with the ratio (target: no slower,
 * ratio ≤ 1, marked ✓), the agreement of ⟨Sz⟩ and ⟨S+S−⟩, and the sizes qsync ran alone.
 *
 * @param r - the report
 * @example
 * formatDickeReport({
 *   date: '2026-12-06T12:00:00.000Z', mode: 'full',
 *   machine: { node: 'v20', cpu: 'cpu', cores: 2, loadBefore: [0, 0, 0], loadAfter: [0, 0, 0], qutip: '4.7.1' },
 *   params: { V: 4, gammaPlus: 1, gammaMinus: 0.2, gammaZ: 0.1 },
 *   compared: [{
 *     qsync: { N: 10, blockSize: 36, steady_s: 0.001, method: 'direct', residual: 1e-16, Sz: 0.75, SpSm: 7.75 },
 *     piqs: { N: 10, nds: 36, liouvillian_dim: 1296, nnz: 1716, build_s: 0.003, steady_s: 0.006, Sz: 0.75, SpSm: 7.75 },
 *   }],
 *   alone: [],
 * }).includes('| 10  |'); // true
 */
export function formatDickeReport(r: DickeBenchReport): string {
  const p = r.params;
  const lines: string[] = [];
  lines.push(
    `${formatRunLine(r, `QuTiP ${r.machine.qutip ?? MISSING}`)} Problem: Eq. (4.52) with local dephasing, ` +
      `V = ${p.V}, γ+ = ${p.gammaPlus}, γ− = ${p.gammaMinus}, γz = ${p.gammaZ}.`,
  );
  lines.push('');
  lines.push('### Steady state, qsync against PIQS (target: qsync/PIQS ≤ 1, marked ✓)');
  lines.push('');
  lines.push(
    formatTable(
      ['N', 'PI unknowns (qsync)', 'PIQS L', 'PIQS build L', 'PIQS steadystate', 'qsync steadyState', 'qsync/PIQS', '|Δ⟨Sz⟩|/|⟨Sz⟩|', '|Δ⟨S+S−⟩|/⟨S+S−⟩'],
      r.compared.map(({ qsync: q, piqs: s }) => [
        String(q.N),
        `${q.blockSize} (${q.method})`,
        `${s.liouvillian_dim} (nnz ${s.nnz})`,
        formatDuration(s.build_s),
        formatDuration(s.steady_s),
        formatDuration(q.steady_s),
        formatRatio(timeRatio(q.steady_s, s.steady_s), 1),
        formatSig(Math.abs(q.Sz - s.Sz) / Math.abs(s.Sz), 2),
        formatSig(Math.abs(q.SpSm - s.SpSm) / Math.abs(s.SpSm), 2),
      ]),
    ),
  );
  lines.push('');
  lines.push(
    'qsync/PIQS compares the steady-state calls: PIQS gets its finished Liouvillian (building it is the column "PIQS build L"), ' +
      'qsync builds the population sector inside the timed call. The relative differences are bounded by PIQS\'s single-precision coefficients (~1e-7).',
  );
  if (r.alone.length > 0) {
    lines.push('');
    lines.push('### qsync alone');
    lines.push('');
    lines.push(
      formatTable(
        ['N', 'PI unknowns', 'method', 'steadyState', '‖Lρ‖', '⟨Sz⟩', '⟨S+S−⟩'],
        r.alone.map((q) => [
          String(q.N),
          String(q.blockSize),
          q.method,
          formatDuration(q.steady_s),
          formatSig(q.residual, 2),
          formatSig(q.Sz, 6),
          formatSig(q.SpSm, 6),
        ]),
      ),
    );
  }
  return lines.join('\n');
}
