import type { BenchRunHeader } from './bench-run-header';
import { formatDuration, formatSig, MISSING } from './format-quantity';
import { formatRunLine } from './format-run-line';
import { formatTable } from './format-table';
import type { QutipSpectrumCase } from './run-qutip-spectrum';
import type { SpectrumQsyncCase } from './spectrum-bench';

/** Marker that opens the spectrum results section of tools/bench/README.md. */
export const SPECTRUM_RESULTS_START = '<!-- spectrum-results:start -->';
/** Marker that closes it. */
export const SPECTRUM_RESULTS_END = '<!-- spectrum-results:end -->';

/** The speed-up target: qsync at least this many times faster than QuTiP's faster solver. */
export const SPECTRUM_SPEEDUP_TARGET = 100;

/** Everything one run of `npm run bench:spectrum` measured; the JSON written to tools/bench/out. */
export interface SpectrumBenchReport extends BenchRunHeader<{ readonly qutip: string | null }> {
  readonly params: { readonly kappa: number; readonly kappa1: number; readonly kappa2: number; readonly delta: number; readonly V: number; readonly omegaMax: number };
  /** cutoffs run on both sides */
  readonly compared: readonly { readonly qsync: SpectrumQsyncCase; readonly qutip: QutipSpectrumCase }[];
  /** cutoffs run by qsync alone */
  readonly alone: readonly SpectrumQsyncCase[];
}

/**
 * QuTiP's 'pi' time scaled from the frequencies it was timed on to all of them.
 *
 * @param c - one case of the QuTiP side
 * @example
 * piSecondsScaled({ freqs: 121, pi_freqs: 3, pi_s: 45 } as QutipSpectrumCase); // 1815
 */
export function piSecondsScaled(c: QutipSpectrumCase): number {
  return (c.pi_s / c.pi_freqs) * c.freqs;
}

/**
 * The markdown of one run: per cutoff the time of qsync's `steadyStateSpectrum` and of QuTiP's
 * `spectrum` with 'es' and 'pi' (scaled, and said so), the speed-up over QuTiP's faster solver
 * (target ≥ 100×, marked ✓), the agreement of the spectra, and the cutoffs qsync ran alone.
 *
 * @param r - the report
 * @example
 * formatSpectrumReport({
 *   date: '2026-12-06T12:00:00.000Z', mode: 'full',
 *   machine: { node: 'v20', cpu: 'cpu', cores: 2, loadBefore: [0, 0, 0], loadAfter: [0, 0, 0], qutip: '4.7.1' },
 *   params: { kappa: 1, kappa1: 3, kappa2: 1, delta: 5, V: 2, omegaMax: 10 },
 *   compared: [{
 *     qsync: { N: 8, freqs: 2, seconds: 0.5, density: [1, 2], fourierSeconds: null, fourierDefect: null },
 *     qutip: { N: 8, liouvillian_dim: 4096, nnz: 40064, freqs: 2, es_s: 100, pi_freqs: 1, pi_s: 30, omega: [0, 1], S_es: [1, 2], pi_index: [1], S_pi: [2] },
 *   }],
 *   alone: [],
 * }).includes('| 8   |'); // true
 */
export function formatSpectrumReport(r: SpectrumBenchReport): string {
  const p = r.params;
  const lines: string[] = [];
  const freqs = r.compared[0]?.qsync.freqs ?? r.alone[0]?.freqs ?? 0;
  lines.push(
    `${formatRunLine(r, `QuTiP ${r.machine.qutip ?? MISSING}`)} Problem: S_A(ω) of Eq. (4.8), A = a†, B = a, ` +
      `κ = ${p.kappa}, κ1 = ${p.kappa1}, κ2 = ${p.kappa2}, δ = ${p.delta}, V = ${p.V}, on ${freqs} frequencies on [−${p.omegaMax}, ${p.omegaMax}].`,
  );
  lines.push('');
  lines.push(`### Spectrum on ${freqs} frequencies, qsync against QuTiP's \`spectrum\` (target: ≥ ${SPECTRUM_SPEEDUP_TARGET}× faster than QuTiP's faster solver, marked ✓)`);
  lines.push('');
  lines.push(
    formatTable(
      ['N', 'Liouvillian (nnz)', "QuTiP 'es'", "QuTiP 'pi' (scaled)", 'qsync', 'faster QuTiP ÷ qsync', "max rel. diff. vs 'es'", "vs 'pi'"],
      r.compared.map(({ qsync: q, qutip: s }) => {
        const pi = piSecondsScaled(s);
        const faster = Math.min(s.es_s, pi);
        const speedup = faster / q.seconds;
        let dEs = 0;
        for (let k = 0; k < s.S_es.length; k++) dEs = Math.max(dEs, Math.abs(q.density[k] - s.S_es[k]) / Math.abs(s.S_es[k]));
        let dPi = 0;
        s.pi_index.forEach((k, j) => (dPi = Math.max(dPi, Math.abs(q.density[k] - s.S_pi[j]) / Math.abs(s.S_pi[j]))));
        return [
          String(q.N),
          `${s.liouvillian_dim} (${s.nnz})`,
          formatDuration(s.es_s),
          `${formatDuration(pi)} (${formatDuration(s.pi_s / s.pi_freqs)} × ${s.freqs})`,
          formatDuration(q.seconds),
          `${formatSig(speedup)}×${speedup >= SPECTRUM_SPEEDUP_TARGET ? ' ✓' : ''}`,
          formatSig(dEs, 2),
          formatSig(dPi, 2),
        ];
      }),
    ),
  );
  lines.push('');
  lines.push(
    "QuTiP 'es' diagonalises the whole Liouvillian densely once and sums its exponential series at every ω (one timed call on all frequencies). " +
      `QuTiP 'pi' solves the dense N⁴×N⁴ system (iω − L) per frequency; it was timed on ${r.compared.map((c) => c.qutip.pi_freqs).join(' / ')} ` +
      'frequencies and its time per frequency multiplied by the number of frequencies ("scaled"; its Liouvillian and steady state, once per call, are a few ms of the 10–100 s). ' +
      "Both QuTiP calls include QuTiP's Liouvillian and steady state; qsync's call includes its steady state, sparse Liouvillian and block reduction (the model is built outside the timed calls on both sides). " +
      'qsync: `steadyStateSpectrum` (resolvent route, default solver), best of the timed calls, one core.',
  );
  const all = [...r.compared.map((c) => c.qsync), ...r.alone];
  lines.push('');
  lines.push('### qsync at every cutoff, and its two routes against each other');
  lines.push('');
  lines.push(
    formatTable(
      ['N', 'Liouvillian dim', 'resolvent route', 'Fourier route (one call)', 'max |resolvent − Fourier| / max S'],
      all.map((q) => [String(q.N), String(q.N ** 4), formatDuration(q.seconds), formatDuration(q.fourierSeconds), formatSig(q.fourierDefect, 2)]),
    ),
  );
  return lines.join('\n');
}
