import type { QsyncCase } from './bench-qsync';
import type { BenchRunHeader } from './bench-run-header';
import { formatBytes, formatDuration, formatRatio, formatSig, MISSING } from './format-quantity';
import { formatRunLine } from './format-run-line';
import { formatTable } from './format-table';
import { maxAbsDiff } from './max-abs-diff';
import { csrTrafficBytes, stencilTrafficBytes } from './memory-traffic';
import type { QutipCase } from './run-qutip';
import { timeRatio } from './time-ratio';

/** The tight QuTiP reference of test/fixtures/qutip-vdp.json (case pair_a), at its N. */
export interface Reference {
  readonly N: number;
  readonly adagb_re: readonly number[];
  readonly adagb_im: readonly number[];
  readonly steady_adagb: readonly [number, number];
  /** The reference solver's tolerances, for the table caption. */
  readonly atol: number;
  readonly rtol: number;
}

/** Everything one run measured; the JSON written to tools/bench/out. */
export interface BenchReport extends BenchRunHeader<{ readonly qutip: string; readonly numpy: string; readonly scipy: string; readonly python: string }> {
  /** JS triad bandwidth, GB/s, on 3 × 8 MiB arrays: the bound the tables use. */
  readonly triadGBs: number;
  /** The same on 3 × 128 MiB (main memory), for reference. */
  readonly triadDramGBs: number;
  readonly cases: readonly { readonly qsync: QsyncCase; readonly qutip: QutipCase }[];
  readonly reference: Reference | null;
}

/** The DP5 stability interval on the negative real axis, |hλ| ≲ 3.3 (Hairer–Wanner I, Fig. IV.2.1). */
const DP5_STABILITY = 3.3;

interface Series {
  readonly mesolve_expect_re: readonly number[];
  readonly mesolve_expect_im: readonly number[];
  readonly steady_adagb: readonly [number, number];
}

const seriesDiff = (a: Series, re: readonly number[], im: readonly number[]) => maxAbsDiff(a.mesolve_expect_re, a.mesolve_expect_im, re, im);
const pointDiff = (a: readonly [number, number], b: readonly [number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1]);
const ms = (x: number) => formatDuration(x / 1e3);

/**
 * Renders a run as Markdown: per-N timing tables (qsync, QuTiP, qsync/QuTiP for RHS, mesolve
 * and steady state), the integrator-work table (steps, RHS evaluations, time inside the RHS),
 * the accuracy table (qsync vs QuTiP and both vs the tight reference) and the memory-bandwidth
 * table, after a line on the machine. The same text goes to stdout and into the README.
 *
 * @param r - the run's numbers
 * @example
 * // report: a BenchReport, as main.ts assembles it
 * formatReport(report).startsWith('Run '); // true
 */
export function formatReport(r: BenchReport): string {
  const m = r.machine;
  const parts: string[] = [];
  parts.push(formatRunLine(r, `QuTiP ${m.qutip} (numpy ${m.numpy}, scipy ${m.scipy}, Python ${m.python})`, r.mode === 'quick' ? ': fewer repetitions' : ''));

  parts.push('### Time per task (target: qsync/QuTiP ≤ 0.5, marked ✓)');
  for (const { qsync: q, qutip: p } of r.cases) {
    const row = (task: string, a: number, b: number, fmt: (x: number) => string) => [task, fmt(a), fmt(b), formatRatio(timeRatio(a, b))];
    const rows: string[][] = [
      row('one RHS on all of ρ: qsync stencil │ QuTiP spmv', q.rhs_ms, p.rhs_ms, ms),
      row('one RHS on all of ρ: qsync CSR │ QuTiP spmv', q.rhs_csr_ms, p.rhs_ms, ms),
      row('one RHS: qsync CSR on population block │ QuTiP spmv', q.rhs_block_ms, p.rhs_ms, ms),
      row('mesolve t ∈ [0, 20], 201 outputs', q.mesolve_s, p.mesolve_s, formatDuration),
      row('… qsync DP5 + stencil on all of ρ │ QuTiP mesolve', q.dp5.s, p.mesolve_s, formatDuration),
      row('… qsync DP5 + CSR on population block │ QuTiP mesolve', q.dp5_block.s, p.mesolve_s, formatDuration),
      row(`steady state (qsync ${q.steady_method} │ QuTiP direct)`, q.steady_s, p.steady_s, formatDuration),
    ];
    parts.push(
      `**N = ${q.N}** — Hilbert dim ${q.dim}, Liouvillian ${p.liouvillian_dim} (nnz ${q.nnz}); qsync stencil: ` +
        `${q.rhs_terms} passes${q.rhs_hermitian ? ' over the upper triangle' : ''}; population block ${q.block_size} ` +
        `entries (nnz ${q.block_nnz})\n\n` +
        formatTable(['task', 'qsync', 'QuTiP', 'qsync/QuTiP'], rows),
    );
  }

  parts.push('### Integrator work, t ∈ [0, 20] at rtol 1e-6, atol 1e-8');
  const workRows: string[][] = [];
  for (const { qsync: q, qutip: p } of r.cases) {
    const dp = (name: string, w: QsyncCase['dp5']) => [
      String(q.N),
      name,
      `${w.steps} (${w.rejected})`,
      String(w.rhs_evaluations),
      formatDuration(w.rhs_s),
      formatDuration(w.s),
      ms(((w.s - w.rhs_s) / Math.max(1, w.steps + w.rejected)) * 1e3),
    ];
    workRows.push(dp('qsync DP5 + stencil, all of ρ', q.dp5), dp('qsync DP5 + CSR, population block', q.dp5_block));
    const nfe = p.mesolve_rhs_evaluations;
    const nst = p.mesolve_steps;
    const inRhs = nfe === null ? null : (nfe * p.rhs_ms) / 1e3;
    workRows.push([
      String(q.N),
      'QuTiP zvode Adams + spmv, all of ρ',
      nst === null ? MISSING : String(nst),
      nfe === null ? MISSING : String(nfe),
      inRhs === null ? MISSING : `≈ ${formatDuration(inRhs)}`,
      formatDuration(p.mesolve_s),
      inRhs === null || nst === null ? MISSING : `≈ ${ms(((p.mesolve_s - inRhs) / Math.max(1, nst)) * 1e3)}`,
    ]);
  }
  parts.push(
    formatTable(['N', 'integrator', 'steps (rejected)', 'RHS evals', 'time in RHS', 'total', 'other time per step'], workRows, [
      'left',
      'left',
      'right',
      'right',
      'right',
      'right',
      'right',
    ]) +
      '\n\nDP5 stability: the fastest decay on the Liouvillian diagonal, max|L_kk|, and the step it allows, 3.3/max|L_kk| ' +
      '(steps needed ≥ 20·max|L_kk|/3.3): ' +
      r.cases.map(({ qsync: q }) => `N = ${q.N}: ${formatSig(q.max_decay_rate)} → h ≤ ${formatSig(DP5_STABILITY / q.max_decay_rate)}, ≥ ${Math.ceil((20 * q.max_decay_rate) / DP5_STABILITY)} steps`).join('; ') +
      '. QuTiP\'s time in RHS is its evaluation count × the median spmv time (≈).',
  );

  parts.push('### Accuracy of ⟨a†b⟩ (max |Δ| over the 201 output times; |Δ| of the steady-state value)');
  const ref = r.reference;
  parts.push(
    formatTable(
      ['N', 'mesolve: qsync vs QuTiP', 'steady: qsync vs QuTiP', 'mesolve: qsync vs ref', 'mesolve: QuTiP vs ref', 'steady: qsync vs ref', 'steady: QuTiP vs ref'],
      r.cases.map(({ qsync: q, qutip: p }) => {
        const atRef = ref !== null && ref.N === q.N;
        return [
          String(q.N),
          formatSig(seriesDiff(q, p.mesolve_expect_re, p.mesolve_expect_im), 2),
          formatSig(pointDiff(q.steady_adagb, p.steady_adagb), 2),
          atRef ? formatSig(seriesDiff(q, ref.adagb_re, ref.adagb_im), 2) : MISSING,
          atRef ? formatSig(seriesDiff(p, ref.adagb_re, ref.adagb_im), 2) : MISSING,
          atRef ? formatSig(pointDiff(q.steady_adagb, ref.steady_adagb), 2) : MISSING,
          atRef ? formatSig(pointDiff(p.steady_adagb, ref.steady_adagb), 2) : MISSING,
        ];
      }),
    ) +
      (ref === null
        ? '\n\nNo reference loaded, so the "vs ref" columns are empty.'
        : `\n\nref: test/fixtures/qutip-vdp.json, case pair_a (N = ${ref.N} only; QuTiP mesolve at atol ${ref.atol}, rtol ${ref.rtol}; ` +
          'steady state direct). Sizes without a reference show —.'),
  );

  parts.push(
    `### Memory-bandwidth bound of one RHS (JS triad a[i] = b[i] + s·c[i]: ${formatSig(r.triadGBs)} GB/s on 3 × 8 MiB, ` +
      `${formatSig(r.triadDramGBs)} GB/s on 3 × 128 MiB)`,
  );
  const gbs = r.triadGBs * 1e9;
  const vsBound = (t: number, bound: number) => `${ms(t)} (${formatSig(t / 1e3 / bound, 2)})`;
  parts.push(
    formatTable(
      ['N', 'CSR bytes', 'CSR bound', 'QuTiP spmv (÷ bound)', 'qsync CSR (÷ bound)', 'stencil bytes: memory │ loops', 'stencil bound: memory │ loops', 'qsync stencil (÷ memory bound │ ÷ loop bound)'],
      r.cases.map(({ qsync: q, qutip: p }) => {
        const csrBytes = csrTrafficBytes(p.nnz, p.liouvillian_dim);
        const csrBound = csrBytes / gbs;
        const st = stencilTrafficBytes(q.dim, q.rhs_terms, q.rhs_hermitian);
        const stMem = st.memory / gbs;
        const stLoop = st.passes / gbs;
        return [
          String(q.N),
          formatBytes(csrBytes),
          formatDuration(csrBound),
          vsBound(p.rhs_ms, csrBound),
          vsBound(q.rhs_csr_ms, csrBound),
          `${formatBytes(st.memory)} │ ${formatBytes(st.passes)}`,
          `${formatDuration(stMem)} │ ${formatDuration(stLoop)}`,
          `${ms(q.rhs_ms)} (${formatSig(q.rhs_ms / 1e3 / stMem, 2)} │ ${formatSig(q.rhs_ms / 1e3 / stLoop, 2)})`,
        ];
      }),
    ) +
      '\n\nbytes: CSR = 20 B per nonzero (16 B value + 4 B index) + row pointers + x read + y written once. Stencil ' +
      '"memory" = ρ read once + ρ̇ written once + Hermitian mirror + coefficient vectors (what must cross the memory ' +
      'interface when the rows being worked on stay in cache, as in the row-by-row kernel); "loops" = what the passes load ' +
      'and store (per term and entry: read ρ, read and write ρ̇). bound = bytes ÷ triad bandwidth; (÷ bound) = measured ' +
      'time ÷ bound: 1 is at the bound, below 1 faster than the JS triad streams (the data sit in cache).',
  );
  return parts.join('\n\n') + '\n';
}
